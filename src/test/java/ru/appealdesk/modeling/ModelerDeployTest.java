package ru.appealdesk.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.identity.AppGroup;
import ru.appealdesk.identity.DemoUsers;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/**
 * Camunda Modeler's "Deploy" (Camunda 7): a multipart {@code POST /engine-rest/deployment/create} with basic auth, the
 * diagram and the forms attached in the deploy dialog. A process owner's changed {@code bpmn/appeal-handling.bpmn}
 * becomes the version new appeals run on; an employee outside {@code process-owners} is refused.
 */
class ModelerDeployTest extends AbstractIntegrationTest {

  private static final Path DIAGRAM = Path.of("bpmn/appeal-handling.bpmn");
  private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"$]+)\"");

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  org.camunda.bpm.engine.ManagementService managementService;
  @Autowired
  ObjectMapper json;
  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  private String deploymentId;

  @AfterEach
  void removeDeployment() {
    if (deploymentId != null) {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void processOwnerDeploysAChangedDiagramAndNewAppealsRunOnIt() throws Exception {
    ProcessDefinition before = latest();
    String tag = "modeler-" + UUID.randomUUID().toString().substring(0, 8);
    String changed = Files.readString(DIAGRAM)
        .replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"" + tag + "\"")
        .replace("name=\"Подготовить ответ\"", "name=\"Подготовить ответ клиенту\"");

    HttpResponse<String> r = deploy(DemoUsers.of(AppGroup.PROCESS_OWNERS).id(), changed);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode deployment = json.readTree(r.body());
    deploymentId = deployment.get("id").asText();
    assertThat(deployment.get("source").asText()).isEqualTo("Camunda Modeler");
    ProcessDefinition after = latest();
    assertThat(after.getDeploymentId()).isEqualTo(deploymentId);
    assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
    assertThat(after.getVersionTag()).isEqualTo(tag);
    assertThat(repositoryService.getDeploymentResourceNames(deploymentId))
        .contains("appeal-handling.bpmn", "form-prepare-answer.form");

    String number = submitComplaint();
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .singleResult();
    assertThat(pi.getProcessDefinitionId()).isEqualTo(after.getId());
    concludeCoExecutors(pi);
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_PrepareAnswer")
        .singleResult().getName()).isEqualTo("Подготовить ответ клиенту");
    // formRefBinding="deployment": Tasklist loads the form from the diagram's own deployment
    String taskId = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_PrepareAnswer")
        .singleResult().getId();
    HttpResponse<String> form = Http.as(baseUrl(), DemoUsers.of(AppGroup.LEGAL).id(), DemoUsers.PASSWORD)
        .get("/engine-rest/task/" + taskId + "/deployed-form");
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    assertThat(json.readTree(form.body()).get("id").asText()).isEqualTo("form-prepare-answer");
  }

  /**
   * Issue 17 without a list in Java: a table a process owner puts into the diagram in Modeler is among the rules the
   * appeal records (with the version that evaluated), and a table the case's path did not ask is not.
   */
  @Test
  void aTableTheProcessOwnerAddsToTheDiagramIsAmongTheRulesThatDecidedTheAppeal() throws Exception {
    String original = Files.readString(DIAGRAM);
    String gatewayIncoming = "<bpmn:incoming>Flow_ToHasReason</bpmn:incoming>";
    String flow = "<bpmn:sequenceFlow id=\"Flow_ToHasReason\" sourceRef=\"Task_DecideApproval\" "
        + "targetRef=\"Gateway_HasReason\" />";
    assertThat(original).containsOnlyOnce(gatewayIncoming).containsOnlyOnce(flow);
    String changed = original
        .replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"modeler-table\"")
        .replace(gatewayIncoming, "<bpmn:incoming>Flow_ProbeToHasReason</bpmn:incoming>")
        .replace(flow, """
            <bpmn:sequenceFlow id="Flow_ToHasReason" sourceRef="Task_DecideApproval" targetRef="Task_ProbeTable" />
            <bpmn:businessRuleTask id="Task_ProbeTable" name="Определить группу эскалации" \
            camunda:decisionRef="escalation" camunda:decisionRefBinding="latest" \
            camunda:mapDecisionResult="singleEntry" camunda:resultVariable="probeEscalationGroup">
              <bpmn:incoming>Flow_ToHasReason</bpmn:incoming>
              <bpmn:outgoing>Flow_ProbeToHasReason</bpmn:outgoing>
            </bpmn:businessRuleTask>
            <bpmn:sequenceFlow id="Flow_ProbeToHasReason" sourceRef="Task_ProbeTable" targetRef="Gateway_HasReason" />
            """);

    HttpResponse<String> r = deploy(DemoUsers.of(AppGroup.PROCESS_OWNERS).id(), changed);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    deploymentId = json.readTree(r.body()).get("id").asText();

    String number = submitComplaint();
    String escalationId = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("escalation")
        .latestVersion().singleResult().getId();
    assertThat(jdbc.queryForList("select r.definition_key from appeal_rule r join appeal a on a.id = r.appeal_id"
        + " where a.number = ?", String.class, number)).containsExactlyInAnyOrder("appeal-handling", "registration",
            "appeal-routing", "answer-method", "answer-approval", "escalation");
    assertThat(jdbc.queryForObject("select r.definition_id from appeal_rule r join appeal a on a.id = r.appeal_id"
        + " where a.number = ? and r.definition_key = 'escalation'", String.class, number)).isEqualTo(escalationId);
  }

  /**
   * A process owner who makes «Записать маршрут в карточку» asynchronous in Modeler: the tables were evaluated in the
   * intake's transaction, the record is written by a job later; the rules still name them (from the engine's history).
   */
  @Test
  void anAsynchronousRoutingRecordStillNamesTheTablesEvaluatedBeforeIt() throws Exception {
    String original = Files.readString(DIAGRAM);
    String task = "<bpmn:serviceTask id=\"Task_RecordRouting\" ";
    assertThat(original).containsOnlyOnce(task);
    String changed = original
        .replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"modeler-async-routing\"")
        .replace(task, task + "camunda:asyncBefore=\"true\" ");

    HttpResponse<String> r = deploy(DemoUsers.of(AppGroup.PROCESS_OWNERS).id(), changed);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    deploymentId = json.readTree(r.body()).get("id").asText();

    String number = submitComplaint();
    String rules = "select r.definition_key from appeal_rule r join appeal a on a.id = r.appeal_id where a.number = ?";
    assertThat(jdbc.queryForList(rules, String.class, number)).as("nothing recorded before the job").isEmpty();
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .singleResult();
    org.camunda.bpm.engine.runtime.Job job = managementService.createJobQuery().processInstanceId(pi.getId())
        .activityId("Task_RecordRouting").singleResult();
    managementService.executeJob(job.getId());
    assertThat(jdbc.queryForList(rules, String.class, number)).containsExactlyInAnyOrder("appeal-handling",
        "registration", "appeal-routing", "answer-method", "answer-approval");
  }

  @Test
  void anEmployeeWithoutProcessOwnersMayNotDeploy() throws Exception {
    long deployments = repositoryService.createDeploymentQuery().count();

    HttpResponse<String> r = deploy(DemoUsers.of(AppGroup.LEGAL).id(), Files.readString(DIAGRAM));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    HttpResponse<String> anonymous = Http.anonymous(baseUrl()).send(multipart(Http.anonymous(baseUrl()),
        Files.readString(DIAGRAM)));
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  private ProcessDefinition latest() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey("appeal-handling").latestVersion()
        .singleResult();
  }

  private HttpResponse<String> deploy(String user, String diagram) throws Exception {
    Http http = Http.as(baseUrl(), user, DemoUsers.PASSWORD);
    return http.send(multipart(http, diagram));
  }

  /** The request Modeler 5 sends: name, source, changed-only flag, the diagram and the attached forms. */
  private HttpRequest.Builder multipart(Http http, String diagram) throws Exception {
    String boundary = "----CamundaModeler" + UUID.randomUUID();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("deployment-name", "appeal-handling");
    fields.put("deployment-source", "Camunda Modeler");
    fields.put("deploy-changed-only", "true");
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("appeal-handling.bpmn", diagram.getBytes(StandardCharsets.UTF_8));
    Matcher m = FORM_REF.matcher(diagram);
    while (m.find()) {
      files.putIfAbsent(m.group(1) + ".form", Files.readAllBytes(Path.of("forms", m.group(1) + ".form")));
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (var f : fields.entrySet()) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
          + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    for (var f : files.entrySet()) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
          + "\"; filename=\"" + f.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(f.getValue());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.request("/engine-rest/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }

  private String submitComplaint() throws Exception {
    OffsetDateTime received = OffsetDateTime.now(ZoneId.of("Europe/Moscow")).truncatedTo(ChronoUnit.SECONDS);
    String body = """
        {"jurisdiction":"RU","type":"COMPLAINT","subject":"LOAN_TERMS","channel":"EMAIL",
         "receivedAt":"%s","language":"ru",
         "client":{"fullName":"Моделеров Олег Петрович","phone":"+7 900 555-03-04","email":"modeler@example.ru",
                   "postalAddress":"г. Тула, ул. Ленина, д. 5","postalCode":"300000","idDocument":"45 09 %06d"},
         "content":"Начислены пени сверх условий договора.","demand":"Пересчитать задолженность",
         "situationPlace":"офис на ул. Ленина","situationAt":"%s","contractNumber":"ДЗ-2026-MOD"}
        """.formatted(received, (int) (Math.random() * 999_999), received.minusDays(1));
    HttpResponse<String> r = Http.as(baseUrl(), DemoUsers.of(AppGroup.INTERNET_MARKETER).id(), DemoUsers.PASSWORD)
        .postJson("/api/appeals", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json.readTree(r.body()).get("number").asText();
  }


  /** The co-executors' conclusions come first (the diagram's order). */
  private void concludeCoExecutors(ProcessInstance pi) {
    for (var t : taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_PrepareConclusion")
        .list()) {
      taskService.complete(t.getId(), java.util.Map.of("conclusionText", "Нарушений со стороны клиента нет."));
    }
  }
}
