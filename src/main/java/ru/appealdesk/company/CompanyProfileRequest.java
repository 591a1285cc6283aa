package ru.appealdesk.company;

/**
 * Body of {@code PUT /api/company/{jurisdiction}}: the whole profile (the logo is uploaded separately). RU needs
 * {@code inn}, {@code ogrn}, {@code mfoRegistryNumber}; KZ needs {@code bin} and {@code licence}; the requisites of the
 * other country stay empty. {@code kk} is optional.
 */
public record CompanyProfileRequest(String legalForm, String name, String inn, String ogrn, String mfoRegistryNumber,
    String bin, String licence, String legalAddress, String postalAddress, String phone, String email, String website,
    CompanyProfile.Kazakh kk) {}
