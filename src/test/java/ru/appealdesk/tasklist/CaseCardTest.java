package ru.appealdesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.casefile.CaseFile;
import ru.appealdesk.identity.AppGroup;
import ru.appealdesk.identity.DemoUsers;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/**
 * The «Дело» tab's REST resource over real HTTP with the Tasklist session (login form, session cookie, CSRF header),
 * as the plugin script calls it: the card of a task's case, its documents, an upload, and the one visibility rule.
 */
class CaseCardTest extends AbstractIntegrationTest {

  @Autowired
  TaskService taskService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  CaseFile caseFile;
  @Autowired
  ObjectMapper json;

  private String number;
  private String answerTask;
  private String conclusionTask;

  /** The co-executor's conclusion comes first (the diagram's order); then the case is in the legal queue. */
  private String answerTask() {
    if (answerTask == null) {
      taskService.complete(conclusionTask, java.util.Map.of("conclusionText", "Пени начислены по договору."));
      answerTask = taskService.createTaskQuery().processInstanceBusinessKey(number)
          .taskDefinitionKey("Task_PrepareAnswer").singleResult().getId();
    }
    return answerTask;
  }

  @BeforeEach
  void aComplaintInTheLegalQueue() throws Exception {
    OffsetDateTime received = OffsetDateTime.now(ZoneId.of("Europe/Moscow")).truncatedTo(ChronoUnit.SECONDS);
    HttpResponse<String> r = Http.as(baseUrl(), DemoUsers.of(AppGroup.INTERNET_MARKETER).id(), DemoUsers.PASSWORD)
        .postJson("/api/appeals", """
            {"jurisdiction":"RU","type":"COMPLAINT","subject":"LOAN_TERMS","channel":"EMAIL","language":"ru",
             "receivedAt":"%s",
             "client":{"fullName":"Карточкина Анна Петровна","phone":"+7 900 555-11-22","email":"card@example.ru",
                       "postalAddress":"г. Тверь, ул. Советская, д. 7","postalCode":"170100","idDocument":"28 10 123456"},
             "content":"Начислены пени после досрочного погашения.","demand":"Снять пени",
             "situationPlace":"офис","situationAt":"%s","contractNumber":"ДЗ-CARD-1"}
            """.formatted(received, received.minusDays(1)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    number = json.readTree(r.body()).get("number").asText();
    conclusionTask = taskService.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey("Task_PrepareConclusion").singleResult().getId();
    caseFile.store(number, ru.appealdesk.casefile.DocumentKind.ATTACHMENT, "скан претензии.pdf", "application/pdf",
        "%PDF-1.4 претензия".getBytes(StandardCharsets.UTF_8), "officer");
  }

  @AfterEach
  void endTheCase() {
    runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).list()
        .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test finished"));
  }

  @Test
  void theLawyerSeesTheCaseOfTheirTaskInWordsWithItsDocuments() throws Exception {
    TasklistSession lawyer = TasklistSession.login(baseUrl(), "lawyer", DemoUsers.PASSWORD);

    TasklistSession.Reply r = lawyer.get(TasklistSession.PLUGIN + "/task/" + answerTask());

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode card = json.readTree(r.body());
    assertThat(card.get("number").asText()).isEqualTo(number);
    assertThat(card.get("appeal").asBoolean()).isTrue();
    assertThat(card.get("type").asText()).isEqualTo("Жалоба");
    assertThat(card.get("subject").asText()).isEqualTo("Условия договора займа (срок, проценты, пени)");
    assertThat(card.get("channel").asText()).isEqualTo("электронная почта");
    assertThat(card.get("responsibleGroup").asText()).isEqualTo("Юридический отдел");
    assertThat(card.get("client").get("fullName").asText()).isEqualTo("Карточкина Анна Петровна");
    assertThat(card.get("receivedAt").asText()).matches("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2} \\(МСК\\)");
    assertThat(card.get("deadlines").get(0).get("what").asText()).isEqualTo("Срок ответа клиенту");
    assertThat(card.get("deadlines").get(0).get("due").asText()).endsWith("23:59 (МСК)");
    assertThat(card.get("history")).extracting(h -> h.get("what").asText()).contains("Обращение получено");
    JsonNode doc = card.get("documents").get(0);
    assertThat(doc.get("fileName").asText()).isEqualTo("скан претензии.pdf");
    assertThat(doc.get("kind").asText()).isEqualTo("Документ клиента или сотрудника");
    assertThat(doc.get("uploadedBy").asText()).isEqualTo("Светлана Офисная");

    TasklistSession.Reply file = lawyer.get(TasklistSession.PLUGIN + "/case/" + number + "/documents/"
        + doc.get("id").asLong());
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.body()).isEqualTo("%PDF-1.4 претензия");
    assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
    assertThat(file.headers().firstValue("X-Content-SHA256")).contains(doc.get("sha256").asText());
  }

  @Test
  void anUploadFromTheCardIsFiledAsTheTasklistUserAndNeedsTheCsrfHeader() throws Exception {
    answerTask();
    TasklistSession lawyer = TasklistSession.login(baseUrl(), "lawyer", DemoUsers.PASSWORD);
    String path = TasklistSession.PLUGIN + "/case/" + number + "/documents?kind=ATTACHMENT";
    byte[] pdf = "%PDF-1.4 справка".getBytes(StandardCharsets.UTF_8);

    TasklistSession.Reply r = lawyer.upload(path, "справка о доходах.pdf", "application/pdf", pdf, true);

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(json.readTree(r.body()).get("uploadedBy").asText()).isEqualTo("Лариса Юрьева");
    assertThat(caseFile.list(number)).anySatisfy(d -> {
      assertThat(d.fileName()).isEqualTo("справка о доходах.pdf");
      assertThat(d.uploadedBy()).isEqualTo("lawyer");
    });
    TasklistSession.Reply refused = lawyer.upload(path, "программа.exe", "application/x-msdownload", pdf, true);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(json.readTree(refused.body()).get("detail").asText()).contains("по содержимому");
    // without the webapp's CSRF header the webapp refuses (and ends that session)
    assertThat(lawyer.upload(path, "ещё.pdf", "application/pdf", pdf, false).status()).isEqualTo(403);
    assertThat(caseFile.list(number)).noneSatisfy(d -> assertThat(d.fileName()).isEqualTo("ещё.pdf"));
  }

  @Test
  void nobodyElseSeesTheCaseAndNothingWorksWithoutTheTasklistSession() {
    long documentId = caseFile.list(number).get(0).id();
    TasklistSession marketer = TasklistSession.login(baseUrl(), "marketer", DemoUsers.PASSWORD);

    TasklistSession.Reply task = marketer.get(TasklistSession.PLUGIN + "/task/" + answerTask());
    TasklistSession.Reply file = marketer.get(TasklistSession.PLUGIN + "/case/" + number + "/documents/" + documentId);
    TasklistSession.Reply upload = marketer.upload(TasklistSession.PLUGIN + "/case/" + number + "/documents",
        "x.pdf", "application/pdf", new byte[] {1}, true);

    assertThat(task.status()).isEqualTo(404);
    assertThat(file.status()).isEqualTo(404);
    assertThat(upload.status()).isEqualTo(404);
    assertThat(file.body()).contains("не найдено").doesNotContain("Карточкина");
    assertThat(TasklistSession.anonymous(baseUrl()).get(TasklistSession.PLUGIN + "/task/" + answerTask()).status())
        .isEqualTo(401);
    // HTTP Basic (the API's login) is not the Tasklist session
    assertThat(Http.as(baseUrl(), "lawyer", DemoUsers.PASSWORD).get(TasklistSession.PLUGIN + "/task/" + answerTask())
        .statusCode()).isEqualTo(401);
  }

  @Test
  void theCardIsTheSameFromEveryTaskOfTheCase() throws Exception {
    Task conclusion = taskService.createTaskQuery().taskId(conclusionTask).singleResult();
    TasklistSession branchHead = TasklistSession.login(baseUrl(), "branchhead", DemoUsers.PASSWORD);

    TasklistSession.Reply r = branchHead.get(TasklistSession.PLUGIN + "/task/" + conclusion.getId());

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(json.readTree(r.body()).get("number").asText()).isEqualTo(number);
  }
}
