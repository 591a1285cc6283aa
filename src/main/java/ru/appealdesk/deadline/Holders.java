package ru.appealdesk.deadline;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  private final JdbcClient jdbc;
  private final RuntimeService runtime;
  private final RepositoryService repository;

  Holders(JdbcClient jdbc, RuntimeService runtime, RepositoryService repository) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.repository = repository;
  }

  /**
   * The active tasks of the case's process instances, oldest first, each with its candidate groups: one statement in
   * the job's transaction. Before, a task query and one identity-link query per task (issue 19: a storm of breaches
   * asks this once per case). Escalation tasks are left out here already; a task's groups are listed alphabetically.
   */
  private List<Holder> openTasks(String caseNumber) {
    return jdbc.sql("""
            select t.task_def_key_, t.name_, t.assignee_,
                (select string_agg(distinct l.group_id_, ', ' order by l.group_id_) from act_ru_identitylink l
                 where l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null) as groups
            from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_
            where e.business_key_ = :caseNumber and t.suspension_state_ = 1
              and t.task_def_key_ not like 'Task\\_Escalation%'
            order by t.create_time_, t.id_""")
        .param("caseNumber", caseNumber)
        .query((rs, n) -> new Holder(rs.getString(1), rs.getString(2), rs.getString(4), rs.getString(3)))
        .list();
  }

  List<Holder> of(String caseNumber, String excludeActivity) {
    List<Holder> holders = new ArrayList<>(openTasks(caseNumber));
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
