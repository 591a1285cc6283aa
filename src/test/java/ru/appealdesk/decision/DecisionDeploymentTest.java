package ru.appealdesk.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.identity.AppGroup;
import ru.appealdesk.identity.DemoUsers;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/**
 * The decisions through the REST API, as integrators and Camunda Modeler use it: evaluation, redeployment of a changed
 * table without a restart (new appeals take it, running ones keep their routing) and the legal ceiling at deployment.
 * Every deployment made here is deleted again (cascade) so the shared database keeps the shipped tables as latest.
 */
class DecisionDeploymentTest extends AbstractIntegrationTest {

  static final String ROUTING = "appeal-routing";
  static final Map<String, Object> LOAN_TERMS_COMPLAINT =
      Map.of("jurisdiction", "RU", "appealType", "COMPLAINT", "subject", "LOAN_TERMS");

  final ObjectMapper json = new ObjectMapper();

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  DecisionService decisionService;
  @Autowired
  HistoryService historyService;
  @Autowired
  ManagementService managementService;

  Http processOwner() {
    return Http.as(baseUrl(), "processowner", DemoUsers.PASSWORD);
  }

  @Test
  void restEvaluationOfTheIssueExample() throws Exception {
    HttpResponse<String> response = Http.as(baseUrl(), "demo", "demo").postJson(
        "/engine-rest/decision-definition/key/appeal-routing/evaluate", """
            {"variables": {
              "jurisdiction": {"value": "RU", "type": "String"},
              "appealType": {"value": "COMPLAINT", "type": "String"},
              "subject": {"value": "LOAN_TERMS", "type": "String"}}}""");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode results = json.readTree(response.body());
    assertThat(results).hasSize(1);
    JsonNode row = results.get(0);
    assertThat(row.path("responsibleGroup").path("value").asText()).isEqualTo("legal");
    assertThat(row.path("coExecutorGroup").path("value").asText()).isEqualTo("branch-head");
    assertThat(row.path("deadlineDays").path("type").asText()).isEqualTo("Integer");
    assertThat(row.path("deadlineDays").path("value").asInt()).isEqualTo(10);
    assertThat(row.path("deadlineKind").path("value").asText()).isEqualTo("WORKING_DAYS");
  }

  @Test
  void aRedeployedTableRoutesNewAppealsWhileRunningAppealsKeepTheirRouting() throws Exception {
    DecisionDefinition shipped = latestRouting();
    String probeDeployment = repositoryService.createDeployment().name("dmn-test-routing-probe")
        .addClasspathResource("dmn-test/routing-probe.bpmn").deploy().getId();
    String modelerDeployment = null;
    try {
      ProcessInstance before = route("DMN-BEFORE-", LOAN_TERMS_COMPLAINT);
      assertThat(before).isWaitingAt("Task_PrepareAnswer");
      assertThat(task(before)).hasCandidateGroup("legal");

      // the process owner moves loan-term complaints to the general director with 12 days, and deploys from Modeler
      var changed = DmnModels.withCell(ROUTING, "Out_Complaint_LoanTerms_ResponsibleGroup", "\"general-director\"");
      changed.<org.camunda.bpm.model.dmn.instance.OutputEntry>getModelElementById("Out_Complaint_LoanTerms_DeadlineDays")
          .getText().setTextContent("12");
      HttpResponse<String> deployed = DmnModels.deployAsModeler(processOwner(), "dmn-test-" + UUID.randomUUID(),
          "appeal-routing.dmn", DmnModels.bytes(changed));
      assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
      modelerDeployment = json.readTree(deployed.body()).path("id").asText();

      DecisionDefinition redeployed = latestRouting();
      assertThat(redeployed.getVersion()).isEqualTo(shipped.getVersion() + 1);
      assertThat(redeployed.getDeploymentId()).isEqualTo(modelerDeployment);
      var evaluation = decisionService.evaluateDecisionByKey(ROUTING).variables(LOAN_TERMS_COMPLAINT).evaluate()
          .getSingleResult();
      assertThat(evaluation.<String>getEntry("responsibleGroup")).isEqualTo("general-director");
      assertThat(evaluation.<Integer>getEntry("deadlineDays")).isEqualTo(12);

      ProcessInstance after = route("DMN-AFTER-", LOAN_TERMS_COMPLAINT);
      assertThat(task(after)).hasCandidateGroup("general-director");
      assertThat(routingOf(after)).containsEntry("responsibleGroup", "general-director").containsEntry("deadlineDays", 12);

      // the appeal started before keeps what it was routed with
      assertThat(task(before)).hasCandidateGroup("legal");
      assertThat(routingOf(before)).containsEntry("responsibleGroup", "legal").containsEntry("deadlineDays", 10);
      assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(before.getId())
          .singleResult().getDecisionDefinitionId()).isEqualTo(shipped.getId());
      assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(after.getId())
          .singleResult().getDecisionDefinitionId()).isEqualTo(redeployed.getId());
    } finally {
      if (modelerDeployment != null) {
        repositoryService.deleteDeployment(modelerDeployment, true);
      }
      repositoryService.deleteDeployment(probeDeployment, true);
    }
    assertThat(latestRouting().getId()).as("shipped table is the latest again").isEqualTo(shipped.getId());
  }

  @Test
  void anAppealNoRowMatchesBecomesAnIncidentNamingTheTable() {
    String probeDeployment = repositoryService.createDeployment().name("dmn-test-routing-probe")
        .addClasspathResource("dmn-test/routing-probe.bpmn").deploy().getId();
    try {
      ProcessInstance pi = runtimeService.startProcessInstanceByKey("dmn-routing-probe",
          "DMN-NOMATCH-" + UUID.randomUUID(), Map.of("jurisdiction", "BY", "appealType", "COMPLAINT"));
      assertThat(pi).isWaitingAt("Task_RouteAppeal");
      managementService.setJobRetries(job(pi).getId(), 1);
      assertThatThrownBy(() -> managementService.executeJob(job(pi).getId()))
          .hasStackTraceContaining("NoMatchingRuleException");

      Incident incident = runtimeService.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
      assertThat(incident).isNotNull();
      assertThat(incident.getActivityId()).isEqualTo("Task_RouteAppeal");
      assertThat(incident.getIncidentMessage()).contains("appeal-routing").contains("BY");
      assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKey("responsibleGroup");
    } finally {
      repositoryService.deleteDeployment(probeDeployment, true);
    }
  }

  @Test
  void aTableAboveTheLegalCeilingIsRefusedAtDeploymentAndNothingIsDeployed() {
    DecisionDefinition shipped = latestRouting();
    String name = "dmn-test-" + UUID.randomUUID();
    HttpResponse<String> response = DmnModels.deployAsModeler(processOwner(), name, "appeal-routing.dmn",
        DmnModels.bytes(DmnModels.withCell(ROUTING, "Out_Complaint_LoanTerms_DeadlineDays", "20")));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("срок 20 дней превышает законный предел 15 дней")
        .contains("Rule_Complaint_LoanTerms");
    assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
    assertThat(latestRouting().getId()).isEqualTo(shipped.getId());
  }

  @Test
  void fifteenDaysIsAcceptedAtDeployment() {
    String name = "dmn-test-" + UUID.randomUUID();
    HttpResponse<String> response = DmnModels.deployAsModeler(processOwner(), name, "appeal-routing.dmn",
        DmnModels.bytes(DmnModels.withCell(ROUTING, "Out_Complaint_LoanTerms_DeadlineDays", "15")));
    String deploymentId = repositoryService.createDeploymentQuery().deploymentName(name).list().stream()
        .map(d -> d.getId()).findFirst().orElse(null);
    try {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(deploymentId).isNotNull();
      assertThat(decisionService.evaluateDecisionByKey(ROUTING).variables(LOAN_TERMS_COMPLAINT).evaluate()
          .getSingleResult().<Integer>getEntry("deadlineDays")).isEqualTo(15);
    } finally {
      if (deploymentId != null) {
        repositoryService.deleteDeployment(deploymentId, true);
      }
    }
  }

  @Test
  void onlyProcessOwnersMayDeployTables() {
    String name = "dmn-test-" + UUID.randomUUID();
    HttpResponse<String> response = DmnModels.deployAsModeler(
        Http.as(baseUrl(), DemoUsers.of(AppGroup.LEGAL).id(), DemoUsers.PASSWORD), name, "appeal-routing.dmn",
        DmnModels.bytes(DmnModels.withCell(ROUTING, "Out_Complaint_LoanTerms_DeadlineDays", "11")));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
  }

  /** Starts the probe and runs its asynchronous routing step, as the job executor would. */
  private ProcessInstance route(String keyPrefix, Map<String, Object> variables) {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("dmn-routing-probe", keyPrefix + UUID.randomUUID(),
        variables);
    assertThat(pi).isWaitingAt("Task_RouteAppeal");
    execute(job(pi));
    return pi;
  }

  /** The routing the appeal stored when it was routed (process variables, as CONTRACTS.md names them). */
  private Map<String, Object> routingOf(ProcessInstance pi) {
    return runtimeService.getVariables(pi.getId());
  }

  private DecisionDefinition latestRouting() {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(ROUTING).latestVersion()
        .singleResult();
  }
}
