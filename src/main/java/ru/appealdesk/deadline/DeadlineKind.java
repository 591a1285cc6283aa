package ru.appealdesk.deadline;

import java.util.Locale;

/** How a number of days is counted (the {@code deadlineKind} output of the routing DMN). */
public enum DeadlineKind {
  /** N working days after the day of receipt (the day of receipt is not counted). */
  WORKING_DAYS,
  /** N calendar days after the day of receipt; a non-working last day moves to the next working day. */
  CALENDAR_DAYS,
  /** The day of receipt itself, whatever kind of day it is (SPEC §5: 23:59:59 of the day of receipt). */
  SAME_DAY;

  public static DeadlineKind of(String code) {
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("Deadline kind is missing (WORKING_DAYS, CALENDAR_DAYS or SAME_DAY)");
    }
    try {
      return valueOf(code.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown deadline kind '" + code + "'", e);
    }
  }
}
