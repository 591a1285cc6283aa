package ru.appealdesk.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.identity.AppGroup;
import ru.appealdesk.identity.DemoUsers;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

class AppealApiTest extends AbstractIntegrationTest {

  static final String LOAN_TERMS_COMPLAINT = """
      {"jurisdiction":"RU","type":"COMPLAINT","subject":"LOAN_TERMS","channel":"EMAIL",
       "receivedAt":"2026-11-20T10:00:00+03:00","language":"ru",
       "client":{"fullName":"Иванов Иван Иванович","phone":"+7 900 123-45-67","email":"ivanov@example.ru",
                 "postalAddress":"г. Тула, ул. Ленина, д. 1, кв. 2","postalCode":"300000",
                 "idDocument":"%s"},
       "content":"Начислены пени сверх условий договора.","demand":"Пересчитать задолженность",
       "situationPlace":"офис на ул. Ленина","situationAt":"2026-11-18T12:00:00+03:00","contractNumber":"ДЗ-2026-777"}
      """;

  @Autowired
  TaskService taskService;
  @Autowired
  org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired
  ObjectMapper json;

  Http api() {
    return Http.as(baseUrl(), DemoUsers.of(AppGroup.INTERNET_MARKETER).id(), DemoUsers.PASSWORD);
  }

  /** The responsible unit of a loan-terms complaint (issue 14: only those who work on a case see it). */
  Http legal() {
    return Http.as(baseUrl(), DemoUsers.of(AppGroup.LEGAL).id(), DemoUsers.PASSWORD);
  }

  static String complaint() {
    return LOAN_TERMS_COMPLAINT.formatted("45 07 " + (100000 + (int) (Math.random() * 899999)));
  }

  @Test
  void loanTermsComplaintByEmailIsRoutedToLegalWithBranchHeadConclusion() throws Exception {
    HttpResponse<String> r = api().postJson("/api/appeals", complaint());

    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode body = json.readTree(r.body());
    String number = body.get("number").asText();
    assertThat(number).matches("RU-2026-\\d{6}");
    assertThat(body.get("responsibleGroup").asText()).isEqualTo("legal");
    assertThat(body.get("answerDueAt").asText()).isEqualTo("2026-12-04T23:59:59+03:00");
    assertThat(body.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(r.headers().firstValue("Location")).hasValue("/api/appeals/" + number);

    var tasks = taskService.createTaskQuery().processInstanceBusinessKey(number).list();
    // the co-executor's conclusion comes first; the answer task follows it (the diagram's order)
    assertThat(tasks).extracting(Task::getTaskDefinitionKey).containsExactly("Task_PrepareConclusion");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).taskCandidateGroup("branch-head")
        .taskDefinitionKey("Task_PrepareConclusion").count()).isEqualTo(1);

    JsonNode view = json.readTree(legal().get("/api/appeals/" + number).body());
    assertThat(view.get("answerDueAt").asText()).isEqualTo("2026-12-04T23:59:59+03:00");
    assertThat(view.get("coExecutorGroup").asText()).isEqualTo("branch-head");
    assertThat(view.get("history")).extracting(h -> h.get("status").asText())
        .containsExactly("RECEIVED", "REGISTERED", "IN_PROGRESS");
    assertThat(view.get("openTasks")).hasSize(1);
  }

  JsonNode errors(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
        ct -> assertThat(ct).startsWith("application/problem+json"));
    return json.readTree(r.body()).get("errors");
  }

  static java.util.List<String> fields(JsonNode errors) {
    java.util.List<String> f = new java.util.ArrayList<>();
    errors.forEach(e -> f.add(e.get("field").asText()));
    return f;
  }

  @Test
  void invalidBodiesAreRefusedNamingEachField() throws Exception {
    assertThat(fields(errors(api().postJson("/api/appeals", complaint().replace("\"type\":\"COMPLAINT\",", "")))))
        .containsExactly("type");
    JsonNode unknownChannel = errors(api().postJson("/api/appeals", complaint().replace("\"EMAIL\"", "\"PIGEON\"")));
    assertThat(fields(unknownChannel)).containsExactly("channel");
    assertThat(unknownChannel.get(0).get("message").asText()).contains("PIGEON").contains("OFFICE_WRITTEN");
    assertThat(fields(errors(api().postJson("/api/appeals",
        complaint().replace("2026-11-20T10:00:00+03:00", "20.11.2026 10:00"))))).containsExactly("receivedAt");
    String huge = "Я".repeat(1024 * 1024);
    assertThat(fields(errors(api().postJson("/api/appeals",
        complaint().replace("Иванов Иван Иванович", huge))))).containsExactly("client.fullName");
    assertThat(fields(errors(api().postJson("/api/appeals",
        complaint().replace("\"LOAN_TERMS\"", "\"DEBT_CERTIFICATE\"").replace("\"RU\"", "\"XX\"")))))
        .containsExactlyInAnyOrder("jurisdiction", "subject");
    assertThat(fields(errors(api().postJson("/api/appeals", "{not json")))).containsExactly("body");
    // missing fields and unknown codes are named together in one answer
    assertThat(fields(errors(api().postJson("/api/appeals",
        complaint().replace("\"type\":\"COMPLAINT\",", "").replace("\"EMAIL\"", "\"PIGEON\"")))))
        .containsExactlyInAnyOrder("type", "channel");
  }

  @Test
  void theSameIdempotencyKeyCreatesOneAppeal() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = complaint();
    HttpResponse<String> first = api().postJson("/api/appeals", body, "Idempotency-Key", key);
    HttpResponse<String> second = api().postJson("/api/appeals", body, "Idempotency-Key", key);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(second.statusCode()).isEqualTo(201);
    String number = json.readTree(first.body()).get("number").asText();
    assertThat(json.readTree(second.body()).get("number").asText()).isEqualTo(number);
    assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isEqualTo(1);
    String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .singleResult().getId();
    assertThat(json.readTree(first.body()).get("processInstanceId").asText()).isEqualTo(processInstanceId);
    assertThat(json.readTree(second.body()).get("processInstanceId").asText()).isEqualTo(processInstanceId);

    HttpResponse<String> other = api().postJson("/api/appeals", complaint(), "Idempotency-Key", key);
    assertThat(other.statusCode()).isEqualTo(409);
  }

  @Test
  void theClientFollowsTheStatusWithTheSecretTokenWithoutPersonalData() throws Exception {
    JsonNode created = json.readTree(api().postJson("/api/appeals", complaint()).body());
    String number = created.get("number").asText();
    String url = created.get("statusUrl").asText();
    assertThat(url).isEqualTo("/status/" + number + "?token=" + created.get("statusToken").asText());

    Http anonymous = Http.anonymous(baseUrl());
    HttpResponse<String> page = anonymous.send(anonymous.request(url).header("Accept", "application/json").GET());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    JsonNode status = json.readTree(page.body());
    assertThat(status.get("statusText").asText()).isEqualTo("Готовится ответ");
    assertThat(status.get("answerDueAt").asText()).isEqualTo("04.12.2026 23:59 (МСК)");
    assertThat(status.get("history")).hasSize(3);
    assertThat(page.body()).doesNotContain("Иванов").doesNotContain("ivanov").doesNotContain("legal");

    HttpResponse<String> html = anonymous.send(anonymous.request(url).header("Accept", "text/html").GET());
    assertThat(html.body()).contains("Обращение № " + number).contains("Статус: Готовится ответ");

    assertThat(anonymous.get("/status/" + number + "?token=wrong").statusCode()).isEqualTo(404);
    assertThat(anonymous.get("/status/" + number).statusCode()).isEqualTo(404);
  }

  @Test
  void lookupsAndInformationOfUnknownOrNotWaitingAppeals() throws Exception {
    assertThat(api().get("/api/appeals/RU-1999-000001").statusCode()).isEqualTo(404);
    String number = json.readTree(api().postJson("/api/appeals", complaint()).body()).get("number").asText();
    HttpResponse<String> r = legal().postJson("/api/appeals/" + number + "/information", "{\"note\":\"вот\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
    assertThat(fields(errors(legal().postJson("/api/appeals/" + number + "/information", "{}"))))
        .containsExactly("note");
    assertThat(Http.anonymous(baseUrl()).postJson("/api/appeals", complaint()).statusCode()).isEqualTo(401);
  }

  @Test
  void informationPostedThroughTheApiResumesTheAppeal() throws Exception {
    String body = complaint().replace("\"situationPlace\":\"офис на ул. Ленина\",", "");
    JsonNode created = json.readTree(api().postJson("/api/appeals", body).body());
    String number = created.get("number").asText();
    assertThat(created.get("status").asText()).isEqualTo("RECEIVED");
    Task register = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
    assertThat(register.getTaskDefinitionKey()).isEqualTo("Task_RegisterAppeal");
    taskService.complete(register.getId(), java.util.Map.of("originalMarked", true));
    Task request = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
    taskService.complete(request.getId(), java.util.Map.of("informationRequestText", "Где произошла ситуация?"));

    // the registrar (internet marketer) worked on the case, so may file what the client sent and pass it on
    Http registrar = api();
    String boundary = "----info" + UUID.randomUUID();
    HttpResponse<String> scan = registrar.send(registrar.request("/api/appeals/" + number + "/documents")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("--" + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"place.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\nВ офисе на ул. Ленина\r\n--" + boundary + "--\r\n")));
    assertThat(scan.statusCode()).as(scan.body()).isEqualTo(201);
    String documentId = json.readTree(scan.body()).get("id").asText();
    HttpResponse<String> foreign = registrar.postJson("/api/appeals/" + number + "/information",
        "{\"note\":\"В офисе\",\"attachments\":[\"999999999\"]}");
    assertThat(fields(errors(foreign))).containsExactly("attachments");

    HttpResponse<String> r = registrar.postJson("/api/appeals/" + number + "/information",
        "{\"note\":\"В офисе на ул. Ленина\",\"situationPlace\":\"офис на ул. Ленина\",\"attachments\":[\""
            + documentId + "\"]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode view = json.readTree(r.body());
    assertThat(view.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(view.get("situationPlace").asText()).isEqualTo("офис на ул. Ленина");
    assertThat(view.get("information").get(0).get("attachments").asText()).isEqualTo(documentId);
    assertThat(view.get("openTasks")).extracting(t -> t.get("taskDefinitionKey").asText())
        .contains("Task_PrepareConclusion");
  }
}
