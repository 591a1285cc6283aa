package ru.appealdesk.deadline;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads what a reminder or breach step of a diagram declares, as local input parameters: {@code slaClock} (the clock:
 * {@code ANSWER}, {@code REGISTRATION} …), {@code slaDueAt} (the deadline, a Date) and, optionally, {@code slaStep}
 * and {@code slaGroup} (a fixed step; without them the step that holds the case is found at run time, see
 * {@link Holders}). A step named by id gets its current name from the deployed model.
 */
@Component
class SlaEvents {

  private static final Logger log = LoggerFactory.getLogger(SlaEvents.class);

  private final Holders holders;
  private final CaseClocks clocks;
  private final EscalationGroups escalation;
  private final TaskService tasks;

  SlaEvents(Holders holders, CaseClocks clocks, EscalationGroups escalation, TaskService tasks) {
    this.holders = holders;
    this.clocks = clocks;
    this.escalation = escalation;
    this.tasks = tasks;
  }

  /**
   * For a reminder: the deadline as the case's clock stands now (a suspended clock against its ceiling), and who is to
   * be reminded: the assignee of the holding task, if it has one. Empty when that deadline has passed already: the
   * reminder would name a day gone by, and the clock's breach step, due as well, escalates the case (a reminder fires
   * late after an outage of the job executor, or for an appeal registered after its deadline; the step reminders skip
   * such tasks too). A reminder does not ask the escalation table: it writes to whoever holds the case.
   */
  Optional<Reminder> reminder(DelegateExecution execution) {
    Declared d = declaration(execution);
    Instant due = d.step() != null ? d.dueAt()
        : clocks.find(d.caseNumber(), d.clock()).map(CaseClocks::effectiveDue).orElse(d.dueAt());
    if (!due.isAfter(Now.instant())) {
      log.info("Reminder of case {} clock {} not sent: its deadline {} has passed, the breach step escalates",
          d.caseNumber(), d.clock() == null ? d.step() : d.clock(), due);
      return Optional.empty();
    }
    if (d.step() != null) {
      String assignee = tasks.createTaskQuery().processInstanceBusinessKey(d.caseNumber()).taskDefinitionKey(d.step())
          .active().listPage(0, 1).stream().findFirst().map(Task::getAssignee).orElse(null);
      return Optional.of(new Reminder(fixed(execution, d, due, null), assignee));
    }
    List<Holders.Holder> held = holders.of(d.caseNumber(), execution.getCurrentActivityId());
    return Optional.of(new Reminder(held(d, held, due, null), held.isEmpty() ? null : held.get(0).assignee()));
  }

  /** A reminder to send: the event, and the assignee of the holding task (null: the task's candidate groups). */
  record Reminder(SlaEvent event, String assignee) {}

  /**
   * For a breach: the deadline as the step declares it ({@code slaDueAt}), and the group that receives the escalation
   * (decision {@code escalation}). A breach of a clock (no {@code slaStep}) is measured against the case's clock by
   * {@link SlaBreaches#recordAgainstClock}, in the statement that records it: one round trip less per breach (issue 19).
   */
  SlaEvent declared(DelegateExecution execution) {
    Declared d = declaration(execution);
    String escalationGroup = escalation.of(d.jurisdiction());
    if (d.step() != null) {
      return fixed(execution, d, d.dueAt(), escalationGroup);
    }
    return held(d, holders.of(d.caseNumber(), execution.getCurrentActivityId()), d.dueAt(), escalationGroup);
  }

  /** Whether the step names a fixed step ({@code slaStep}): its deadline is the declared one, whatever the clock. */
  static boolean fixedStep(DelegateExecution execution) {
    return string(execution.getVariableLocal("slaStep")) != null;
  }

  /** What the step's input parameters declare, and the case it belongs to. */
  private record Declared(String caseNumber, String processInstanceId, String clock, String step, Instant dueAt,
      Jurisdiction jurisdiction) {}

  private static Declared declaration(DelegateExecution execution) {
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
    return new Declared(caseNumber, execution.getProcessInstanceId(), clock, step, dueAt.toInstant(),
        DeadlineService.jurisdiction(execution));
  }

  /** A fixed step's event: the step and group the diagram names. */
  private static SlaEvent fixed(DelegateExecution execution, Declared d, Instant due, String escalationGroup) {
    return new SlaEvent(d.caseNumber(), d.processInstanceId(), d.clock() == null ? d.step() : d.clock(), d.step(),
        stepName(execution, d.step()), string(execution.getVariableLocal("slaGroup")), null, due, d.jurisdiction(),
        escalationGroup);
  }

  /** A clock's event: the step(s) that hold the case now. */
  private static SlaEvent held(Declared d, List<Holders.Holder> held, Instant due, String escalationGroup) {
    Holders.Holder first = held.isEmpty() ? null : held.get(0);
    return new SlaEvent(d.caseNumber(), d.processInstanceId(), d.clock(),
        first == null ? "unknown" : first.step(), first == null ? null : first.name(),
        first == null ? null : first.groups(),
        held.isEmpty() ? null : held.stream().map(Holders.Holder::describe).collect(Collectors.joining("; ")),
        due, d.jurisdiction(), escalationGroup);
  }

  private static String stepName(DelegateExecution execution, String step) {
    ModelElementInstance element = execution.getBpmnModelInstance().getModelElementById(step);
    return element instanceof FlowElement f ? f.getName() : null;
  }

  private static String string(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
