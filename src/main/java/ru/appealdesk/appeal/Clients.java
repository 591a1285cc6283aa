package ru.appealdesk.appeal;

/** What the appeal package knows about a client's details. */
final class Clients {

  private Clients() {}

  static boolean allBlank(ClientDetails d) {
    return Texts.blank(d.fullName()) && Texts.blank(d.phone()) && Texts.blank(d.email())
        && Texts.blank(d.postalAddress()) && Texts.blank(d.postalCode()) && Texts.blank(d.idDocument());
  }

  /** {@code 101000, Москва, …} — the address letters go to. */
  static String postalAddress(Client c) {
    if (c == null || c.getPostalAddress() == null) {
      return null;
    }
    return c.getPostalCode() == null ? c.getPostalAddress() : c.getPostalCode() + ", " + c.getPostalAddress();
  }

  /** The client as forms show them: name, phone, e-mail. */
  static String text(Client c) {
    if (c == null) {
      return "не указан";
    }
    StringBuilder sb = new StringBuilder(c.getFullName() == null ? "ФИО не указано" : c.getFullName());
    if (c.getPhone() != null) {
      sb.append(", тел. ").append(c.getPhone());
    }
    if (c.getEmail() != null) {
      sb.append(", ").append(c.getEmail());
    }
    return sb.toString();
  }
}
