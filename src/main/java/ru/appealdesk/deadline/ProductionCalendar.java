package ru.appealdesk.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working and non-working days of one country: the decreed data for the years it covers, and for any other year what
 * the law fixes by itself ({@link StatutoryHolidays}: public holidays and the statutory move of a holiday that falls on a
 * weekend; no decreed transfers, no Kurban Ait). Immutable and pure; a deadline computed on an uncovered year is
 * provisional ({@link Deadlines} marks it and logs a warning).
 */
public final class ProductionCalendar {

  private final Jurisdiction jurisdiction;
  private final Set<Integer> years;
  private final Map<LocalDate, CalendarDay> days;
  /** Derived days of uncovered years, computed once per year. */
  private final Map<Integer, Map<LocalDate, CalendarDay>> derived = new ConcurrentHashMap<>();

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

  /** A calendar without any data: every year is derived from the law. */
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
    return derivedDay(date) == null && !isWeekend(date);
  }

  /** The exceptional day, if the data lists one, or (for a year without data) the law derives one. */
  public CalendarDay day(LocalDate date) {
    return covers(date.getYear()) ? days.get(date) : derivedDay(date);
  }

  private CalendarDay derivedDay(LocalDate date) {
    return derived.computeIfAbsent(date.getYear(), y -> {
      Map<LocalDate, CalendarDay> m = new HashMap<>();
      StatutoryHolidays.derive(jurisdiction, y).forEach(d -> m.put(d.date(), d));
      return Map.copyOf(m);
    }).get(date);
  }

  private static boolean isWeekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}
