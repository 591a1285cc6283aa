package ru.appealdesk.deadline;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

  public DeadlineService(CalendarStore store) {
    this.arithmetic = new Deadlines(store::calendar);
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
   * {@code appeals-controller} (RU) or {@code client-rights-officer} (KZ).
   */
  public String escalationGroup(VariableScope execution) {
    return SlaBreaches.escalationGroup(jurisdiction(execution));
  }

  static Jurisdiction jurisdiction(VariableScope execution) {
    Object value = execution == null ? null : execution.getVariable("jurisdiction");
    return Jurisdiction.of(value == null ? null : value.toString());
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
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
