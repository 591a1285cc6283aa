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

  OverdueTasks(TaskService taskService, RuntimeService runtimeService, SlaBreaches breaches) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.breaches = breaches;
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
    for (SlaBreach b : breaches.forGroup(group)) {
      Task open = taskService.createTaskQuery().processInstanceId(b.getProcessInstanceId())
          .taskDefinitionKey(b.getStep()).active().listPage(0, 1).stream().findFirst().orElse(null);
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
   * One late step: the case, the open task (id, name, assignee), its group, its due date, and when the breach was
   * recorded and escalated to whom (null when the overdue timer has not fired or the step has none).
   */
  public record OverdueItem(String caseNumber, String processInstanceId, String step, String stepName, String taskId,
      String assignee, String group, Instant dueAt, Instant breachedAt, String escalationGroup) {}
}
