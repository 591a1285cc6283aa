package ru.appealdesk.company;

import java.time.Instant;

/**
 * The company as it heads every answer and letter of one jurisdiction (issue 18), edited by an administrator through
 * {@code PUT /api/company/{jurisdiction}}. Requisites: RU — ИНН, ОГРН and the number of the MFO's entry in the Bank of
 * Russia's state register; KZ — БИН and the ARDFM licence (registration). {@code kk} holds the texts of letters in
 * Kazakh; where one is null the Russian one is printed.
 *
 * @param logoUrl where the logo is served ({@code /api/company/RU/logo}); null when none was uploaded
 */
public record CompanyProfile(String jurisdiction, String legalForm, String name, String inn, String ogrn,
    String mfoRegistryNumber, String bin, String licence, String legalAddress, String postalAddress, String phone,
    String email, String website, Kazakh kk, String logoUrl, Instant updatedAt, String updatedBy) {

  /** The Kazakh texts of the profile; every one optional. */
  public record Kazakh(String legalForm, String name, String legalAddress, String postalAddress, String licence) {

    static final Kazakh NONE = new Kazakh(null, null, null, null, null);
  }

  public boolean hasLogo() {
    return logoUrl != null;
  }

  public String legalForm(String language) {
    return kazakh(language, kk == null ? null : kk.legalForm(), legalForm);
  }

  public String name(String language) {
    return kazakh(language, kk == null ? null : kk.name(), name);
  }

  public String legalAddress(String language) {
    return kazakh(language, kk == null ? null : kk.legalAddress(), legalAddress);
  }

  /** The postal address, or the legal one when it is the same. */
  public String postalAddress(String language) {
    String postal = kazakh(language, kk == null ? null : kk.postalAddress(), postalAddress);
    return postal == null ? legalAddress(language) : postal;
  }

  public String licence(String language) {
    return kazakh(language, kk == null ? null : kk.licence(), licence);
  }

  private static String kazakh(String language, String kazakh, String russian) {
    return "kk".equals(language) && kazakh != null ? kazakh : russian;
  }
}
