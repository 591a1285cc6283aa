package ru.appealdesk.appeal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import ru.appealdesk.deadline.Jurisdiction;

/** How dates and clients read in forms and views: local time of the jurisdiction, Russian style. */
final class AppealTexts {

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private AppealTexts() {}

  static String dateTime(Instant at, Jurisdiction j) {
    return at == null ? null : DATE_TIME.format(at.atZone(j.zone())) + (j == Jurisdiction.RU ? " (МСК)" : " (Алматы)");
  }

  static String date(Instant at, Jurisdiction j) {
    return at == null ? null : DATE.format(at.atZone(j.zone()));
  }

  /** ISO-8601 with the jurisdiction's offset, e.g. {@code 2026-12-04T23:59:59+03:00}. */
  static String iso(Instant at, Jurisdiction j) {
    return at == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(j.zone()).toOffsetDateTime());
  }

  static String client(Client c) {
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
