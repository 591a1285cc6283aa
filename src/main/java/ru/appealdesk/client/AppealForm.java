package ru.appealdesk.client;

/**
 * What the public appeal form posts (all text, so that whatever the client typed comes back into the form when a field
 * needs correcting). {@code website} is a trap field people never see: bots fill it.
 */
public record AppealForm(String type, String subject, String text, String demand, String situationPlace,
    String situationAt, String contractNumber, String fullName, String phone, String email, String postalCode,
    String postalAddress, String idDocument, String consent, String website) {

  static AppealForm empty() {
    return new AppealForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  public boolean consentGiven() {
    return consent != null && !consent.isBlank();
  }

  boolean trapFilled() {
    return website != null && !website.isBlank();
  }
}
