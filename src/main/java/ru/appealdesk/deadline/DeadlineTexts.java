package ru.appealdesk.deadline;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/** How deadlines read for people: local time of the jurisdiction, Russian style, provisional ones marked. */
public final class DeadlineTexts {

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private DeadlineTexts() {}

  /** {@code 04.12.2026 23:59 (МСК)}. */
  public static String dateTime(Instant at, Jurisdiction j) {
    return at == null ? null : DATE_TIME.format(at.atZone(j.zone())) + (j == Jurisdiction.RU ? " (МСК)" : " (Алматы)");
  }

  /** {@code 04.12.2026}. */
  public static String date(Instant at, Jurisdiction j) {
    return at == null ? null : DATE.format(at.atZone(j.zone()));
  }

  /** ISO-8601 with the jurisdiction's offset, e.g. {@code 2026-12-04T23:59:59+03:00}. */
  public static String iso(Instant at, Jurisdiction j) {
    return at == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(j.zone()).toOffsetDateTime());
  }

  /** The deadline as forms show it, with a warning when it was counted over a year without decree data. */
  public static String due(Instant at, Jurisdiction j, Set<Integer> provisionalYears) {
    if (at == null) {
      return null;
    }
    String text = dateTime(at, j);
    if (provisionalYears == null || provisionalYears.isEmpty()) {
      return text;
    }
    return text + " — предварительно: нет производственного календаря на "
        + String.join(", ", provisionalYears.stream().sorted().map(String::valueOf).toList()) + " год";
  }
}
