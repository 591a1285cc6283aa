package ru.appealdesk.deadline;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import ru.appealdesk.deadline.Deadlines.Due;

/**
 * The rules of the answer clock (SPEC §3.4, §4 ¶57–58, §5a): the answer deadline is watched from registration until
 * the answer is delivered.
 *
 * <ul>
 *   <li><b>Start.</b> The company's deadline (DMN {@code appeal-routing}, counted from receipt). RU: never later than
 *       the 442-FZ ceiling, {@code legalDays} working days after registration, registration counted no later than
 *       its own deadline (Table 1).</li>
 *   <li><b>Information requested</b> (from the registration or the answer step): the clock stops. RU: the ceiling is
 *       extended once by {@code legalExtensionDays} working days (a document request was sent), the client is told.</li>
 *   <li><b>Information received</b> (the day it reached the company, not the day it was typed in). RU: the later of
 *       the deadline before the request and {@code daysAfterInformation} working days after that day, never past the
 *       ceiling. KZ (¶58, the answer follows the time the information takes): the days left at the request are
 *       counted again from that day; the client is told the new date.</li>
 *   <li><b>Nothing arrived</b> by the end of the wait: the days left at the request are counted again from the end of
 *       the wait (RU: never past the ceiling).</li>
 * </ul>
 * The numbers come from the diagram (input parameters of the clock steps), so a process owner sees them in Modeler.
 */
@Service
public class AnswerClock {

  private final CaseClocks clocks;
  private final Deadlines deadlines;

  AnswerClock(CaseClocks clocks, CalendarStore calendars) {
    this.clocks = clocks;
    this.deadlines = new Deadlines(calendars::calendar);
  }

  /**
   * Starts the answer clock of a case.
   *
   * @param registeredAt when the case was registered (null: not registered, e.g. decided on the spot)
   * @param registrationDueAt the registration deadline of Table 1 (null when none applies)
   * @param legalDays the statutory ceiling in working days after registration (null: none, e.g. KZ)
   */
  public CaseClock start(String caseNumber, String processInstanceId, String dueVariable, Jurisdiction j,
      Instant receivedAt, int days, DeadlineKind kind, Instant registeredAt, Instant registrationDueAt,
      Integer legalDays, Integer legalExtensionDays) {
    Due due = deadlines.compute(j, receivedAt, days, kind);
    Instant legalBasis = null;
    Due ceiling = null;
    if (legalDays != null) {
      legalBasis = registeredAt == null ? receivedAt : registeredAt;
      if (registrationDueAt != null && registrationDueAt.isBefore(legalBasis)) {
        legalBasis = registrationDueAt;
      }
      ceiling = deadlines.plusWorkingDays(j, legalBasis, legalDays);
      due = due.min(ceiling);
    }
    return clocks.start(new CaseClocks.Start(caseNumber, CaseClock.ANSWER, processInstanceId, dueVariable, j,
        receivedAt, days, kind, due, legalBasis, legalDays, legalExtensionDays, ceiling));
  }

  /** The request for information went out at {@code at}: the clock stops; RU: the ceiling is extended once. */
  public CaseClock informationRequested(String caseNumber, Instant at) {
    CaseClock c = require(caseNumber);
    if (c.legalDeadlineAt() != null && !c.extended() && c.legalExtensionDays() != null
        && c.legalExtensionDays() > 0) {
      Due extended = deadlines.plusWorkingDays(c.jurisdiction(), c.legalDeadlineAt(), c.legalExtensionDays());
      c = clocks.extendCeiling(caseNumber, CaseClock.ANSWER, extended, at,
          "442-ФЗ: запрошены дополнительные документы, срок продлён не более чем на " + c.legalExtensionDays()
              + " рабочих дней");
    }
    return clocks.suspend(caseNumber, CaseClock.ANSWER, at, "Запрошена дополнительная информация");
  }

  /** The information reached the company at {@code receivedAt}; returns the moved clock. */
  public CaseClock informationReceived(String caseNumber, Instant receivedAt, int daysAfterInformation) {
    CaseClock c = require(caseNumber);
    Instant from = c.suspendedAt() != null && receivedAt.isBefore(c.suspendedAt()) ? c.suspendedAt() : receivedAt;
    if (c.jurisdiction() == Jurisdiction.KZ || c.legalDeadlineAt() == null) {
      return resumeWithDaysLeft(c, from, "RESUMED", "Информация получена: срок продолжен на оставшиеся дни (¶58)");
    }
    Due after = deadlines.compute(c.jurisdiction(), from, daysAfterInformation, DeadlineKind.WORKING_DAYS);
    Due before = new Due(c.dueAt().atZone(c.jurisdiction().zone()), c.provisional(), c.provisionalYears());
    boolean later = after.at().isAfter(before.at());
    Due due = capped(c, later ? after : before);
    return clocks.move(caseNumber, CaseClock.ANSWER, due, later ? from : c.basisAt(),
        later ? daysAfterInformation : c.days(), later ? DeadlineKind.WORKING_DAYS : c.kind(), "RESUMED",
        "Информация получена " + DeadlineTexts.date(from, c.jurisdiction()) + ": решение в течение "
            + daysAfterInformation + " рабочих дней (§5.3), не ранее прежнего срока"
            + (due.at().isBefore(later ? after.at() : before.at()) ? ", не позднее предельного срока 442-ФЗ" : ""));
  }

  /** The wait ended without the information: the days left at the request count again from {@code at}. */
  public CaseClock waitEnded(String caseNumber, Instant at) {
    CaseClock c = require(caseNumber);
    return resumeWithDaysLeft(c, at, "RESUMED", "Информация не поступила: срок продолжен на оставшиеся дни");
  }

  /**
   * How long to wait for the client: {@code days} working days after {@code now}, RU never past the ceiling (the answer
   * must still fit into it).
   */
  public Instant informationWaitUntil(String caseNumber, Jurisdiction j, Instant now, int days) {
    Instant wait = deadlines.plusWorkingDays(j, now, days).instant();
    Optional<CaseClock> c = clocks.find(caseNumber, CaseClock.ANSWER);
    if (c.isPresent() && c.get().legalDeadlineAt() != null && c.get().legalDeadlineAt().isBefore(wait)) {
      return c.get().legalDeadlineAt();
    }
    return wait;
  }

  /** The answer was delivered: the clock stops. */
  public void delivered(String caseNumber, Instant at) {
    clocks.stop(caseNumber, CaseClock.ANSWER, at);
  }

  private CaseClock resumeWithDaysLeft(CaseClock c, Instant at, String event, String note) {
    Instant suspended = c.suspendedAt() == null ? at : c.suspendedAt();
    Instant resumedAt = at.isBefore(suspended) ? suspended : at;
    DeadlineKind kind = c.kind() == DeadlineKind.SAME_DAY ? DeadlineKind.WORKING_DAYS : c.kind();
    Due resumed = deadlines.resumeDue(c.jurisdiction(), c.dueAt(), suspended, resumedAt, kind);
    int left = deadlines.daysLeft(c.jurisdiction(), c.dueAt(), suspended, kind);
    Due due = capped(c, resumed);
    return clocks.move(c.caseNumber(), CaseClock.ANSWER, due, resumedAt, left, kind, event, note);
  }

  /** RU: no answer deadline passes the ceiling of 442-FZ, whatever moves it. */
  private static Due capped(CaseClock c, Due due) {
    if (c.legalDeadlineAt() == null || !due.instant().isAfter(c.legalDeadlineAt())) {
      return due;
    }
    return new Due(c.legalDeadlineAt().atZone(c.jurisdiction().zone()), due.provisional(), due.uncoveredYears());
  }

  private CaseClock require(String caseNumber) {
    return clocks.find(caseNumber, CaseClock.ANSWER).orElseThrow(() -> new IllegalStateException(
        "Case " + caseNumber + " has no answer clock"));
  }
}
