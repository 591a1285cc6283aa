package ru.appealdesk.perf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.appeal.AppealVariables;
import ru.appealdesk.identity.CaseFixtures;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

class LeanHistoryIT extends AbstractIntegrationTest {

  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  HistoryService history;
  @Autowired
  ManagementService management;
  @Autowired
  ObjectMapper json;

  @Test
  void theAppealsDisplayCopiesStayOutOfTheHistoryAndItsFactsStayIn() throws Exception {
    String number = CaseFixtures.ruComplaint(Http.as(baseUrl(), "officer", "demo"), json);
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();

    // the forms still get every copy at run time
    Map<String, Object> running = runtime.getVariables(pi.getId());
    assertThat(running).containsKeys("clientFullName", "clientPhone", "clientIdDocument", "appealContent",
        "subjectText", "responsibleGroupText");
    assertThat(running.get("clientFullName")).isEqualTo("Кузнецова Мария Петровна");
    // the history keeps the facts of the case and no copy of the client's details or of the display texts
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
        .extracting(HistoricVariableInstance::getName)
        .contains("appealNumber", "jurisdiction", "subject", "receivedAt", "responsibleGroup", "answerDueAt")
        .doesNotContainAnyElementsOf(AppealVariables.DISPLAY_COPIES);
    // a later write of a copy (the registration writes them again) does not look for a missing history row
    runtime.setVariable(pi.getId(), "clientFullName", "Кузнецова М. П.");
    runtime.removeVariable(pi.getId(), "subjectText");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("clientFullName").count()).isZero();
  }

  /** A deadline step's parameters are the breach record's business; any other local variable keeps its history. */
  @Test
  void theDeadlineStepsParametersLeaveNoVariableHistory() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("lean-history-deadline-probe").camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("Probe_Breach").camundaExpression("${true}")
        .camundaInputParameter("slaClock", "ANSWER").camundaInputParameter("slaDueAt", "${now()}")
        .camundaInputParameter("slaStep", "Probe_Step").camundaInputParameter("slaGroup", "legal")
        .camundaInputParameter("probeNote", "kept")
        .userTask("Probe_Escalation")
        .camundaInputParameter("breachClock", "ANSWER").camundaInputParameter("breachHeldBy", "«Шаг» (legal)")
        .endEvent()
        .done();
    Deployment deployment = repository.createDeployment().addModelInstance("lean-history-deadline-probe.bpmn", model)
        .deploy();
    try {
      ProcessInstance pi = runtime.startProcessInstanceByKey("lean-history-deadline-probe", Map.of("answer", "first"));
      var escalation = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
      assertThat(tasks.getVariables(escalation.getId())).as("the escalation task still gets its parameters")
          .containsEntry("breachClock", "ANSWER").containsEntry("breachHeldBy", "«Шаг» (legal)");
      tasks.complete(escalation.getId());

      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
          .extracting(HistoricVariableInstance::getName)
          .containsExactlyInAnyOrder("answer", "probeNote");
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void variableHistoryWithoutDetailRowsAndAJobLogOfExecutionsOnly() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("lean-history-probe").camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("Probe_Async").camundaAsyncBefore().camundaExpression("${true}")
        .userTask("Probe_Task").boundaryEvent("Probe_Timer").cancelActivity(false).timerWithDuration("PT1H").endEvent()
        .moveToActivity("Probe_Task").endEvent()
        .done();
    Deployment deployment = repository.createDeployment().addModelInstance("lean-history-probe.bpmn", model).deploy();
    try {
      ProcessInstance pi = runtime.startProcessInstanceByKey("lean-history-probe", Map.of("answer", "first"));
      runtime.setVariable(pi.getId(), "answer", "second");
      Job async = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
      management.executeJob(async.getId());
      String task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
      tasks.complete(task, Map.of("decision", "done")); // deletes the boundary timer that never fired

      // the variables' own history stays, with the last value; the per-write detail rows are gone
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("answer")
          .singleResult().getValue()).isEqualTo("second");
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("decision")
          .count()).isEqualTo(1);
      assertThat(history.createHistoricDetailQuery().processInstanceId(pi.getId()).count()).isZero();
      // tasks, activities and the instance are history as before ("create" events of other entities are kept)
      assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).finished().count())
          .isEqualTo(1);
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).activityId("Probe_Task")
          .count()).isEqualTo(1);
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).finished().count())
          .isEqualTo(1);
      // cleanup by end time: no removal time stamped on the case's history rows when it ends
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
          .getRemovalTime()).isNull();
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("answer")
          .singleResult().getRemovalTime()).isNull();
      // the job log keeps what ran, not the jobs that were created and deleted again
      assertThat(history.createHistoricJobLogQuery().processInstanceId(pi.getId()).list())
          .extracting(HistoricJobLog::getJobId, HistoricJobLog::isSuccessLog)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(async.getId(), true));
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }
}
