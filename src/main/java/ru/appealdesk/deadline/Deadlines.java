package ru.appealdesk.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deadline arithmetic of SPEC §5, pure: no clock, no database. Every deadline ends at 23:59:59 local time of its
 * last day in the jurisdiction's time zone; the day of receipt is the local date of the receipt instant.
 * Computing across a year without decree data uses the days the law fixes ({@link StatutoryHolidays}); such a result is
 * {@linkplain Due#provisional() provisional} and a warning is logged.
 */
public final class Deadlines {

  /**
   * A computed deadline and whether it is provisional: some day it counted lies in a year without decree data.
   *
   * @param uncoveredYears those years (empty when the deadline is final)
   */
  public record Due(ZonedDateTime at, boolean provisional, Set<Integer> uncoveredYears) {
    public Due {
      uncoveredYears = Set.copyOf(uncoveredYears);
    }

    public Instant instant() {
      return at.toInstant();
    }

    /** The later of two deadlines (provisional if the chosen one is). */
    public Due max(Due other) {
      return other == null || !other.at.isAfter(at) ? this : other;
    }

    /** The earlier of two deadlines (provisional if the chosen one is). */
    public Due min(Due other) {
      return other == null || !other.at.isBefore(at) ? this : other;
    }
  }

  static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);
  /** No regulatory clock is longer than a few months; a bound keeps a broken calendar from looping forever. */
  private static final int MAX_DAYS = 3660;
  private static final Logger log = LoggerFactory.getLogger(Deadlines.class);

  private final Function<Jurisdiction, ProductionCalendar> calendars;

  public Deadlines(Function<Jurisdiction, ProductionCalendar> calendars) {
    this.calendars = Objects.requireNonNull(calendars);
  }

  /** The deadline of {@code days} of {@code kind} counted from the receipt instant {@code from}. */
  public ZonedDateTime due(Jurisdiction j, Instant from, int days, DeadlineKind kind) {
    return compute(j, from, days, kind).at();
  }

  /**
   * The deadline of {@code days} of {@code kind} counted from the receipt instant {@code from}, with whether it is
   * provisional. {@code SAME_DAY} ends at 23:59:59 of the day of receipt, whatever kind of day that is (SPEC §5).
   */
  public Due compute(Jurisdiction j, Instant from, int days, DeadlineKind kind) {
    requireNonNegative(days);
    Counter c = counter(j);
    LocalDate receipt = localDate(j, from);
    LocalDate last = switch (kind) {
      case WORKING_DAYS -> c.plusWorkingDays(receipt, days);
      case CALENDAR_DAYS -> c.nextWorkingDayOnOrAfter(receipt.plusDays(days));
      case SAME_DAY -> receipt;
    };
    return c.result(last);
  }

  /** {@code days} working days after the local day of {@code from} (e.g. the 442-FZ extension of a ceiling). */
  public Due plusWorkingDays(Jurisdiction j, Instant from, int days) {
    return compute(j, from, days, DeadlineKind.WORKING_DAYS);
  }

  /** SPEC §3.4: {@code days} working days from the day the requested information was received. */
  public ZonedDateTime afterInformation(Jurisdiction j, Instant receivedInfoAt, int days) {
    return due(j, receivedInfoAt, days, DeadlineKind.WORKING_DAYS);
  }

  /**
   * Start (00:00 local) of the last working day on or before {@code due}, but never before {@code now}: the moment to
   * remind whoever works the task.
   */
  public ZonedDateTime reminder(Jurisdiction j, Instant now, Instant due) {
    Counter c = counter(j);
    LocalDate day = localDate(j, due);
    int guard = 0;
    while (!c.isWorkingDay(day) && guard++ < MAX_DAYS) {
      day = day.minusDays(1);
    }
    c.warnIfUncovered();
    ZonedDateTime start = day.atStartOfDay(j.zone());
    return start.toInstant().isBefore(now) ? now.atZone(j.zone()) : start;
  }

  /**
   * A clock suspended at {@code suspendedAt} (e.g. waiting for the client's documents) and resumed at
   * {@code resumedAt}: the days still left at the suspension are counted again from the day of resumption.
   * Working-day clocks keep the number of working days after the suspension day up to the due day; calendar-day
   * clocks keep the number of calendar days.
   */
  public ZonedDateTime resume(Jurisdiction j, Instant due, Instant suspendedAt, Instant resumedAt, DeadlineKind kind) {
    return resumeDue(j, due, suspendedAt, resumedAt, kind).at();
  }

  /** {@link #resume} with whether the result is provisional. */
  public Due resumeDue(Jurisdiction j, Instant due, Instant suspendedAt, Instant resumedAt, DeadlineKind kind) {
    if (resumedAt.isBefore(suspendedAt)) {
      throw new IllegalArgumentException("A clock cannot resume before it was suspended");
    }
    Counter c = counter(j);
    LocalDate dueDay = localDate(j, due);
    LocalDate suspendedDay = localDate(j, suspendedAt);
    LocalDate resumedDay = localDate(j, resumedAt);
    LocalDate last;
    if (kind == DeadlineKind.WORKING_DAYS) {
      int left = c.workingDaysBetween(suspendedDay, dueDay);
      last = left == 0 ? c.nextWorkingDayOnOrAfter(resumedDay) : c.plusWorkingDays(resumedDay, left);
    } else {
      long left = Math.max(0, ChronoUnit.DAYS.between(suspendedDay, dueDay));
      last = c.nextWorkingDayOnOrAfter(resumedDay.plusDays(left));
    }
    return c.result(last);
  }

  /**
   * The days a clock suspended at {@code suspendedAt} still had until {@code due}: working days after the suspension
   * day up to the due day, or calendar days (what {@link #resume} counts again).
   */
  public int daysLeft(Jurisdiction j, Instant due, Instant suspendedAt, DeadlineKind kind) {
    Counter c = counter(j);
    LocalDate dueDay = localDate(j, due);
    LocalDate suspendedDay = localDate(j, suspendedAt);
    return kind == DeadlineKind.CALENDAR_DAYS ? (int) Math.max(0, ChronoUnit.DAYS.between(suspendedDay, dueDay))
        : c.workingDaysBetween(suspendedDay, dueDay);
  }

  /** Whether {@code date} is a working day of {@code j} (data, or the logged fallback for a year without data). */
  public boolean isWorkingDay(Jurisdiction j, LocalDate date) {
    Counter c = counter(j);
    boolean working = c.isWorkingDay(date);
    c.warnIfUncovered();
    return working;
  }

  private Counter counter(Jurisdiction j) {
    return new Counter(j, Objects.requireNonNull(calendars.apply(Objects.requireNonNull(j, "jurisdiction"))));
  }

  private static LocalDate localDate(Jurisdiction j, Instant instant) {
    return Objects.requireNonNull(instant, "instant").atZone(j.zone()).toLocalDate();
  }

  private static void requireNonNegative(int days) {
    if (days < 0 || days > MAX_DAYS) {
      throw new IllegalArgumentException("Number of days out of range: " + days);
    }
  }

  /** One computation: remembers the years it had to guess so the warning is logged once per computation. */
  private static final class Counter {
    private final Jurisdiction j;
    private final ProductionCalendar calendar;
    private final Set<Integer> uncovered = new TreeSet<>();

    Counter(Jurisdiction j, ProductionCalendar calendar) {
      this.j = j;
      this.calendar = calendar;
    }

    boolean isWorkingDay(LocalDate d) {
      if (!calendar.covers(d.getYear())) {
        uncovered.add(d.getYear());
      }
      return calendar.isWorkingDay(d);
    }

    LocalDate plusWorkingDays(LocalDate start, int n) {
      LocalDate d = start;
      int counted = 0;
      int guard = 0;
      while (counted < n) {
        d = d.plusDays(1);
        if (isWorkingDay(d)) {
          counted++;
        }
        if (++guard > MAX_DAYS) {
          throw new IllegalStateException("No working days in the " + j + " calendar after " + start);
        }
      }
      return d;
    }

    LocalDate nextWorkingDayOnOrAfter(LocalDate start) {
      LocalDate d = start;
      int guard = 0;
      while (!isWorkingDay(d)) {
        d = d.plusDays(1);
        if (++guard > MAX_DAYS) {
          throw new IllegalStateException("No working days in the " + j + " calendar after " + start);
        }
      }
      return d;
    }

    /** Working days in (from, to]; 0 when {@code to} is not after {@code from}. */
    int workingDaysBetween(LocalDate from, LocalDate to) {
      int n = 0;
      for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
        if (isWorkingDay(d)) {
          n++;
        }
      }
      return n;
    }

    ZonedDateTime endOf(LocalDate day) {
      warnIfUncovered();
      return day.atTime(END_OF_DAY).atZone(j.zone());
    }

    Due result(LocalDate day) {
      ZonedDateTime at = endOf(day);
      return new Due(at, !uncovered.isEmpty(), uncovered);
    }

    void warnIfUncovered() {
      if (!uncovered.isEmpty()) {
        log.warn("No production calendar data for {} {}: counted with the holidays the law fixes (provisional). "
            + "Add the year via POST /api/calendars.", j, uncovered);
      }
    }
  }
}
