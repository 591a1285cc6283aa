package ru.appealdesk.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working and non-working days of one country: the decreed data for the years it covers, and for any other year the
 * fallback "weekends + fixed public holidays" (no transfers, no movable religious holidays). Immutable and pure; who
 * computes with an uncovered year must say so ({@link Deadlines} logs a warning).
 */
public final class ProductionCalendar {

  /** Fixed public holidays per country, used only for years without data (Labour Code RF art. 112; RK holidays law). */
  private static final Map<Jurisdiction, Set<MonthDay>> FIXED_HOLIDAYS = Map.of(
      Jurisdiction.RU, Set.of(md(1, 1), md(1, 2), md(1, 3), md(1, 4), md(1, 5), md(1, 6), md(1, 7), md(1, 8),
          md(2, 23), md(3, 8), md(5, 1), md(5, 9), md(6, 12), md(11, 4)),
      Jurisdiction.KZ, Set.of(md(1, 1), md(1, 2), md(1, 7), md(3, 8), md(3, 21), md(3, 22), md(3, 23), md(5, 1),
          md(5, 7), md(5, 9), md(7, 6), md(8, 30), md(10, 25), md(12, 16)));

  private final Jurisdiction jurisdiction;
  private final Set<Integer> years;
  private final Map<LocalDate, CalendarDay> days;

  public ProductionCalendar(Jurisdiction jurisdiction, Collection<Integer> years, Collection<CalendarDay> days) {
    this.jurisdiction = jurisdiction;
    this.years = Collections.unmodifiableSet(new TreeSet<>(years));
    Map<LocalDate, CalendarDay> map = new HashMap<>();
    for (CalendarDay d : days) {
      if (!this.years.contains(d.date().getYear())) {
        throw new IllegalArgumentException("Day " + d.date() + " is outside the covered years " + this.years);
      }
      map.put(d.date(), d);
    }
    this.days = Map.copyOf(map);
  }

  /** A calendar without any data: every year falls back to weekends + fixed holidays. */
  public static ProductionCalendar empty(Jurisdiction jurisdiction) {
    return new ProductionCalendar(jurisdiction, Set.of(), Set.of());
  }

  public Jurisdiction jurisdiction() {
    return jurisdiction;
  }

  /** Years with decreed data, ascending. */
  public Set<Integer> years() {
    return years;
  }

  public boolean covers(int year) {
    return years.contains(year);
  }

  public boolean isWorkingDay(LocalDate date) {
    if (covers(date.getYear())) {
      CalendarDay d = days.get(date);
      return d != null ? d.type().isWorking() : !isWeekend(date);
    }
    return !isWeekend(date) && !FIXED_HOLIDAYS.get(jurisdiction).contains(MonthDay.from(date));
  }

  /** The exceptional day, if the data lists one. */
  public CalendarDay day(LocalDate date) {
    return days.get(date);
  }

  private static boolean isWeekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static MonthDay md(int month, int day) {
    return MonthDay.of(month, day);
  }
}
