package ru.appealdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import ru.appealdesk.support.AbstractIntegrationTest;

/** The bean {@code deadlines} over the calendars loaded into PostgreSQL at start. */
class DeadlineServiceTest extends AbstractIntegrationTest {

  @Autowired
  ApplicationContext context;
  @Autowired
  CalendarStore store;

  @Test
  void bundledYearsAreLoadedIntoTheDatabase() {
    assertThat(store.years()).extracting(y -> y.country() + "-" + y.year())
        .contains("RU-2024", "RU-2025", "RU-2026", "KZ-2025", "KZ-2026");
    assertThat(store.days(Jurisdiction.KZ, 2025)).extracting(CalendarDay::date)
        .contains(java.time.LocalDate.parse("2025-01-03"), java.time.LocalDate.parse("2025-10-27"),
            java.time.LocalDate.parse("2025-06-06"));
  }

  @Test
  void beanNamedDeadlinesAnswersWithDates() {
    DeadlineService deadlines = (DeadlineService) context.getBean("deadlines");
    Date from = Date.from(Instant.parse("2026-11-03T07:00:00Z"));
    assertThat(deadlines.due("RU", from, 3, "WORKING_DAYS")).isEqualTo(Date.from(Instant.parse("2026-11-09T20:59:59Z")));
    assertThat(deadlines.due("KZ", Date.from(Instant.parse("2026-11-20T05:00:00Z")), 15L, "CALENDAR_DAYS"))
        .isEqualTo(Date.from(Instant.parse("2026-12-07T18:59:59Z")));
    assertThat(deadlines.afterInformation("RU", Date.from(Instant.parse("2026-11-20T16:00:00Z")), 5))
        .isEqualTo(Date.from(Instant.parse("2026-11-27T20:59:59Z")));

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-03T07:00:00Z")));
    // no execution: RU, the contract's default
    assertThat(deadlines.workingDays(null, 3)).isEqualTo(Date.from(Instant.parse("2026-11-09T20:59:59Z")));
    assertThat(deadlines.calendarDays(null, 4)).as("7 Nov is a Saturday")
        .isEqualTo(Date.from(Instant.parse("2026-11-09T20:59:59Z")));
    assertThat(deadlines.reminder(null, Date.from(Instant.parse("2026-11-09T20:59:59Z"))))
        .isEqualTo(Date.from(Instant.parse("2026-11-08T21:00:00Z")));
  }
}
