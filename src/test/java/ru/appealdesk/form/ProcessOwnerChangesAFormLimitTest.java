package ru.appealdesk.form;

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
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.identity.AppGroup;
import ru.appealdesk.identity.DemoUsers;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/**
 * Issue 15, first "Done when": a process owner tightens the answer form in Modeler (the answer text needs 60
 * characters; same form id, binding {@code deployment}) and deploys it with the diagram through
 * {@code /engine-rest/deployment/create}, as Modeler does. On a case of the new version, completing
 * {@code Task_PrepareAnswer} with 34 characters is refused with the form's own message (the label from the form), and
 * 91 characters are accepted. No Java knows the 60.
 */
class ProcessOwnerChangesAFormLimitTest extends AbstractIntegrationTest {

  private static final Path DIAGRAM = Path.of("bpmn/appeal-handling.bpmn");
  private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"$]+)\"");

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ObjectMapper json;

  private String deploymentId;

  @AfterEach
  void removeDeployment() {
    if (deploymentId != null) {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void theAnswerTextNeedsWhatTheDeployedFormSays() throws Exception {
    String form = Files.readString(Path.of("forms/form-prepare-answer.form"));
    JsonNode schema = json.readTree(form);
    String changed = form.replaceFirst("(\"key\"\\s*:\\s*\"answerText\"[^}]*\"minLength\"\\s*:\\s*)\\d+", "$160");
    assertThat(json.readTree(changed).get("id").asText()).isEqualTo(schema.get("id").asText());
    assertThat(changed).as("the process owner's change").isNotEqualTo(form).contains("\"minLength\": 60");
    String label = label(json.readTree(changed), "answerText");
    String diagram = Files.readString(DIAGRAM).replaceFirst("camunda:versionTag=\"[^\"]*\"",
        "camunda:versionTag=\"forms-" + UUID.randomUUID().toString().substring(0, 8) + "\"");
    assertThat(diagram).contains("camunda:formRef=\"form-prepare-answer\" camunda:formRefBinding=\"deployment\"");

    HttpResponse<String> deployed = deploy(diagram, Map.of("form-prepare-answer.form", changed));
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    deploymentId = json.readTree(deployed.body()).get("id").asText();
    ProcessDefinition version = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("appeal-handling").latestVersion().singleResult();
    assertThat(version.getDeploymentId()).isEqualTo(deploymentId);

    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(submitComplaint())
        .singleResult();
    assertThat(pi.getProcessDefinitionId()).isEqualTo(version.getId());
    concludeCoExecutors(pi);
    Task answer = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_PrepareAnswer")
        .singleResult();
    Http responsible = Http.as(baseUrl(), DemoUsers.of(AppGroup.LEGAL).id(), DemoUsers.PASSWORD);

    String text34 = "Ваше обращение рассмотрено, ждите.";
    assertThat(text34).hasSize(34);
    HttpResponse<String> refused = responsible.postJson("/engine-rest/task/" + answer.getId() + "/submit-form",
        submission(text34));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(json.readTree(refused.body()).get("message").asText())
        .isEqualTo(label + ": не короче 60 символов (введено 34)");
    assertThat(taskService.createTaskQuery().taskId(answer.getId()).count()).as("still open").isOne();

    String text91 = "Уважаемый клиент, ваше обращение рассмотрено: пени пересчитаны по условиям вашего договора.";
    assertThat(text91).hasSize(91);
    HttpResponse<String> accepted = responsible.postJson("/engine-rest/task/" + answer.getId() + "/submit-form",
        submission(text91));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(answer.getId()).count()).isZero();
    assertThat(runtimeService.getVariable(pi.getId(), "answerText")).isEqualTo(text91);
  }

  private static String label(JsonNode form, String key) {
    for (JsonNode c : form.get("components")) {
      if (key.equals(c.path("key").asText())) {
        return c.get("label").asText();
      }
    }
    throw new AssertionError("no field " + key);
  }

  private static String submission(String text) {
    return """
        {"variables": {"answerOutcome": {"value": "EXPLAINED"}, "answerText": {"value": "%s"}}}""".formatted(text);
  }

  /** Co-executors of the case give their conclusions first (the answer waits for them), through their own form. */
  private void concludeCoExecutors(ProcessInstance pi) {
    for (Task t : taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_PrepareConclusion").list()) {
      String group = taskService.getIdentityLinksForTask(t.getId()).stream()
          .filter(l -> l.getGroupId() != null).findFirst().orElseThrow().getGroupId();
      HttpResponse<String> r = Http.as(baseUrl(), DemoUsers.of(AppGroup.byId(group).orElseThrow()).id(),
          DemoUsers.PASSWORD).postJson("/engine-rest/task/" + t.getId() + "/submit-form", """
              {"variables": {"conclusionText": {"value": "Пени начислены по условиям договора."}}}""");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    }
  }

  /** Modeler 5's deploy: the diagram and the forms attached in the dialog, as the process owner. */
  private HttpResponse<String> deploy(String diagram, Map<String, String> changedForms) throws Exception {
    Http http = Http.as(baseUrl(), DemoUsers.of(AppGroup.PROCESS_OWNERS).id(), DemoUsers.PASSWORD);
    String boundary = "----CamundaModeler" + UUID.randomUUID();
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("appeal-handling.bpmn", diagram.getBytes(StandardCharsets.UTF_8));
    Matcher m = FORM_REF.matcher(diagram);
    while (m.find()) {
      String name = m.group(1) + ".form";
      files.putIfAbsent(name, changedForms.containsKey(name) ? changedForms.get(name).getBytes(StandardCharsets.UTF_8)
          : Files.readAllBytes(Path.of("forms", name)));
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Map<String, String> fields = Map.of("deployment-name", "appeal-handling", "deployment-source", "Camunda Modeler",
        "deploy-changed-only", "true");
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
    return http.send(http.request("/engine-rest/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private String submitComplaint() throws Exception {
    OffsetDateTime received = OffsetDateTime.now(ZoneId.of("Europe/Moscow")).truncatedTo(ChronoUnit.SECONDS);
    String body = """
        {"jurisdiction":"RU","type":"COMPLAINT","subject":"LOAN_TERMS","channel":"EMAIL",
         "receivedAt":"%s","language":"ru",
         "client":{"fullName":"Формова Ольга Петровна","phone":"+7 900 555-06-07","email":"forms@example.ru",
                   "postalAddress":"г. Тула, ул. Ленина, д. 7","postalCode":"300000","idDocument":"45 10 %06d"},
         "content":"Начислены пени сверх условий договора.","demand":"Пересчитать задолженность",
         "situationPlace":"офис на ул. Ленина","situationAt":"%s","contractNumber":"ДЗ-2026-FRM"}
        """.formatted(received, (int) (Math.random() * 999_999), received.minusDays(1));
    HttpResponse<String> r = Http.as(baseUrl(), DemoUsers.of(AppGroup.INTERNET_MARKETER).id(), DemoUsers.PASSWORD)
        .postJson("/api/appeals", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json.readTree(r.body()).get("number").asText();
  }
}
