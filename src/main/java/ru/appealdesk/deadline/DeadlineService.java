package ru.appealdesk.deadline;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The Spring bean {@code deadlines} that BPMN and DMN expressions call (docs/CONTRACTS.md, "Deadlines"), e.g.
 * {@code camunda:dueDate="${deadlines.workingDays(execution, 3)}"}. Every method returns a {@link Date}, so the same
 * expression serves a user task's due date and a boundary timer's {@code timeDate}. "Now" is the engine clock
 * ({@link ClockUtil}), so tests that move the engine clock move the deadlines too. Java callers may use the same
 * methods or {@link #arithmetic()}.
 */
@Component("deadlines")
public class DeadlineService {

  private final Deadlines arithmetic;
  private final CaseClocks clocks;
  private final AnswerClock answers;
  private final SlaBreaches breaches;
  private final EscalationGroups escalation;

  public DeadlineService(CalendarStore store, CaseClocks clocks, AnswerClock answers,
      @org.springframework.context.annotation.Lazy SlaBreaches breaches, EscalationGroups escalation) {
    this.escalation = escalation;
    this.arithmetic = new Deadlines(store::calendar);
    this.clocks = clocks;
    this.answers = answers;
    this.breaches = breaches;
  }

  /** The pure arithmetic over the current calendars (java.time types). */
  public Deadlines arithmetic() {
    return arithmetic;
  }

  /**
   * {@code ${deadlines.due(jurisdiction, from, days, kind)}}: 23:59:59 local time of the last day.
   *
   * @param days a number (Integer or Long from DMN) or a numeric string; never null
   * @param kind {@code WORKING_DAYS}, {@code CALENDAR_DAYS} or {@code SAME_DAY}
   */
  public Date due(String jurisdiction, Date from, Object days, String kind) {
    return date(arithmetic.due(Jurisdiction.of(jurisdiction), instant(from, "from"), days(days),
        DeadlineKind.of(kind)));
  }

  /** {@code ${deadlines.workingDays(execution, n)}}: n working days from now in the process's jurisdiction. */
  public Date workingDays(VariableScope execution, Object n) {
    return date(arithmetic.due(jurisdiction(execution), now(), days(n), DeadlineKind.WORKING_DAYS));
  }

  /** {@code ${deadlines.calendarDays(execution, n)}}: n calendar days from now, moved to a working day. */
  public Date calendarDays(VariableScope execution, Object n) {
    return date(arithmetic.due(jurisdiction(execution), now(), days(n), DeadlineKind.CALENDAR_DAYS));
  }

  /**
   * {@code ${deadlines.step(execution, n)}}: the due date of a step with a deadline of its own, {@code n} working days
   * from now, but never after the case's answer deadline while that clock runs (a step must not make the case late).
   */
  public Date step(VariableScope execution, Object n) {
    Instant own = arithmetic.due(jurisdiction(execution), now(), days(n), DeadlineKind.WORKING_DAYS).toInstant();
    String caseNumber = businessKey(execution);
    if (caseNumber != null) {
      var clock = clocks.find(caseNumber, CaseClock.ANSWER).filter(CaseClock::running);
      if (clock.isPresent() && clock.get().dueAt().isBefore(own)) {
        return Date.from(clock.get().dueAt());
      }
    }
    return Date.from(own);
  }

  /**
   * {@code ${deadlines.informationWait(execution, n)}}: how long to wait for the client's information, {@code n}
   * working days from now, RU never past the 442-FZ ceiling of the case.
   */
  public Date informationWait(VariableScope execution, Object n) {
    return Date.from(answers.informationWaitUntil(businessKey(execution), jurisdiction(execution), now(), days(n)));
  }

  /**
   * {@code ${deadlines.heldBy(execution, 'ANSWER')}}: for the escalation form, the step(s) and group(s) that held the
   * case when the clock ran out (from the breach record).
   */
  public String heldBy(VariableScope execution, String clock) {
    String caseNumber = businessKey(execution);
    return breaches.of(caseNumber, clock)
        .map(b -> b.getHeldBy() != null ? b.getHeldBy() : b.getStepName() != null ? "«" + b.getStepName() + "»"
            : b.getStep()).orElse(null);
  }

  /** {@code ${deadlines.reminder(execution, due)}}: 00:00 of the last working day on or before due, never before now. */
  public Date reminder(VariableScope execution, Date due) {
    return date(arithmetic.reminder(jurisdiction(execution), now(), instant(due, "due")));
  }

  /** {@code ${deadlines.afterInformation(jurisdiction, receivedInfoAt, days)}} (SPEC §3.4). */
  public Date afterInformation(String jurisdiction, Date receivedInfoAt, Object days) {
    return date(arithmetic.afterInformation(Jurisdiction.of(jurisdiction), instant(receivedInfoAt, "receivedInfoAt"),
        days(days)));
  }

  /** A suspended clock resumed now: the days left at {@code suspendedAt} counted again from today. */
  public Date resume(String jurisdiction, Date due, Date suspendedAt, String kind) {
    return date(arithmetic.resume(Jurisdiction.of(jurisdiction), instant(due, "due"),
        instant(suspendedAt, "suspendedAt"), now(), DeadlineKind.of(kind)));
  }

  /**
   * {@code ${deadlines.escalationGroup(execution)}}: the candidate group of an escalation task,
   * as the deployed decision {@code escalation} says for the case's jurisdiction (RU when absent).
   */
  public String escalationGroup(VariableScope execution) {
    return escalation.of(jurisdiction(execution));
  }

  static String businessKey(VariableScope scope) {
    if (scope instanceof org.camunda.bpm.engine.delegate.DelegateExecution e) {
      return e.getProcessBusinessKey();
    }
    if (scope instanceof org.camunda.bpm.engine.delegate.DelegateTask t && t.getExecution() != null) {
      return t.getExecution().getProcessBusinessKey();
    }
    return null;
  }

  static Jurisdiction jurisdiction(VariableScope execution) {
    Object value = execution == null ? null : execution.getVariable("jurisdiction");
    return Jurisdiction.of(value == null ? null : value.toString());
  }

  private static Instant now() {
    return Now.instant();
  }

  private static Instant instant(Date date, String name) {
    if (date == null) {
      throw new IllegalArgumentException("Deadline input '" + name + "' is null");
    }
    return date.toInstant();
  }

  /** JUEL turns a null into 0 for an int parameter; taking Object keeps a missing number from becoming "today". */
  static int days(Object value) {
    if (value instanceof Number n) {
      return Math.toIntExact(n.longValue());
    }
    if (value instanceof String s && !s.isBlank()) {
      return Integer.parseInt(s.trim());
    }
    throw new IllegalArgumentException("Number of days is missing or not a number: " + value);
  }

  private static Date date(ZonedDateTime t) {
    return Date.from(t.toInstant());
  }
}
