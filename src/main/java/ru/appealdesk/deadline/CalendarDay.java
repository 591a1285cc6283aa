package ru.appealdesk.deadline;

import java.time.LocalDate;

/** One exceptional day of a production calendar; {@code title} and {@code movedFrom} are informative only. */
public record CalendarDay(LocalDate date, DayType type, String title, LocalDate movedFrom) {

  public CalendarDay {
    if (date == null || type == null) {
      throw new IllegalArgumentException("date and type are required");
    }
  }
}
