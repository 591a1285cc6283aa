package ru.appealdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.appealdesk.deadline.DeadlineKind.CALENDAR_DAYS;
import static ru.appealdesk.deadline.DeadlineKind.SAME_DAY;
import static ru.appealdesk.deadline.DeadlineKind.WORKING_DAYS;
import static ru.appealdesk.deadline.Jurisdiction.KZ;
import static ru.appealdesk.deadline.Jurisdiction.RU;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** SPEC §5 arithmetic against the bundled production calendars. */
class DeadlinesTest {

  private final Deadlines deadlines = CalendarFixtures.bundled();

  /** A local date-time of the jurisdiction as an instant. */
  private static Instant at(Jurisdiction j, String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(j.zone()).toInstant();
  }

  private static ZonedDateTime endOf(Jurisdiction j, String date) {
    return LocalDate.parse(date).atTime(23, 59, 59).atZone(j.zone());
  }

  @ParameterizedTest(name = "{0} {2} {3} from {1} -> {4}")
  @CsvSource({
      // the cases
      "RU, 2026-11-03T10:00, 3, WORKING_DAYS, 2026-11-09",   // 4 Nov holiday, weekend
      "RU, 2026-05-07T10:00, 3, WORKING_DAYS, 2026-05-13",   // 9-11 May off
      "RU, 2026-06-10T10:00, 5, WORKING_DAYS, 2026-06-18",   // 12-14 June off
      "RU, 2026-06-10T10:00, 0, SAME_DAY,     2026-06-10",
      "KZ, 2026-11-20T10:00, 15, CALENDAR_DAYS, 2026-12-07", // 5 Dec is a Saturday -> Monday
      // receipt on a non-working day: counting starts from the next day all the same
      "RU, 2026-11-07T12:00, 3, WORKING_DAYS, 2026-11-11",   // Saturday
      "RU, 2026-11-04T12:00, 3, WORKING_DAYS, 2026-11-09",   // public holiday
      "RU, 2026-01-03T12:00, 1, WORKING_DAYS, 2026-01-12",   // New-Year holidays to 11 Jan
      "RU, 2026-06-13T12:00, 0, SAME_DAY,     2026-06-13",   // same day on a weekend: that Saturday (SPEC §5)
      "RU, 2026-11-07T09:00, 0, SAME_DAY,     2026-11-07",   // issue 13: SAME_DAY received on a Saturday
      "KZ, 2026-08-16T10:00, 15, CALENDAR_DAYS, 2026-08-31", // issue 13: 31.08.2026 is a working day now
      "RU, 2027-06-11T10:00, 1, WORKING_DAYS, 2027-06-15",   // 2027 derived: 12 June (Sat) moves to 14 June
      "KZ, 2027-03-12T10:00, 1, WORKING_DAYS, 2027-03-16",   // 2027 derived: 15 March, Constitution Day
      // decreed transfers and shortened days
      "RU, 2025-10-31T12:00, 1, WORKING_DAYS, 2025-11-01",   // working Saturday 1 Nov 2025 (shortened)
      "RU, 2026-12-30T12:00, 1, WORKING_DAYS, 2027-01-11",   // 31 Dec 2026 off, 2027 derived from art. 112
      "KZ, 2025-01-02T12:00, 1, WORKING_DAYS, 2025-01-05",   // 3 Jan off, Sunday 5 Jan worked (swap)
      "KZ, 2025-10-24T12:00, 1, WORKING_DAYS, 2025-10-28",   // Republic Day on Saturday -> 27 Oct off
      "KZ, 2025-06-05T12:00, 1, WORKING_DAYS, 2025-06-09",   // Kurban Ait 6 June 2025
      "KZ, 2026-05-26T12:00, 1, WORKING_DAYS, 2026-05-28",   // Kurban Ait 27 May 2026
      "KZ, 2026-03-20T12:00, 1, WORKING_DAYS, 2026-03-26",   // Nauryz 21-25 March 2026
      "KZ, 2025-03-07T12:00, 1, WORKING_DAYS, 2025-03-11",   // 8 March 2025 Saturday -> 10 March off
      "KZ, 2026-05-22T12:00, 15, CALENDAR_DAYS, 2026-06-08", // 6 June Saturday -> Monday
      "RU, 2026-05-01T12:00, 10, CALENDAR_DAYS, 2026-05-12", // 11 May off (transfer) -> 12 May
      "RU, 2026-05-01T12:00, 7, CALENDAR_DAYS, 2026-05-08",  // 8 May shortened, still working
  })
  void countsDeadlines(Jurisdiction j, String received, int days, DeadlineKind kind, String expected) {
    assertThat(deadlines.due(j, at(j, received), days, kind)).isEqualTo(endOf(j, expected));
  }

  @Test
  void deadlineEndsAt235959LocalTime() {
    ZonedDateTime due = deadlines.due(RU, at(RU, "2026-11-03T10:00"), 3, WORKING_DAYS);
    assertThat(due.toInstant()).isEqualTo(Instant.parse("2026-11-09T20:59:59Z"));
    ZonedDateTime kz = deadlines.due(KZ, at(KZ, "2026-11-20T10:00"), 15, CALENDAR_DAYS);
    assertThat(kz.toInstant()).isEqualTo(Instant.parse("2026-12-07T18:59:59Z"));
  }

  @Test
  void receiptAt2359AndAt0001CountFromDifferentDays() {
    // Thursday 5 Nov 23:59 Moscow: day of receipt is Thursday -> Fri 6, Mon 9, Tue 10
    assertThat(deadlines.due(RU, at(RU, "2026-11-05T23:59"), 3, WORKING_DAYS)).isEqualTo(endOf(RU, "2026-11-10"));
    // Friday 6 Nov 00:01 Moscow: day of receipt is Friday -> Mon 9, Tue 10, Wed 11
    assertThat(deadlines.due(RU, at(RU, "2026-11-06T00:01"), 3, WORKING_DAYS)).isEqualTo(endOf(RU, "2026-11-11"));
  }

  @Test
  void theSameInstantIsADifferentDayInMoscowAndAlmaty() {
    Instant instant = Instant.parse("2026-11-05T20:30:00Z"); // 23:30 Thursday in Moscow, 01:30 Friday in Almaty
    assertThat(deadlines.due(RU, instant, 1, WORKING_DAYS)).isEqualTo(endOf(RU, "2026-11-06"));
    assertThat(deadlines.due(KZ, instant, 1, WORKING_DAYS)).isEqualTo(endOf(KZ, "2026-11-09"));
    assertThat(deadlines.due(RU, instant, 0, SAME_DAY)).isEqualTo(endOf(RU, "2026-11-05"));
    assertThat(deadlines.due(KZ, instant, 0, SAME_DAY)).isEqualTo(endOf(KZ, "2026-11-06"));
  }

  @Test
  void informationReceivedOnFridayEveningCountsFromMonday() {
    // SPEC §3.4: 5 working days from the day the requested information was received
    assertThat(deadlines.afterInformation(RU, at(RU, "2026-11-20T19:45"), 5)).isEqualTo(endOf(RU, "2026-11-27"));
    // 22:30 UTC on Friday is already Saturday in Moscow: same result, Saturday is not counted either
    assertThat(deadlines.afterInformation(RU, Instant.parse("2026-11-20T22:30:00Z"), 5))
        .isEqualTo(endOf(RU, "2026-11-27"));
    // Friday evening before the May holidays (8 May shortened, 9-11 May off)
    assertThat(deadlines.afterInformation(RU, at(RU, "2026-05-08T18:30"), 5)).isEqualTo(endOf(RU, "2026-05-18"));
  }

  @Test
  void reminderIsTheStartOfTheLastWorkingDay() {
    Instant now = at(RU, "2026-11-03T10:00");
    ZonedDateTime due = deadlines.due(RU, now, 3, WORKING_DAYS); // Mon 9 Nov 23:59:59
    assertThat(deadlines.reminder(RU, now, due.toInstant()))
        .isEqualTo(LocalDate.parse("2026-11-09").atStartOfDay(RU.zone()));
    // a due date on a holiday: the last working day before it
    Instant monday = at(RU, "2026-11-02T10:00");
    assertThat(deadlines.reminder(RU, monday, endOf(RU, "2026-11-04").toInstant()))
        .isEqualTo(LocalDate.parse("2026-11-03").atStartOfDay(RU.zone()));
    // never before now
    Instant late = at(RU, "2026-11-09T15:00");
    assertThat(deadlines.reminder(RU, late, due.toInstant()).toInstant()).isEqualTo(late);
  }

  @Test
  void suspendedWorkingDayClockResumesWithTheDaysLeft() {
    Instant received = at(RU, "2026-11-05T10:00");
    ZonedDateTime due = deadlines.due(RU, received, 3, WORKING_DAYS); // Tue 10 Nov
    assertThat(due).isEqualTo(endOf(RU, "2026-11-10"));
    // suspended the same Thursday (3 working days left: 6, 9, 10), resumed Thursday 12 Nov: 13, 16, 17
    assertThat(deadlines.resume(RU, due.toInstant(), received, at(RU, "2026-11-12T09:00"), WORKING_DAYS))
        .isEqualTo(endOf(RU, "2026-11-17"));
    // suspended and resumed on the due day itself: the rest of that day, no more
    assertThat(deadlines.resume(RU, due.toInstant(), at(RU, "2026-11-10T09:00"), at(RU, "2026-11-10T11:00"),
        WORKING_DAYS)).isEqualTo(endOf(RU, "2026-11-10"));
  }

  @Test
  void suspendedCalendarDayClockResumesWithTheDaysLeft() {
    Instant received = at(KZ, "2026-11-02T10:00");
    ZonedDateTime due = deadlines.due(KZ, received, 15, CALENDAR_DAYS); // Tue 17 Nov
    assertThat(due).isEqualTo(endOf(KZ, "2026-11-17"));
    // suspended on 7 Nov (10 days left), resumed on 20 Nov: 30 Nov (Monday)
    assertThat(deadlines.resume(KZ, due.toInstant(), at(KZ, "2026-11-07T10:00"), at(KZ, "2026-11-20T10:00"),
        CALENDAR_DAYS)).isEqualTo(endOf(KZ, "2026-11-30"));
    assertThatThrownBy(() -> deadlines.resume(KZ, due.toInstant(), at(KZ, "2026-11-07T10:00"),
        at(KZ, "2026-11-06T10:00"), CALENDAR_DAYS)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void correctedKazakhCalendars() {
    ProductionCalendar kz = CalendarFixtures.of(KZ, 2025, 2026);
    assertThat(kz.isWorkingDay(LocalDate.parse("2025-01-03"))).isFalse();
    assertThat(kz.isWorkingDay(LocalDate.parse("2025-01-05"))).as("working Sunday").isTrue();
    assertThat(kz.isWorkingDay(LocalDate.parse("2025-10-27"))).isFalse();
    assertThat(kz.isWorkingDay(LocalDate.parse("2025-06-06"))).as("Kurban Ait 2025").isFalse();
    assertThat(kz.isWorkingDay(LocalDate.parse("2025-03-24"))).isFalse();
    assertThat(kz.isWorkingDay(LocalDate.parse("2025-03-25"))).isFalse();
    assertThat(kz.isWorkingDay(LocalDate.parse("2025-07-07"))).isFalse();
    assertThat(kz.isWorkingDay(LocalDate.parse("2025-09-01"))).isFalse();
    assertThat(kz.isWorkingDay(LocalDate.parse("2026-05-27"))).as("Kurban Ait 2026").isFalse();
    assertThat(kz.isWorkingDay(LocalDate.parse("2026-05-28"))).isTrue();
    assertThat(kz.isWorkingDay(LocalDate.parse("2026-12-16"))).isFalse();
    assertThat(kz.isWorkingDay(LocalDate.parse("2026-12-17"))).as("17 December is no longer a holiday").isTrue();
    assertThat(kz.isWorkingDay(LocalDate.parse("2026-08-31"))).as("30 August is no holiday from 2026").isTrue();
  }

  @Test
  void provisionalWhenACountedDayLiesInAYearWithoutData() {
    assertThat(deadlines.compute(RU, at(RU, "2027-06-11T10:00"), 1, WORKING_DAYS).provisional()).isTrue();
    assertThat(deadlines.compute(KZ, at(KZ, "2027-03-12T10:00"), 1, WORKING_DAYS).uncoveredYears())
        .containsExactly(2027);
    assertThat(deadlines.compute(RU, at(RU, "2026-12-30T10:00"), 1, WORKING_DAYS).provisional())
        .as("31.12.2026 is off, so the count reaches 2027").isTrue();
    assertThat(deadlines.compute(RU, at(RU, "2026-12-28T10:00"), 1, WORKING_DAYS).provisional()).isFalse();
    assertThat(deadlines.compute(KZ, at(KZ, "2026-08-16T10:00"), 15, CALENDAR_DAYS).provisional()).isFalse();
  }

  @Test
  void theLawFixesHolidaysAndTheirWeekendMovesForAYearWithoutData() {
    ProductionCalendar ru = ProductionCalendar.empty(RU);
    // art. 112: 1 May 2027 (Sat) -> 3 May, 9 May (Sun) -> 10 May, 12 June (Sat) -> 14 June; 2-3 January not moved
    for (String off : new String[] {"2027-01-01", "2027-01-08", "2027-02-23", "2027-03-08", "2027-05-03",
        "2027-05-10", "2027-06-14", "2027-11-04"}) {
      assertThat(ru.isWorkingDay(LocalDate.parse(off))).as(off).isFalse();
    }
    for (String working : new String[] {"2027-01-11", "2027-05-04", "2027-05-11", "2027-06-15", "2027-12-31"}) {
      assertThat(ru.isWorkingDay(LocalDate.parse(working))).as(working).isTrue();
    }
    ProductionCalendar kz = ProductionCalendar.empty(KZ);
    // art. 5: 2 January (Sat) -> 4 January, 15 March, Nauryz 21 March (Sun) -> 24 March, 1 May (Sat) -> 3 May,
    // 9 May (Sun) -> 10 May; 7 January is not moved; 30 August is an ordinary day
    for (String off : new String[] {"2027-01-01", "2027-01-04", "2027-01-07", "2027-03-08", "2027-03-15",
        "2027-03-22", "2027-03-23", "2027-03-24", "2027-05-03", "2027-05-07", "2027-05-10", "2027-07-06",
        "2027-10-25", "2027-12-16"}) {
      assertThat(kz.isWorkingDay(LocalDate.parse(off))).as(off).isFalse();
    }
    for (String working : new String[] {"2027-01-05", "2027-03-16", "2027-03-25", "2027-08-30", "2027-08-31"}) {
      assertThat(kz.isWorkingDay(LocalDate.parse(working))).as(working).isTrue();
    }
    assertThat(kz.day(LocalDate.parse("2027-03-24")).movedFrom()).isEqualTo(LocalDate.parse("2027-03-21"));
  }

  @Test
  void aYearWithoutDataIsDerivedFromTheLawWithAWarning() {
    Logger logger = (Logger) LoggerFactory.getLogger(Deadlines.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      // 2030: no data. 9 May is a holiday (Thursday), 10 May a Friday (no decreed bridge day is guessed)
      assertThat(deadlines.due(RU, at(RU, "2030-05-08T10:00"), 1, WORKING_DAYS)).isEqualTo(endOf(RU, "2030-05-10"));
      assertThat(deadlines.due(KZ, at(KZ, "2030-12-13T10:00"), 1, WORKING_DAYS)).isEqualTo(endOf(KZ, "2030-12-17"));
      assertThat(appender.list).filteredOn(e -> e.getLevel() == Level.WARN)
          .extracting(ILoggingEvent::getFormattedMessage)
          .anySatisfy(m -> assertThat(m).contains("RU").contains("2030"))
          .anySatisfy(m -> assertThat(m).contains("KZ").contains("2030"));
      appender.list.clear();
      deadlines.due(RU, at(RU, "2026-05-08T10:00"), 1, WORKING_DAYS);
      assertThat(appender.list).as("a covered year computes silently").isEmpty();
    } finally {
      logger.detachAppender(appender);
    }
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> deadlines.due(RU, Instant.now(), -1, WORKING_DAYS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Jurisdiction.of("DE")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeadlineKind.of("WEEKS")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Jurisdiction.of(null)).isEqualTo(RU);
    assertThat(DeadlineService.days(3L)).isEqualTo(3);
    assertThatThrownBy(() -> DeadlineService.days(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
