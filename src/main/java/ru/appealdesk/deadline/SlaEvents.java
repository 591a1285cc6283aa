package ru.appealdesk.deadline;

import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * Reads what a reminder or breach step of a diagram declares, as local input parameters: {@code slaClock} (the clock:
 * {@code ANSWER}, {@code REGISTRATION} …), {@code slaDueAt} (the deadline, a Date) and, optionally, {@code slaStep}
 * and {@code slaGroup} (a fixed step; without them the step that holds the case is found at run time, see
 * {@link Holders}). A step named by id gets its current name from the deployed model.
 */
@Component
class SlaEvents {

  private final Holders holders;
  private final CaseClocks clocks;

  private final EscalationGroups escalation;

  SlaEvents(Holders holders, CaseClocks clocks, EscalationGroups escalation) {
    this.holders = holders;
    this.clocks = clocks;
    this.escalation = escalation;
  }

  /** For a reminder: the deadline as the case's clock stands now (a suspended clock against its ceiling). */
  SlaEvent of(DelegateExecution execution) {
    return of(execution, true);
  }

  /**
   * For a breach: the deadline as the step declares it ({@code slaDueAt}). A breach of a clock (no {@code slaStep})
   * is measured against the case's clock by {@link SlaBreaches#recordAgainstClock}, in the statement that records
   * it: one round trip less per breach (issue 19).
   */
  SlaEvent declared(DelegateExecution execution) {
    return of(execution, false);
  }

  /** Whether the step names a fixed step ({@code slaStep}): its deadline is the declared one, whatever the clock. */
  static boolean fixedStep(DelegateExecution execution) {
    return string(execution.getVariableLocal("slaStep")) != null;
  }

  private SlaEvent of(DelegateExecution execution, boolean measuredByClock) {
    Object due = execution.getVariableLocal("slaDueAt");
    if (!(due instanceof Date dueAt)) {
      throw new IllegalStateException("Input parameter slaDueAt must be a Date on " + execution.getCurrentActivityId()
          + ", was " + due);
    }
    String caseNumber = execution.getProcessBusinessKey();
    if (caseNumber == null) {
      caseNumber = string(execution.getVariable("appealNumber"));
    }
    if (caseNumber == null) {
      caseNumber = execution.getProcessInstanceId();
    }
    String step = string(execution.getVariableLocal("slaStep"));
    String clock = string(execution.getVariableLocal("slaClock"));
    if (step == null && clock == null) {
      throw new IllegalStateException("Input parameter slaClock (or slaStep) is missing on "
          + execution.getCurrentActivityId());
    }
    Jurisdiction j = DeadlineService.jurisdiction(execution);
    if (step != null) {
      return new SlaEvent(caseNumber, execution.getProcessInstanceId(), clock == null ? step : clock, step,
          stepName(execution, step), string(execution.getVariableLocal("slaGroup")), null, dueAt.toInstant(), j, escalation.of(j));
    }
    // a suspended clock is measured against its ceiling (its timers wait for it)
    java.time.Instant effective = measuredByClock
        ? clocks.find(caseNumber, clock).map(CaseClocks::effectiveDue).orElse(dueAt.toInstant()) : dueAt.toInstant();
    List<Holders.Holder> held = holders.of(caseNumber, execution.getCurrentActivityId());
    Holders.Holder first = held.isEmpty() ? null : held.get(0);
    return new SlaEvent(caseNumber, execution.getProcessInstanceId(), clock,
        first == null ? "unknown" : first.step(), first == null ? null : first.name(),
        first == null ? null : first.groups(),
        held.isEmpty() ? null : held.stream().map(Holders.Holder::describe).collect(Collectors.joining("; ")),
        effective, j, escalation.of(j));
  }

  private static String stepName(DelegateExecution execution, String step) {
    ModelElementInstance element = execution.getBpmnModelInstance().getModelElementById(step);
    return element instanceof FlowElement f ? f.getName() : null;
  }

  private static String string(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
