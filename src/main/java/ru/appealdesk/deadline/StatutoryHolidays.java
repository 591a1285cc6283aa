package ru.appealdesk.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the law fixes by itself for a year that has no decree data yet (SPEC §5, calendars/README.md): the public
 * holidays and the statutory move of a holiday that falls on a Saturday or Sunday to the next working day.
 *
 * <ul>
 *   <li>RU, Labour Code art. 112: 1–8 January, 23 February, 8 March, 1 May, 9 May, 12 June, 4 November. A holiday other
 *       than 1–8 January that falls on a weekend moves the day off to the next working day; where the weekend days of
 *       1–8 January go is decided by the yearly decree only, so they are not moved here.</li>
 *   <li>KZ, Law on holidays art. 5: 1–2 January, 7 January, 8 March, 15 March (Constitution Day, from 2027), 21–23 March,
 *       1 May, 7 May, 9 May, 6 July, 30 August (until 2025), 25 October, 16 December. A holiday on a weekend moves to the
 *       next working day, except the religious ones (7 January; Kurban Ait, whose date is set each year and is therefore
 *       unknown without the year's data).</li>
 * </ul>
 * Decreed bridge days and working Saturdays cannot be derived: a deadline computed on such a year is provisional.
 */
final class StatutoryHolidays {

  private static final java.time.format.DateTimeFormatter DAY =
      java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private StatutoryHolidays() {}

  /** The non-working weekdays and weekend days of {@code year} that the law alone fixes, with their titles. */
  static List<CalendarDay> derive(Jurisdiction j, int year) {
    Map<LocalDate, String> holidays = new LinkedHashMap<>();
    Set<LocalDate> movable = new TreeSet<>();
    for (Holiday h : holidays(j, year)) {
      LocalDate d = h.day().atYear(year);
      holidays.put(d, h.title());
      if (h.moves()) {
        movable.add(d);
      }
    }
    Set<LocalDate> off = new TreeSet<>(holidays.keySet());
    List<CalendarDay> days = new ArrayList<>();
    holidays.forEach((d, title) -> days.add(new CalendarDay(d, DayType.NON_WORKING, title, null)));
    for (LocalDate h : movable) {
      if (!isWeekend(h)) {
        continue;
      }
      LocalDate target = h.plusDays(1);
      while (isWeekend(target) || off.contains(target)) {
        target = target.plusDays(1);
      }
      off.add(target);
      days.add(new CalendarDay(target, DayType.NON_WORKING, "Перенос выходного дня с " + h.format(DAY) + " ("
          + holidays.get(h) + ")", h));
    }
    days.sort(java.util.Comparator.comparing(CalendarDay::date));
    return days;
  }

  /** A one-line description of the rule, for employees ("basis" of a computed deadline). */
  static String law(Jurisdiction j) {
    return j == Jurisdiction.KZ
        ? "праздники по Закону РК «О праздниках в Республике Казахстан» (ст. 5: перенос праздника, совпавшего с выходным)"
        : "праздники по ст. 112 Трудового кодекса РФ (перенос праздника, совпавшего с выходным)";
  }

  private record Holiday(MonthDay day, String title, boolean moves) {}

  private static List<Holiday> holidays(Jurisdiction j, int year) {
    List<Holiday> list = new ArrayList<>();
    if (j == Jurisdiction.RU) {
      for (int d = 1; d <= 6; d++) {
        list.add(new Holiday(MonthDay.of(1, d), "Новогодние каникулы", false));
      }
      list.add(new Holiday(MonthDay.of(1, 7), "Рождество Христово", false));
      list.add(new Holiday(MonthDay.of(1, 8), "Новогодние каникулы", false));
      list.add(new Holiday(MonthDay.of(2, 23), "День защитника Отечества", true));
      list.add(new Holiday(MonthDay.of(3, 8), "Международный женский день", true));
      list.add(new Holiday(MonthDay.of(5, 1), "Праздник Весны и Труда", true));
      list.add(new Holiday(MonthDay.of(5, 9), "День Победы", true));
      list.add(new Holiday(MonthDay.of(6, 12), "День России", true));
      list.add(new Holiday(MonthDay.of(11, 4), "День народного единства", true));
      return list;
    }
    list.add(new Holiday(MonthDay.of(1, 1), "Новый год", true));
    list.add(new Holiday(MonthDay.of(1, 2), "Новый год", true));
    list.add(new Holiday(MonthDay.of(1, 7), "Православное Рождество", false));
    list.add(new Holiday(MonthDay.of(3, 8), "Международный женский день", true));
    if (year >= 2027) {
      list.add(new Holiday(MonthDay.of(3, 15), "День Конституции Республики Казахстан", true));
    }
    list.add(new Holiday(MonthDay.of(3, 21), "Наурыз мейрамы", true));
    list.add(new Holiday(MonthDay.of(3, 22), "Наурыз мейрамы", true));
    list.add(new Holiday(MonthDay.of(3, 23), "Наурыз мейрамы", true));
    list.add(new Holiday(MonthDay.of(5, 1), "Праздник единства народа Казахстана", true));
    list.add(new Holiday(MonthDay.of(5, 7), "День защитника Отечества", true));
    list.add(new Holiday(MonthDay.of(5, 9), "День Победы", true));
    list.add(new Holiday(MonthDay.of(7, 6), "День Столицы", true));
    if (year <= 2025) {
      list.add(new Holiday(MonthDay.of(8, 30), "День Конституции Республики Казахстан", true));
    }
    list.add(new Holiday(MonthDay.of(10, 25), "День Республики", true));
    list.add(new Holiday(MonthDay.of(12, 16), "День Независимости", true));
    return list;
  }

  private static boolean isWeekend(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}
