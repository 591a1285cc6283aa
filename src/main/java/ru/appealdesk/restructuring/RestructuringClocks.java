package ru.appealdesk.restructuring;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import ru.appealdesk.deadline.CaseClock;
import ru.appealdesk.deadline.CaseClocks;
import ru.appealdesk.deadline.DeadlineKind;
import ru.appealdesk.deadline.DeadlineService;
import ru.appealdesk.deadline.DeadlineTexts;
import ru.appealdesk.deadline.Deadlines.Due;
import ru.appealdesk.deadline.Jurisdiction;
import ru.appealdesk.deadline.Now;

/**
 * {@code ${restructuringClocks.…}}: the legal clocks of {@code kz-restructuring} (table {@code case_clock}, the same
 * mechanism as the answer clock of appeals). The diagram watches each clock with one reminder and one deadline timer
 * marked {@code caseClock}/{@code caseClockTimer}; moving a clock here moves its variable, the due dates of the open
 * tasks and those timers.
 *
 * <ul>
 *   <li>{@value #DECISION}: the borrower receives a decision within 15 calendar days (¶68) from the application, or
 *       from their own conditions answering a counter-proposal; suspended while the requested documents are awaited
 *       (the deadline stays, the timers wait), counted again from the day the documents were received; stopped when
 *       the decision has been sent.</li>
 *   <li>{@value #OMBUDSMAN_EXECUTION}: the ombudsman's decision is executed by the end of the day it names (¶78).</li>
 * </ul>
 */
@Component("restructuringClocks")
public class RestructuringClocks {

  public static final String DECISION = "DECISION";
  public static final String OMBUDSMAN_EXECUTION = "OMBUDSMAN_EXECUTION";
  static final String DECISION_DUE_AT = "decisionDueAt";
  static final String DECISION_CLOCK_START_AT = "decisionClockStartAt";
  static final String OMBUDSMAN_EXECUTION_DUE_AT = "ombudsmanExecutionDueAt";

  private final CaseClocks clocks;
  private final DeadlineService deadlines;

  RestructuringClocks(CaseClocks clocks, DeadlineService deadlines) {
    this.clocks = clocks;
    this.deadlines = deadlines;
  }

  /**
   * Service task «Запустить срок решения»: {@code days} calendar days from {@code decisionClockStartAt} (the
   * application's receipt, or the borrower's counter-conditions). A case that comes back with counter-conditions
   * runs the same clock again.
   */
  public void startDecision(DelegateExecution execution, Object days) {
    int n = days(days);
    Instant from = instant(execution, DECISION_CLOCK_START_AT);
    Jurisdiction j = jurisdiction(execution);
    Due due = deadlines.arithmetic().compute(j, from, n, DeadlineKind.CALENDAR_DAYS);
    String number = execution.getProcessBusinessKey();
    Optional<CaseClock> existing = clocks.find(number, DECISION);
    CaseClock c = existing.isEmpty()
        ? clocks.start(new CaseClocks.Start(number, DECISION, execution.getProcessInstanceId(), DECISION_DUE_AT, j,
            from, n, DeadlineKind.CALENDAR_DAYS, due, null, null, null, null))
        : clocks.restart(number, DECISION, execution.getProcessInstanceId(), due, from, n, DeadlineKind.CALENDAR_DAYS,
            "Клиент предложил свои условия " + DeadlineTexts.date(from, j) + ": " + n
                + " календарных дней на решение заново (п. 68, 76)");
    variables(execution, c);
  }

  /** Start of «Рассмотрение приостановлено до получения документов»: the clock stands, its deadline is kept. */
  public void decisionSuspended(DelegateExecution execution) {
    clocks.suspend(execution.getProcessBusinessKey(), DECISION, Now.instant(),
        "Запрошены документы (п. 67): рассмотрение приостановлено до их получения");
  }

  /** The requested documents were received on {@code documentsReceivedAt}: {@code days} count again from that day. */
  public void documentsReceived(DelegateExecution execution, Object days) {
    int n = days(days);
    Instant from = instant(execution, "documentsReceivedAt");
    Jurisdiction j = jurisdiction(execution);
    execution.setVariable(DECISION_CLOCK_START_AT, Date.from(from));
    Due due = deadlines.arithmetic().compute(j, from, n, DeadlineKind.CALENDAR_DAYS);
    CaseClock c = clocks.move(execution.getProcessBusinessKey(), DECISION, due, from, n, DeadlineKind.CALENDAR_DAYS,
        "RESUMED", "Документы получены " + DeadlineTexts.date(from, j) + ": " + n
            + " календарных дней на решение заново (п. 68)");
    variables(execution, c);
  }

  /** End of «Рассмотрение заявления и решение»: the decision was sent to the borrower. */
  public void decisionDelivered(DelegateExecution execution) {
    clocks.stop(execution.getProcessBusinessKey(), DECISION, Now.instant());
  }

  /**
   * Service task «Запустить срок исполнения решения омбудсмана»: the day the ombudsman set ends at 23:59:59 local
   * time; {@code ombudsmanExecutionDueAt} becomes that moment.
   */
  public void startOmbudsmanExecution(DelegateExecution execution) {
    Instant day = instant(execution, OMBUDSMAN_EXECUTION_DUE_AT);
    Jurisdiction j = jurisdiction(execution);
    Due due = deadlines.arithmetic().compute(j, day, 0, DeadlineKind.SAME_DAY);
    String number = execution.getProcessBusinessKey();
    CaseClock c = clocks.find(number, OMBUDSMAN_EXECUTION).isEmpty()
        ? clocks.start(new CaseClocks.Start(number, OMBUDSMAN_EXECUTION, execution.getProcessInstanceId(),
            OMBUDSMAN_EXECUTION_DUE_AT, j, day, 0, DeadlineKind.SAME_DAY, due, null, null, null, null))
        : clocks.restart(number, OMBUDSMAN_EXECUTION, execution.getProcessInstanceId(), due, day, 0,
            DeadlineKind.SAME_DAY, "Новое решение омбудсмана");
    variables(execution, c);
  }

  /** End of «Проконтролировать исполнение решения омбудсмана». */
  public void ombudsmanExecutionEnded(DelegateExecution execution) {
    clocks.stop(execution.getProcessBusinessKey(), OMBUDSMAN_EXECUTION, Now.instant());
  }

  private static void variables(DelegateExecution execution, CaseClock c) {
    execution.setVariable(c.dueVariable(), Date.from(c.dueAt()));
    execution.setVariable(c.dueVariable() + "Text",
        DeadlineTexts.due(c.dueAt(), c.jurisdiction(), c.provisionalYears()));
  }

  private static Jurisdiction jurisdiction(DelegateExecution execution) {
    Object j = execution.getVariable("jurisdiction");
    return Jurisdiction.of(j == null ? "KZ" : j.toString());
  }

  private static Instant instant(DelegateExecution execution, String variable) {
    Date d = Vars.date(execution.getVariable(variable));
    if (d == null) {
      throw new IllegalStateException("Variable " + variable + " is missing on case " + execution.getProcessBusinessKey());
    }
    return d.toInstant();
  }

  private static int days(Object value) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    return Integer.parseInt(String.valueOf(value).strip());
  }
}
