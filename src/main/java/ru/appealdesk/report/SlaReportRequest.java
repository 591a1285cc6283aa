package ru.appealdesk.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import ru.appealdesk.deadline.Jurisdiction;
import ru.appealdesk.platform.BadRequestException;

/**
 * The period and the jurisdictions of an SLA report request, checked: {@code from} and {@code to} are ISO dates
 * ({@code 2026-11-01}), {@code from} not after {@code to}, at most {@value #MAX_DAYS} days; the jurisdictions are the
 * ones the caller's groups cover (appeals controller RU, client-rights officer KZ, admins both), narrowed by
 * {@code jurisdiction} when given.
 */
record SlaReportRequest(LocalDate from, LocalDate to, List<Jurisdiction> jurisdictions) {

  static final int MAX_DAYS = 366;

  static SlaReportRequest of(String from, String to, String jurisdiction, List<Jurisdiction> allowed) {
    List<BadRequestException.FieldProblem> problems = new ArrayList<>();
    LocalDate f = date("from", from, problems);
    LocalDate t = date("to", to, problems);
    if (f != null && t != null) {
      if (t.isBefore(f)) {
        problems.add(new BadRequestException.FieldProblem("to", "дата окончания периода раньше даты начала"));
      } else if (ChronoUnit.DAYS.between(f, t) + 1 > MAX_DAYS) {
        problems.add(new BadRequestException.FieldProblem("to",
            "период не может быть длиннее " + MAX_DAYS + " дней"));
      }
    }
    Jurisdiction only = null;
    if (jurisdiction != null && !jurisdiction.isBlank()) {
      try {
        only = Jurisdiction.valueOf(jurisdiction.strip());
      } catch (IllegalArgumentException e) {
        problems.add(new BadRequestException.FieldProblem("jurisdiction", "укажите RU или KZ"));
      }
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    if (only != null) {
      if (!allowed.contains(only)) {
        throw new AccessDeniedException("jurisdiction not covered by the caller's groups");
      }
      return new SlaReportRequest(f, t, List.of(only));
    }
    if (allowed.isEmpty()) {
      throw new AccessDeniedException("no jurisdiction");
    }
    return new SlaReportRequest(f, t, allowed);
  }

  private static LocalDate date(String field, String value, List<BadRequestException.FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      problems.add(new BadRequestException.FieldProblem(field, "укажите дату в формате ГГГГ-ММ-ДД"));
      return null;
    }
    try {
      LocalDate d = LocalDate.parse(value.strip());
      if (d.getYear() < 2000 || d.getYear() > 2100) {
        problems.add(new BadRequestException.FieldProblem(field, "дата должна быть между 2000 и 2100 годом"));
        return null;
      }
      return d;
    } catch (DateTimeParseException e) {
      problems.add(new BadRequestException.FieldProblem(field,
          "не дата в формате ГГГГ-ММ-ДД (например, 2026-11-01)"));
      return null;
    }
  }
}
