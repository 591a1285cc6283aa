package ru.appealdesk.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.appeal.AppealType;
import ru.appealdesk.appeal.AppealVocabulary;
import ru.appealdesk.identity.AppGroup;
import ru.appealdesk.identity.DemoUsers;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/**
 * Issue 15, "Done when": a process owner adds a complaint subject row to {@code appeal-routing} in Modeler and deploys
 * it (Modeler's {@code POST /engine-rest/deployment/create}); the intake accepts the new subject and the appeal is
 * routed by the new row — with no Java change. Also: the vocabulary the intake checks is the deployed table's, and the
 * Tasklist intake form offers exactly the shipped table's subjects with their Russian names.
 */
class ProcessOwnerAddsASubjectTest extends AbstractIntegrationTest {

  static final String SUBJECT = "INSURANCE_IMPOSED";

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  AppealVocabulary vocabulary;

  final ObjectMapper json = new ObjectMapper();
  private String deploymentId;

  @AfterEach
  void removeDeployment() {
    if (deploymentId != null) {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void aNewComplaintSubjectRowIsAcceptedAndRoutedByTheIntakeWithoutAJavaChange() throws Exception {
    HttpResponse<String> refused = submitComplaint(SUBJECT);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("subject").contains("недопустимое значение");

    var changed = DmnModels.withRuleBefore("appeal-routing", "Rule_Complaint_Other", "Rule_Complaint_InsuranceImposed",
        "Жалоба на навязанную страховку при выдаче займа (добавлено владельцем процесса)",
        List.of("\"RU\"", "\"COMPLAINT\"", "\"" + SUBJECT + "\""),
        List.of("\"legal\"", "null", "4", "\"WORKING_DAYS\"", "\"branch-head\"", "\"Навязанная страховка\"",
            "\"Таңылған сақтандыру\"", "\"Решение владельца процесса; 442-ФЗ ст. 6\""));
    HttpResponse<String> deployed = DmnModels.deployAsModeler(Http.as(baseUrl(),
        DemoUsers.of(AppGroup.PROCESS_OWNERS).id(), DemoUsers.PASSWORD), "appeal-routing", "appeal-routing.dmn",
        DmnModels.bytes(changed));
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    deploymentId = json.readTree(deployed.body()).path("id").asText();

    assertThat(vocabulary.subjects("RU", "COMPLAINT")).extracting(AppealVocabulary.Term::code).contains(SUBJECT);
    assertThat(vocabulary.subject(SUBJECT)).get().extracting(AppealVocabulary.Term::ru)
        .isEqualTo("Навязанная страховка");

    HttpResponse<String> accepted = submitComplaint(SUBJECT);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    String number = json.readTree(accepted.body()).get("number").asText();
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .singleResult();
    assertThat(runtimeService.getVariable(pi.getId(), "responsibleGroup")).isEqualTo("legal");
    assertThat(runtimeService.getVariable(pi.getId(), "deadlineDays")).isEqualTo(4);
    assertThat(runtimeService.getVariable(pi.getId(), "approvalGroup")).isEqualTo("branch-head");
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_PrepareAnswer")
        .taskCandidateGroup("legal").count()).isEqualTo(1);
    runtimeService.deleteProcessInstance(pi.getId(), "test done");
  }

  @Test
  void theTasklistIntakeFormOffersTheDeployedSubjectsWithTheirRussianNames() throws Exception {
    JsonNode form = json.readTree(Files.readString(Path.of("forms/form-appeal-intake.form")));
    for (AppealType type : AppealType.values()) {
      Map<String, String> expected = new LinkedHashMap<>();
      vocabulary.subjects("RU", type.name()).forEach(t -> expected.put(t.code(), t.ru()));
      String key = "subject" + type.name().charAt(0) + type.name().substring(1).toLowerCase();
      JsonNode field = field(form.path("components"), key);
      if (expected.isEmpty()) {
        assertThat(field).as(type + " has no subjects and no subject select").isNull();
        continue;
      }
      assertThat(field).as("select " + key).isNotNull();
      assertThat(field.path("type").asText()).isEqualTo("select");
      Map<String, String> offered = new LinkedHashMap<>();
      field.path("values").forEach(v -> offered.put(v.path("value").asText(), v.path("label").asText()));
      assertThat(offered).as(key + ": codes and Russian names of the deployed appeal-routing")
          .containsExactlyInAnyOrderEntriesOf(expected);
    }
  }

  @Test
  void aRussianAppealCannotArriveThroughAKazakhOnlyChannel() throws Exception {
    HttpResponse<String> r = submit("RU", "WHATSAPP", "LOAN_TERMS");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("channel").contains("WhatsApp");
    HttpResponse<String> kz = submit("KZ", "WHATSAPP", "LOAN_TERMS");
    assertThat(kz.statusCode()).as(kz.body()).isEqualTo(201);
  }

  private static JsonNode field(JsonNode components, String key) {
    List<JsonNode> all = new ArrayList<>();
    components.forEach(all::add);
    for (JsonNode c : all) {
      if (key.equals(c.path("key").asText())) {
        return c;
      }
      JsonNode nested = c.has("components") ? field(c.path("components"), key) : null;
      if (nested != null) {
        return nested;
      }
    }
    return null;
  }

  private HttpResponse<String> submitComplaint(String subject) {
    return submit("RU", "EMAIL", subject);
  }

  private HttpResponse<String> submit(String jurisdiction, String channel, String subject) {
    ZoneId zone = ZoneId.of("RU".equals(jurisdiction) ? "Europe/Moscow" : "Asia/Almaty");
    OffsetDateTime received = OffsetDateTime.now(zone).truncatedTo(ChronoUnit.SECONDS);
    String body = """
        {"jurisdiction":"%s","type":"COMPLAINT","subject":"%s","channel":"%s",
         "receivedAt":"%s","language":"ru",
         "client":{"fullName":"Тематиков Олег Петрович","phone":"+7 900 555-07-08","email":"subject@example.ru",
                   "postalAddress":"г. Тула, ул. Ленина, д. 7","postalCode":"300000","idDocument":"45 10 %06d"},
         "content":"При выдаче займа мне оформили страховку, о которой я не просил.",
         "demand":"Вернуть стоимость страховки","situationPlace":"офис на ул. Ленина","situationAt":"%s",
         "contractNumber":"ДЗ-2026-%s"}
        """.formatted(jurisdiction, subject, channel, received, (int) (Math.random() * 999_999),
        received.minusDays(1), UUID.randomUUID().toString().substring(0, 6));
    return Http.as(baseUrl(), DemoUsers.of(AppGroup.INTERNET_MARKETER).id(), DemoUsers.PASSWORD)
        .postJson("/api/appeals", body);
  }
}
