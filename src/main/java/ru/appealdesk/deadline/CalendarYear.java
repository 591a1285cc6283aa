package ru.appealdesk.deadline;

import java.util.List;

/** The decreed data of one country and year: every day that differs from "Monday to Friday work, weekend off". */
public record CalendarYear(Jurisdiction jurisdiction, int year, List<CalendarDay> days) {

  public CalendarYear {
    days = List.copyOf(days);
  }
}
