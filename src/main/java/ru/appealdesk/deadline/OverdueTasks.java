package ru.appealdesk.deadline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * What runs late for a group: its open tasks past their due date, and the recorded breaches of its tasks (or escalated
 * to it) whose late task is still open.
 */
@Service
public class OverdueTasks {

  static final int LIMIT = 500;

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final SlaBreaches breaches;
  private final CaseClocks clocks;

  private final EscalationGroups escalation;

  OverdueTasks(TaskService taskService, RuntimeService runtimeService, SlaBreaches breaches, CaseClocks clocks,
      EscalationGroups escalation) {
    this.escalation = escalation;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.breaches = breaches;
    this.clocks = clocks;
  }

  /**
   * Every case of a jurisdiction that runs late now (the supervisor's list: the appeals controller for RU, the
   * client-rights officer for KZ): each running case clock past its effective deadline, with its breach record when the
   * timer has written one (who held the case, escalated to whom), the steps open now, and how many of the
   * jurisdiction's local days it is late. Oldest deadline first.
   */
  public List<OverdueCase> forJurisdiction(Jurisdiction j) {
    Instant now = SlaBreaches.now();
    Map<String, SlaBreach> recorded = new HashMap<>();
    for (SlaBreach b : breaches.forJurisdiction(j)) {
      recorded.put(b.getCaseNumber() + "/" + b.getClock(), b);
    }
    java.time.LocalDate today = now.atZone(j.zone()).toLocalDate();
    List<OverdueCase> result = new ArrayList<>();
    String escalationGroup = escalation.of(j);
    for (CaseClock c : clocks.runningPastDue(j, now)) {
      if (result.size() >= LIMIT) {
        break;
      }
      Instant due = CaseClocks.effectiveDue(c);
      SlaBreach b = recorded.get(c.caseNumber() + "/" + c.clock());
      List<String> open = taskService.createTaskQuery().processInstanceBusinessKey(c.caseNumber()).active()
          .orderByTaskCreateTime().asc().listPage(0, 20).stream().map(Task::getName).toList();
      long days = java.time.temporal.ChronoUnit.DAYS.between(due.atZone(j.zone()).toLocalDate(), today);
      result.add(new OverdueCase(c.caseNumber(), c.processInstanceId(), j.name(), c.clock(), due,
          DeadlineTexts.dateTime(due, j), Math.max(0, days), c.suspended(), b == null ? null : b.getBreachedAt(),
          b == null ? null : b.getStep(), b == null ? null : b.getStepName(), b == null ? null : b.getGroupId(),
          b == null ? null : b.getHeldBy(), b == null ? escalationGroup : b.getEscalationGroup(),
          b == null ? null : b.getResolution(), open));
    }
    return result;
  }

  public List<OverdueItem> forGroup(String group) {
    Instant now = SlaBreaches.now();
    Map<String, OverdueItem> items = new LinkedHashMap<>();
    List<Task> late = taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks()
        .dueBefore(java.util.Date.from(now)).active().orderByDueDate().asc().listPage(0, LIMIT);
    Map<String, String> caseNumbers = caseNumbers(late.stream().map(Task::getProcessInstanceId).toList());
    for (Task t : late) {
      items.put(t.getProcessInstanceId() + "/" + t.getTaskDefinitionKey(), new OverdueItem(
          caseNumbers.getOrDefault(t.getProcessInstanceId(), t.getProcessInstanceId()), t.getProcessInstanceId(),
          t.getTaskDefinitionKey(), t.getName(), t.getId(), t.getAssignee(), group, t.getDueDate().toInstant(), null,
          null));
    }
    List<SlaBreach> recorded = breaches.forGroup(group);
    // the late steps still open, in one query per few hundred cases instead of one per breach
    Map<String, Task> openSteps = new HashMap<>();
    List<String> ids = recorded.stream().map(SlaBreach::getProcessInstanceId).filter(java.util.Objects::nonNull)
        .distinct().toList();
    for (int from = 0; from < ids.size(); from += 500) {
      for (Task t : taskService.createTaskQuery()
          .processInstanceIdIn(ids.subList(from, Math.min(ids.size(), from + 500)).toArray(String[]::new))
          .active().list()) {
        openSteps.putIfAbsent(t.getProcessInstanceId() + "/" + t.getTaskDefinitionKey(), t);
      }
    }
    for (SlaBreach b : recorded) {
      Task open = openSteps.get(b.getProcessInstanceId() + "/" + b.getStep());
      if (open == null) {
        continue;
      }
      items.put(b.getProcessInstanceId() + "/" + b.getStep(), new OverdueItem(b.getCaseNumber(),
          b.getProcessInstanceId(), b.getStep(), b.getStepName(), open.getId(), open.getAssignee(), b.getGroupId(),
          b.getDueAt(), b.getBreachedAt(), b.getEscalationGroup()));
    }
    List<OverdueItem> result = new ArrayList<>(items.values());
    result.sort(Comparator.comparing(OverdueItem::dueAt));
    return result;
  }

  private Map<String, String> caseNumbers(List<String> processInstanceIds) {
    Set<String> ids = new HashSet<>(processInstanceIds);
    Map<String, String> result = new HashMap<>();
    if (ids.isEmpty()) {
      return result;
    }
    for (ProcessInstance pi : runtimeService.createProcessInstanceQuery().processInstanceIds(ids).list()) {
      if (pi.getBusinessKey() != null) {
        result.put(pi.getId(), pi.getBusinessKey());
      }
    }
    return result;
  }

  /**
   * One case that runs late: its clock and effective deadline (ISO and in local words), whole local days late, whether
   * it waits for the client, the breach record (null fields until the timer wrote it), and the steps open now.
   */
  public record OverdueCase(String caseNumber, String processInstanceId, String jurisdiction, String clock,
      Instant dueAt, String dueText, long daysOverdue, boolean suspended, Instant breachedAt, String step,
      String stepName, String group, String heldBy, String escalationGroup, String resolution,
      List<String> openSteps) {}

  /**
   * One late step: the case, the open task (id, name, assignee), its group, its due date, and when the breach was
   * recorded and escalated to whom (null when the overdue timer has not fired or the step has none).
   */
  public record OverdueItem(String caseNumber, String processInstanceId, String step, String stepName, String taskId,
      String assignee, String group, Instant dueAt, Instant breachedAt, String escalationGroup) {}
}
