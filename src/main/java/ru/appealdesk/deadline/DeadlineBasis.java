package ru.appealdesk.deadline;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Why a deadline falls where it falls, in words an employee or a process owner checks against the calendar: how the
 * days were counted, which non-working days were skipped (and why), and whether a year without decree data made it
 * provisional. Used by {@code GET /api/deadlines/calculate}.
 */
final class DeadlineBasis {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final String[] WEEKDAYS = {"пн", "вт", "ср", "чт", "пт", "сб", "вс"};
  /** A long clock skips many weekends; the text names the first few exceptional days and counts the rest. */
  private static final int NAMED_DAYS = 12;

  private DeadlineBasis() {}

  static String of(ProductionCalendar calendar, Instant from, int days, DeadlineKind kind, Deadlines.Due due) {
    Jurisdiction j = calendar.jurisdiction();
    LocalDate receipt = from.atZone(j.zone()).toLocalDate();
    LocalDate last = due.at().toLocalDate();
    StringBuilder text = new StringBuilder();
    switch (kind) {
      case SAME_DAY -> text.append("В день получения ").append(day(receipt))
          .append(": срок истекает в 23:59:59 этого дня, каким бы днём он ни был.");
      case WORKING_DAYS -> text.append(days).append(' ').append(plural(days, "рабочий день", "рабочих дня",
              "рабочих дней")).append(" после ").append(day(receipt))
          .append(" (день получения не считается), срок истекает ").append(day(last)).append(" в 23:59:59.");
      case CALENDAR_DAYS -> {
        text.append(days).append(' ').append(plural(days, "календарный день", "календарных дня",
            "календарных дней")).append(" после ").append(day(receipt)).append(" (день получения не считается)");
        LocalDate counted = receipt.plusDays(days);
        if (counted.equals(last)) {
          text.append(", срок истекает ").append(day(last)).append(" в 23:59:59.");
        } else {
          text.append(": ").append(day(counted)).append(" — нерабочий день, срок переносится на ближайший рабочий день ")
              .append(day(last)).append(" (23:59:59).");
        }
      }
    }
    if (kind != DeadlineKind.SAME_DAY) {
      List<String> skipped = new ArrayList<>();
      int weekends = 0;
      for (LocalDate d = receipt.plusDays(1); d.isBefore(last); d = d.plusDays(1)) {
        if (calendar.isWorkingDay(d)) {
          continue;
        }
        CalendarDay exceptional = calendar.day(d);
        if (exceptional == null) {
          weekends++;
        } else if (skipped.size() < NAMED_DAYS) {
          skipped.add(day(d) + " — " + (exceptional.title() == null || exceptional.title().isBlank()
              ? movedOrHoliday(exceptional) : exceptional.title()));
        }
      }
      List<String> worked = new ArrayList<>();
      for (LocalDate d = receipt.plusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
        CalendarDay exceptional = calendar.day(d);
        if (exceptional != null && exceptional.type() == DayType.WORKING) {
          worked.add(day(d));
        }
      }
      text.append(' ').append(j == Jurisdiction.KZ ? "Производственный календарь Республики Казахстан"
          : "Производственный календарь Российской Федерации").append('.');
      if (!skipped.isEmpty()) {
        text.append(" Не считались праздничные и перенесённые дни: ").append(String.join("; ", skipped)).append('.');
      }
      if (weekends > 0) {
        text.append(" Выходных (сб, вс) пропущено: ").append(weekends).append('.');
      }
      if (!worked.isEmpty()) {
        text.append(" Рабочие выходные по переносу: ").append(String.join(", ", worked)).append('.');
      }
    }
    Set<Integer> uncovered = due.uncoveredYears();
    if (!uncovered.isEmpty()) {
      text.append(" Срок предварительный: на ").append(String.join(", ", uncovered.stream().sorted()
              .map(String::valueOf).toList())).append(" год нет постановления о переносе выходных, учтены только ")
          .append(StatutoryHolidays.law(j)).append(". Когда администратор загрузит календарь года, сроки дел будут "
              + "пересчитаны.");
    }
    return text.toString();
  }

  private static String movedOrHoliday(CalendarDay d) {
    return d.movedFrom() != null ? "перенос выходного дня с " + day(d.movedFrom()) : "нерабочий день";
  }

  private static String day(LocalDate d) {
    DayOfWeek w = d.getDayOfWeek();
    return DAY.format(d) + " (" + WEEKDAYS[w.getValue() - 1] + ")";
  }

  static String plural(int n, String one, String few, String many) {
    int mod100 = n % 100;
    int mod10 = n % 10;
    if (mod100 >= 11 && mod100 <= 14) {
      return many;
    }
    return mod10 == 1 ? one : mod10 >= 2 && mod10 <= 4 ? few : many;
  }
}
