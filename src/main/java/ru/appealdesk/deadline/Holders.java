package ru.appealdesk.deadline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * Which step holds a case right now: its open user tasks (in the case's process and the processes it called, found by
 * the case number as business key; escalation tasks, {@code Task_Escalation…}, do not count), or, when no task is open,
 * the activities its executions wait in (e.g. an e-mail job that keeps failing). Names are read from the deployed
 * model, so a step renamed in Modeler is reported with its new name.
 */
@Component
class Holders {

  /** One holder: activity id, current name, candidate groups (comma-separated, may be null), assignee. */
  record Holder(String step, String name, String groups, String assignee) {
    String describe() {
      StringBuilder sb = new StringBuilder("«").append(name == null ? step : name).append("»");
      if (groups != null) {
        sb.append(" (").append(groups).append(")");
      }
      if (assignee != null) {
        sb.append(", исполнитель ").append(assignee);
      }
      return sb.toString();
    }
  }

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;

  private final ManagementService management;
  private volatile String openTasksSql;

  Holders(TaskService tasks, RuntimeService runtime, RepositoryService repository, ManagementService management) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.management = management;
  }

  /**
   * The active tasks of the case's process instances, oldest first: what
   * {@code createTaskQuery().processInstanceBusinessKey(n).active().orderByTaskCreateTime().asc()} answers, as a
   * native query. The task query builds its SQL anew from hundreds of conditions on every call; in a storm of
   * breaches that was a tenth of the job executor's time (issue 19, docs/bench.md).
   */
  private List<Task> openTasks(String caseNumber) {
    if (openTasksSql == null) {
      openTasksSql = "select RES.* from " + management.getTableName(Task.class) + " RES inner join "
          + management.getTableName(Execution.class) + " E on RES.PROC_INST_ID_ = E.ID_"
          + " where E.BUSINESS_KEY_ = #{caseNumber} and RES.SUSPENSION_STATE_ = 1 order by RES.CREATE_TIME_ asc, RES.ID_";
    }
    return tasks.createNativeTaskQuery().sql(openTasksSql).parameter("caseNumber", caseNumber).list();
  }

  List<Holder> of(String caseNumber, String excludeActivity) {
    List<Holder> holders = new ArrayList<>();
    for (Task t : openTasks(caseNumber)) {
      if (t.getTaskDefinitionKey().startsWith("Task_Escalation")) {
        continue;
      }
      Set<String> groups = new LinkedHashSet<>();
      for (IdentityLink l : tasks.getIdentityLinksForTask(t.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null) {
          groups.add(l.getGroupId());
        }
      }
      holders.add(new Holder(t.getTaskDefinitionKey(), t.getName(), groups.isEmpty() ? null : String.join(", ", groups),
          t.getAssignee()));
    }
    if (!holders.isEmpty()) {
      return holders;
    }
    for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list()) {
      var model = repository.getBpmnModelInstance(pi.getProcessDefinitionId());
      for (String activity : runtime.getActiveActivityIds(pi.getId())) {
        ModelElementInstance e = model.getModelElementById(activity);
        if (activity.equals(excludeActivity) || e instanceof SubProcess || e instanceof CallActivity
            || activity.startsWith("Task_Escalation")) {
          continue;
        }
        holders.add(new Holder(activity, e instanceof FlowElement f ? f.getName() : null, null, null));
      }
    }
    return holders;
  }
}
