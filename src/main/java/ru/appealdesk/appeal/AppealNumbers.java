package ru.appealdesk.appeal;

import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.appealdesk.deadline.Jurisdiction;

/**
 * Appeal numbers {@code RU-2026-000123}: one sequence per jurisdiction and year (the year of receipt in the
 * jurisdiction's zone). The upsert locks the row, so concurrent intakes never share a number. The API takes the number
 * in a short transaction of its own (see {@code AppealIntake.intake}); a number is skipped only when the intake then
 * fails on the database.
 */
@Component
class AppealNumbers {

  private final JdbcTemplate jdbc;

  AppealNumbers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  String next(Jurisdiction jurisdiction, Instant receivedAt) {
    int year = receivedAt.atZone(jurisdiction.zone()).getYear();
    Long value = jdbc.queryForObject("""
        insert into appeal_number_sequence (jurisdiction, year, last_value) values (?, ?, 1)
        on conflict (jurisdiction, year) do update set last_value = appeal_number_sequence.last_value + 1
        returning last_value""", Long.class, jurisdiction.name(), year);
    return format(jurisdiction, year, value);
  }

  static String format(Jurisdiction jurisdiction, int year, long value) {
    return "%s-%d-%06d".formatted(jurisdiction.name(), year, value);
  }
}
