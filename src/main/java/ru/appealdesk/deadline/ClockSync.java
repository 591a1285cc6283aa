package ru.appealdesk.deadline;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Carries a moved clock to the engine: the process variable that holds the deadline (and its {@code …Text} for the
 * forms), the due date and reminder (follow-up date) of every open task of the case that followed the old deadline
 * or would now end after the new one, and the clock's timers. Timers are found by their extension properties in the
 * diagram ({@code caseClock} = the clock, {@code caseClockTimer} = {@code DEADLINE} or {@code REMINDER}), so a
 * process owner may rename or move them in Modeler.
 */
@Component
class ClockSync {

  static final String PROPERTY_CLOCK = "caseClock";
  static final String PROPERTY_ROLE = "caseClockTimer";

  private static final Logger log = LoggerFactory.getLogger(ClockSync.class);

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final RepositoryService repository;
  private final Deadlines deadlines;
  private final Map<String, Optional<String[]>> roles = new ConcurrentHashMap<>();

  ClockSync(RuntimeService runtime, TaskService tasks, ManagementService management, RepositoryService repository,
      CalendarStore calendars) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.repository = repository;
    this.deadlines = new Deadlines(calendars::calendar);
  }

  void apply(CaseClock before, CaseClock after) {
    // a resumed clock's timers were held (holdTimers): they are set again even when the deadline did not change
    if (Objects.equals(before.dueAt(), after.dueAt())
        && Objects.equals(before.provisionalYears(), after.provisionalYears())
        && before.suspended() == after.suspended()) {
      return;
    }
    String pi = after.processInstanceId();
    boolean running = runtime.createProcessInstanceQuery().processInstanceId(pi).count() > 0;
    if (running) {
      runtime.setVariable(pi, after.dueVariable(), Date.from(after.dueAt()));
      runtime.setVariable(pi, after.dueVariable() + "Text",
          DeadlineTexts.due(after.dueAt(), after.jurisdiction(), after.provisionalYears()));
    }
    Instant reminder = reminderAt(after.jurisdiction(), after.dueAt());
    int movedTasks = 0;
    for (Task t : tasks.createTaskQuery().processInstanceBusinessKey(after.caseNumber()).active().list()) {
      if (t.getDueDate() == null || t.getTaskDefinitionKey().startsWith("Task_Escalation")) {
        continue;
      }
      Instant due = t.getDueDate().toInstant();
      if (due.equals(before.dueAt()) || due.isAfter(after.dueAt())) {
        t.setDueDate(Date.from(after.dueAt()));
        t.setFollowUpDate(Date.from(reminder));
        tasks.saveTask(t);
        movedTasks++;
      }
    }
    int movedTimers = 0;
    for (Job job : management.createJobQuery().processInstanceId(pi).timers().list()) {
      Optional<String[]> role = role(job);
      if (role.isEmpty() || !after.clock().equals(role.get()[0])) {
        continue;
      }
      Instant at = "REMINDER".equals(role.get()[1]) ? reminder : after.dueAt();
      management.setJobDuedate(job.getId(), Date.from(at));
      movedTimers++;
    }
    log.info("Clock {} of case {} moved to {}: {} task(s), {} timer(s)", after.clock(), after.caseNumber(),
        after.dueAt(), movedTasks, movedTimers);
  }

  /**
   * A suspended clock does not run out: its timers wait until {@code until} (the statutory ceiling, which still holds
   * while the client is asked, or a far date); the resumed clock sets them again. Against a ceiling, the reminder comes
   * at the start of the ceiling's last working day, as for a running clock: held at the ceiling itself it would fire
   * when the deadline has passed, and a reminder then sends nothing ({@link SlaEvents#reminder}).
   */
  void holdTimers(CaseClock c, Instant until) {
    Instant reminder = until.equals(c.legalDeadlineAt()) ? reminderAt(c.jurisdiction(), until) : until;
    for (Job job : management.createJobQuery().processInstanceId(c.processInstanceId()).timers().list()) {
      Optional<String[]> role = role(job);
      if (role.isPresent() && c.clock().equals(role.get()[0])) {
        Instant at = "REMINDER".equals(role.get()[1]) ? reminder : until;
        management.setJobDuedate(job.getId(), Date.from(at));
      }
    }
  }

  /** The start of the last working day before {@code due}, never before now: when a clock's reminder comes. */
  private Instant reminderAt(Jurisdiction j, Instant due) {
    return deadlines.reminder(j, Now.instant(), due).toInstant();
  }

  /** [clock, role] of a timer job from its element's extension properties, cached per definition and activity. */
  private Optional<String[]> role(Job job) {
    if (job.getJobDefinitionId() == null || job.getProcessDefinitionId() == null) {
      return Optional.empty();
    }
    JobDefinition definition = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
        .singleResult();
    if (definition == null) {
      return Optional.empty();
    }
    String key = job.getProcessDefinitionId() + "/" + definition.getActivityId();
    return roles.computeIfAbsent(key, k -> {
      ModelElementInstance element = repository.getBpmnModelInstance(job.getProcessDefinitionId())
          .getModelElementById(definition.getActivityId());
      return element instanceof BaseElement b ? clockProperties(b) : Optional.empty();
    });
  }

  static Optional<String[]> clockProperties(BaseElement element) {
    if (element.getExtensionElements() == null) {
      return Optional.empty();
    }
    String clock = null;
    String role = null;
    for (CamundaProperties props : element.getExtensionElements().getElementsQuery()
        .filterByType(CamundaProperties.class).list()) {
      for (CamundaProperty p : props.getCamundaProperties()) {
        if (PROPERTY_CLOCK.equals(p.getCamundaName())) {
          clock = p.getCamundaValue();
        } else if (PROPERTY_ROLE.equals(p.getCamundaName())) {
          role = p.getCamundaValue();
        }
      }
    }
    return clock == null ? Optional.empty() : Optional.of(new String[] {clock, role == null ? "DEADLINE" : role});
  }
}
