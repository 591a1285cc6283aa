package ru.appealdesk.letter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/** A letter started alone from its start form, the way Tasklist does it (REST as the employee). */
class OutgoingLetterTasklistTest extends AbstractIntegrationTest {

  @Autowired
  ObjectMapper json;
  @Autowired
  TaskService taskService;
  @Autowired
  OutgoingLetters letters;

  @Test
  void officeManagerStartsALetterFromTheStartFormAndTheDrafterGetsTheDeployedDraftForm() throws Exception {
    Http officeManager = Http.as(baseUrl(), "officemanager", "demo");
    HttpResponse<String> startForm =
        officeManager.get("/engine-rest/process-definition/key/outgoing-letter/deployed-start-form");
    assertThat(startForm.statusCode()).as(startForm.body()).isEqualTo(200);
    JsonNode form = json.readTree(startForm.body());
    assertThat(form.get("id").asText()).isEqualTo("form-outgoing-letter-start");
    assertThat(form.get("components").toString()).contains("letterKind", "signatoryGroup");

    String subject = "Уведомление об изменении реквизитов " + UUID.randomUUID();
    HttpResponse<String> started = officeManager.postJson(
        "/engine-rest/process-definition/key/outgoing-letter/submit-form", """
            {"variables": {
              "letterKind": {"value": "NOTICE"}, "letterSubject": {"value": "%s"},
              "letterBody": {"value": "Сообщаем о смене банковских реквизитов."}, "language": {"value": "ru"},
              "recipientName": {"value": "ООО «Партнёр»"}, "recipientAddress": {"value": "101000, Москва, ул. Мясницкая, 1"},
              "drafterGroup": {"value": "office-manager"}, "signatoryGroup": {"value": "general-director"}}}
            """.formatted(subject));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String processInstanceId = json.readTree(started.body()).get("id").asText();

    OutgoingLetter letter = letters.byProcessInstance(processInstanceId).orElseThrow();
    assertThat(letter.subject()).isEqualTo(subject);
    assertThat(letter.caseNumber()).startsWith("LTR-");

    Task draft = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    assertThat(draft.getTaskDefinitionKey()).isEqualTo("Task_DraftLetter");
    HttpResponse<String> draftForm = officeManager.get("/engine-rest/task/" + draft.getId() + "/deployed-form");
    assertThat(draftForm.statusCode()).as(draftForm.body()).isEqualTo(200);
    assertThat(json.readTree(draftForm.body()).get("id").asText()).isEqualTo("form-draft-letter");

    HttpResponse<String> documents = officeManager.get("/api/appeals/" + letter.caseNumber() + "/documents");
    assertThat(documents.statusCode()).isEqualTo(200);
  }

  @Test
  void anInvalidStartFormIsRefusedAndNothingIsStarted() throws Exception {
    Http officeManager = Http.as(baseUrl(), "officemanager", "demo");
    HttpResponse<String> refused = officeManager.postJson(
        "/engine-rest/process-definition/key/outgoing-letter/submit-form", """
            {"variables": {"letterKind": {"value": "NOTICE"}, "signatoryGroup": {"value": "office-staff"}}}
            """);
    assertThat(refused.statusCode()).isGreaterThanOrEqualTo(400);
    assertThat(refused.body()).contains("Кто подписывает: недопустимое значение").contains("Генеральный директор");
  }
}
