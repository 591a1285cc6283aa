package ru.appealdesk.deadline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.appealdesk.identity.AppGroup;
import ru.appealdesk.identity.Caller;
import ru.appealdesk.identity.CaseAccess;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.platform.BadRequestException.FieldProblem;

/**
 * {@code /api/deadlines}: the deadline calculator for employees and process owners, and what runs late — per unit
 * ({@code ?group=legal}) or, for the supervisors, per jurisdiction (the appeals controller: RU, the client-rights
 * officer: KZ, administrators: both or {@code ?jurisdiction=}).
 */
@RestController
@RequestMapping("/api/deadlines")
class DeadlineController {

  /** The longest count the calculator accepts (a year and a half of calendar days). */
  static final int MAX_DAYS = 550;

  private final OverdueTasks overdue;
  private final CalendarStore calendars;
  private final Deadlines deadlines;
  private final CaseAccess caseAccess;
  private final EscalationGroups escalation;

  DeadlineController(OverdueTasks overdue, CalendarStore calendars, CaseAccess caseAccess,
      EscalationGroups escalation) {
    this.overdue = overdue;
    this.calendars = calendars;
    this.deadlines = new Deadlines(calendars::calendar);
    this.caseAccess = caseAccess;
    this.escalation = escalation;
  }

  /**
   * {@code GET /api/deadlines/calculate?jurisdiction=RU&from=2027-06-11T10:00:00%2B03:00&days=1&kind=WORKING_DAYS}:
   * the deadline the application would set, {@code provisional} when a year without decree data was counted, and the
   * {@code basis} in words (days counted, holidays skipped, the law used).
   */
  @GetMapping("/calculate")
  Calculation calculate(@RequestParam(required = false) String jurisdiction,
      @RequestParam(required = false) String from, @RequestParam(required = false) String days,
      @RequestParam(required = false) String kind) {
    List<FieldProblem> problems = new ArrayList<>();
    Jurisdiction j = null;
    if (jurisdiction == null || jurisdiction.isBlank()) {
      problems.add(new FieldProblem("jurisdiction", "Укажите юрисдикцию: RU или KZ"));
    } else {
      try {
        j = Jurisdiction.of(jurisdiction);
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("jurisdiction", "Юрисдикция должна быть RU или KZ"));
      }
    }
    Instant start = null;
    if (from == null || from.isBlank()) {
      problems.add(new FieldProblem("from", "Укажите дату и время получения, например 2027-06-11T10:00:00+03:00"));
    } else {
      try {
        start = OffsetDateTime.parse(from.trim().replace(' ', '+')).toInstant();
      } catch (DateTimeParseException e) {
        problems.add(new FieldProblem("from",
            "Дата и время с часовым поясом в формате ISO 8601, например 2027-06-11T10:00:00+03:00"));
      }
    }
    DeadlineKind k = null;
    if (kind == null || kind.isBlank()) {
      problems.add(new FieldProblem("kind", "Укажите вид срока: WORKING_DAYS, CALENDAR_DAYS или SAME_DAY"));
    } else {
      try {
        k = DeadlineKind.of(kind);
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("kind", "Вид срока: WORKING_DAYS, CALENDAR_DAYS или SAME_DAY"));
      }
    }
    Integer n = null;
    if (days == null || days.isBlank()) {
      if (k == DeadlineKind.SAME_DAY) {
        n = 0;
      } else {
        problems.add(new FieldProblem("days", "Укажите число дней"));
      }
    } else {
      try {
        n = Integer.valueOf(days.trim());
        if (n < 0 || n > MAX_DAYS) {
          problems.add(new FieldProblem("days", "Число дней от 0 до " + MAX_DAYS));
        }
      } catch (NumberFormatException e) {
        problems.add(new FieldProblem("days", "Число дней — целое число от 0 до " + MAX_DAYS));
      }
    }
    if (start != null && (start.isBefore(Instant.parse("2000-01-01T00:00:00Z"))
        || start.isAfter(Instant.parse("2100-01-01T00:00:00Z")))) {
      problems.add(new FieldProblem("from", "Дата должна быть между 2000 и 2099 годом"));
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    Deadlines.Due due = deadlines.compute(j, start, n, k);
    return new Calculation(DeadlineTexts.iso(due.instant(), j), due.provisional(),
        DeadlineBasis.of(calendars.calendar(j), start, n, k, due), j.name(), DeadlineTexts.iso(start, j), n, k.name(),
        DeadlineTexts.dateTime(due.instant(), j), due.uncoveredYears().stream().sorted().toList());
  }

  /**
   * The calculator's answer.
   *
   * @param dueAt the deadline, ISO 8601 in the jurisdiction's offset ({@code 2027-06-15T23:59:59+03:00})
   * @param provisional whether a year without decree data was counted (the days the law fixes, no decreed moves)
   * @param basis why the deadline falls there, in Russian
   * @param dueText the deadline as forms show it ({@code 15.06.2027 23:59 (МСК)})
   * @param provisionalYears the years without decree data that were counted
   */
  record Calculation(String dueAt, boolean provisional, String basis, String jurisdiction, String from, int days,
      String kind, String dueText, List<Integer> provisionalYears) {}

  /**
   * {@code GET /api/deadlines/overdue?group=legal}: what runs late for a unit. Without {@code group}: every case of
   * the caller's jurisdiction that runs late ({@link OverdueTasks#forJurisdiction}); {@code jurisdiction} narrows an
   * administrator's list.
   */
  @GetMapping("/overdue")
  @PreAuthorize("hasAnyAuthority('GROUP_appeals-controller','GROUP_client-rights-officer','GROUP_camunda-admin')")
  List<?> overdue(@RequestParam(required = false) String group, @RequestParam(required = false) String jurisdiction,
      Authentication caller) {
    if (group != null && !group.isBlank()) {
      if (AppGroup.byId(group).isEmpty()) {
        throw new BadRequestException("group", "Неизвестная группа: " + group);
      }
      return caseAccess.visibleOnly(overdue.forGroup(group), OverdueTasks.OverdueItem::caseNumber);
    }
    Set<Jurisdiction> supervised = supervised(caller);
    if (jurisdiction != null && !jurisdiction.isBlank()) {
      Jurisdiction j;
      try {
        j = Jurisdiction.of(jurisdiction);
      } catch (IllegalArgumentException e) {
        throw new BadRequestException("jurisdiction", "Юрисдикция должна быть RU или KZ");
      }
      if (!supervised.contains(j)) {
        throw new BadRequestException("jurisdiction", "Вы не контролируете сроки обращений юрисдикции " + j);
      }
      supervised = Set.of(j);
    }
    List<OverdueTasks.OverdueCase> result = new ArrayList<>();
    for (Jurisdiction j : supervised) {
      result.addAll(overdue.forJurisdiction(j));
    }
    return caseAccess.visibleOnly(result, OverdueTasks.OverdueCase::caseNumber);
  }

  /** The jurisdictions whose deadlines the caller controls (the escalation table names their supervisors). */
  private Set<Jurisdiction> supervised(Authentication caller) {
    return new LinkedHashSet<>(escalation.supervisedBy(Caller.groups(caller)));
  }
}
