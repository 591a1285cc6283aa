package ru.appealdesk.company;

/**
 * Body of {@code PUT /api/company/{jurisdiction}}: the whole profile (the logo is uploaded separately). RU needs
 * {@code inn}, {@code ogrn}, {@code mfoRegistryNumber}; KZ needs {@code bin} and {@code licence}; the requisites of the
 * other country stay empty. {@code kk} is optional.
 *
 * <p>The read-only fields of {@code GET /api/company/{jurisdiction}} ({@code jurisdiction}, {@code logoUrl},
 * {@code updatedAt}, {@code updatedBy}) are accepted and ignored, so a profile read, edited and put back is taken.
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties({"jurisdiction", "logoUrl", "updatedAt", "updatedBy"})
public record CompanyProfileRequest(String legalForm, String name, String inn, String ogrn, String mfoRegistryNumber,
    String bin, String licence, String legalAddress, String postalAddress, String phone, String email, String website,
    CompanyProfile.Kazakh kk) {}
