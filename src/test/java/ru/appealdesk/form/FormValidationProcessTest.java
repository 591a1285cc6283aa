package ru.appealdesk.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.identity.AppGroup;
import ru.appealdesk.identity.DemoUsers;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/**
 * The validator in the engine, on a test process with no Java of its own: every user task with a Camunda Form gets
 * it (any binding), it runs before the model's own listeners, start-form submissions are validated, display fields
 * are not input, business listeners refuse through the same exception, and both REST APIs answer a refusal with HTTP
 * 400 and only the Russian sentence.
 */
class FormValidationProcessTest extends AbstractIntegrationTest {

  static final String PROCESS = "test-form-validation";

  static final String START_FORM = """
      {"id": "form-test-start", "type": "default", "schemaVersion": 16, "components": [
        {"key": "caseTitle", "type": "textfield", "label": "Название дела", "validate": {"required": true, "minLength": 3}},
        {"key": "stamp", "type": "textfield", "label": "Штамп", "readonly": true}
      ]}""";

  static final String CHECK_FORM = """
      {"id": "form-test-check", "type": "default", "schemaVersion": 16, "components": [
        {"key": "caseTitle", "type": "textfield", "label": "Название дела", "readonly": true},
        {"key": "answerText", "type": "textarea", "label": "Текст ответа клиенту",
         "validate": {"required": true, "minLength": 5}},
        {"key": "approved", "type": "radio", "label": "Решение", "validate": {"required": true},
         "values": [{"label": "Согласовать", "value": "true"}, {"label": "Вернуть", "value": "false"}]},
        {"key": "approvalComment", "type": "textarea", "label": "Замечания", "validate": {"required": true},
         "conditional": {"hide": "=approved != \\"false\\""}}
      ]}""";

  static String limitForm(int minLength) {
    return """
        {"id": "form-test-limit", "type": "default", "schemaVersion": 16, "components": [
          {"key": "note", "type": "textarea", "label": "Итог", "validate": {"required": true, "minLength": %d}}
        ]}""".formatted(minLength);
  }

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  FormService formService;
  @Autowired
  ObjectMapper json;

  private final List<String> deployments = new ArrayList<>();

  /** What the model's own complete listener saw (it must never see a submission the form refuses). */
  public static final List<String> SEEN_BY_MODEL_LISTENER = Collections.synchronizedList(new ArrayList<>());

  /** The model's own listener: a business check that refuses through the shared exception when asked to. */
  public static class ModelListener implements TaskListener {
    @Override
    public void notify(DelegateTask task) {
      SEEN_BY_MODEL_LISTENER.add(String.valueOf(task.getVariable("answerText")));
      if (Boolean.TRUE.equals(task.getVariable("businessRefusal"))) {
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("answerText", "укажите номер договора");
        reasons.put("conclusions", "дождитесь заключений соисполнителей");
        throw FormRefusedException.of(task, reasons);
      }
    }
  }

  static BpmnModelInstance process() {
    return Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
        .startEvent("Start").camundaFormRef("form-test-start").camundaFormRefBinding("deployment")
        .userTask("Task_Check").camundaFormRef("form-test-check").camundaFormRefBinding("deployment")
        .camundaCandidateGroups("legal").camundaTaskListenerClass("complete", ModelListener.class)
        .userTask("Task_Latest").camundaFormRef("form-test-limit").camundaFormRefBinding("latest")
        .camundaCandidateGroups("legal")
        .userTask("Task_Version").camundaFormRef("form-test-limit").camundaFormRefBinding("version")
        .camundaFormRefVersion("1").camundaCandidateGroups("legal")
        .userTask("Task_NoForm").camundaCandidateGroups("legal")
        .endEvent("End").done();
  }

  @BeforeEach
  void deploy() {
    SEEN_BY_MODEL_LISTENER.clear();
    deployments.add(repositoryService.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn", process())
        .addString("form-test-start.form", START_FORM).addString("form-test-check.form", CHECK_FORM)
        .addString("form-test-limit.form", limitForm(5)).deploy().getId());
  }

  @AfterEach
  void undeploy() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    deployments.clear();
  }

  ProcessInstance start() {
    return runtimeService.startProcessInstanceByKey(PROCESS, Map.of("caseTitle", "Дело о пенях"));
  }

  Task task(ProcessInstance pi) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  static FormRefusedException refusal(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof FormRefusedException r) {
        return r;
      }
    }
    throw new AssertionError("not a form refusal", t);
  }

  String processDefinitionId() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).latestVersion()
        .singleResult().getId();
  }

  // ------------------------------------------------------------------------------------------------ engine

  @Test
  void aTaskIsRefusedByItsDeployedFormBeforeTheModelsOwnListenersRun() {
    ProcessInstance pi = start();
    String id = task(pi).getId();

    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> taskService.complete(id,
        Map.of("answerText", "abc", "approved", "maybe")));

    FormRefusedException r = refusal(thrown);
    assertThat(r.getMessage()).isEqualTo("Текст ответа клиенту: не короче 5 символов (введено 3); "
        + "Решение: недопустимое значение; выберите из списка: Согласовать, Вернуть");
    assertThat(r.formId()).isEqualTo("form-test-check");
    assertThat(r.problems()).extracting(FieldProblem::field).containsExactly("answerText", "approved");
    assertThat(SEEN_BY_MODEL_LISTENER).as("the model's listener never saw the refused submission").isEmpty();
    assertThat(task(pi).getTaskDefinitionKey()).isEqualTo("Task_Check");

    taskService.complete(id, Map.of("answerText", "Пени пересчитаны", "approved", true));
    assertThat(SEEN_BY_MODEL_LISTENER).containsExactly("Пени пересчитаны");
    assertThat(task(pi).getTaskDefinitionKey()).isEqualTo("Task_Latest");
  }

  @Test
  void aFieldHiddenByItsConditionIsNotRequiredAndAShownOneIs() {
    ProcessInstance pi = start();
    String id = task(pi).getId();

    assertThatThrownBy(() -> taskService.complete(id, Map.of("answerText", "Вернуть на доработку", "approved",
        "false"))).satisfies(t -> assertThat(refusal(t).getMessage()).isEqualTo("Замечания: обязательное поле"));
    formService.submitTaskForm(id, Map.of("answerText", "Всё верно, согласовано", "approved", "true"));

    assertThat(task(pi).getTaskDefinitionKey()).isEqualTo("Task_Latest");
  }

  @Test
  void whatASubmissionSendsForADisplayFieldIsDropped() {
    ProcessInstance pi = start();

    formService.submitTaskForm(task(pi).getId(), Map.of("caseTitle", "Подменённое название",
        "answerText", "Пени пересчитаны", "approved", "true"));

    assertThat(runtimeService.getVariable(pi.getId(), "caseTitle")).isEqualTo("Дело о пенях");
    assertThat(runtimeService.getVariable(pi.getId(), "answerText")).isEqualTo("Пени пересчитаны");
  }

  @Test
  void theBindingsDeploymentLatestAndVersionReadTheFormTasklistShows() {
    ProcessInstance pi = start();
    taskService.complete(task(pi).getId(), Map.of("answerText", "Пени пересчитаны", "approved", "true"));
    // a process owner deploys a stricter "Итог" form on its own: "latest" follows it, "version 1" does not
    deployments.add(repositoryService.createDeployment().name("form-test-limit v2")
        .addString("form-test-limit.form", limitForm(10)).deploy().getId());

    assertThatThrownBy(() -> taskService.complete(task(pi).getId(), Map.of("note", "шесть!")))
        .satisfies(t -> assertThat(refusal(t).getMessage()).isEqualTo("Итог: не короче 10 символов (введено 6)"));
    taskService.complete(task(pi).getId(), Map.of("note", "десять букв"));
    assertThat(task(pi).getTaskDefinitionKey()).isEqualTo("Task_Version");
    taskService.complete(task(pi).getId(), Map.of("note", "шесть!"));
    assertThat(task(pi).getTaskDefinitionKey()).isEqualTo("Task_NoForm");
    taskService.complete(task(pi).getId(), Map.of("anything", "goes"));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void aStartFormSubmissionIsValidatedAndAnApiStartIsNot() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count();

    assertThatThrownBy(() -> formService.submitStartForm(processDefinitionId(), Map.of("caseTitle", "Д")))
        .isInstanceOf(FormRefusedException.class)
        .hasMessage("Название дела: не короче 3 символов (введено 1)");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isEqualTo(before);

    ProcessInstance pi = formService.submitStartForm(processDefinitionId(),
        Map.of("caseTitle", "Дело о пенях", "stamp", "подделка"));
    assertThat(runtimeService.getVariables(pi.getId())).containsEntry("caseTitle", "Дело о пенях")
        .doesNotContainKey("stamp");
    assertThat(runtimeService.startProcessInstanceByKey(PROCESS).getId()).as("an API start has no form").isNotNull();
  }

  @Test
  void aBusinessListenerRefusesWithTheLabelsOfTheTasksForm() {
    ProcessInstance pi = start();

    assertThatThrownBy(() -> taskService.complete(task(pi).getId(), Map.of("answerText", "Пени пересчитаны",
        "approved", "true", "businessRefusal", true)))
        .satisfies(t -> assertThat(refusal(t).getMessage()).isEqualTo(
            "Текст ответа клиенту: укажите номер договора; дождитесь заключений соисполнителей"));
  }

  // ------------------------------------------------------------------------------------------------ REST

  Http lawyer() {
    return Http.as(baseUrl(), DemoUsers.of(AppGroup.LEGAL).id(), DemoUsers.PASSWORD);
  }

  @Test
  void theEngineRestApiAnswersARefusalWith400AndOnlyTheRussianSentence() throws Exception {
    ProcessInstance pi = start();
    String id = task(pi).getId();
    String tooShort = """
        {"variables": {"answerText": {"value": "abc"}, "approved": {"value": "true"}}}""";

    for (String call : List.of("submit-form", "complete")) {
      HttpResponse<String> r = lawyer().postJson("/engine-rest/task/" + id + "/" + call, tooShort);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      JsonNode error = json.readTree(r.body());
      assertThat(error.path("type").asText()).isEqualTo("FormRefusedException");
      assertThat(error.path("message").asText()).isEqualTo("Текст ответа клиенту: не короче 5 символов (введено 3)");
      assertThat(error.path("errors").path(0).path("field").asText()).isEqualTo("answerText");
      assertThat(error.path("errors").path(0).path("label").asText()).isEqualTo("Текст ответа клиенту");
    }

    HttpResponse<String> business = lawyer().postJson("/engine-rest/task/" + id + "/submit-form", """
        {"variables": {"answerText": {"value": "Пени пересчитаны"}, "approved": {"value": "true"},
                       "businessRefusal": {"value": true}}}""");
    assertThat(business.statusCode()).isEqualTo(400);
    assertThat(json.readTree(business.body()).path("message").asText())
        .isEqualTo("Текст ответа клиенту: укажите номер договора; дождитесь заключений соисполнителей");

    HttpResponse<String> other = lawyer().postJson("/engine-rest/task/no-such-task/submit-form", "{}");
    assertThat(other.statusCode()).as("other errors stay Camunda's").isNotEqualTo(400);
    assertThat(other.body()).doesNotContain("FormRefusedException");

    HttpResponse<String> ok = lawyer().postJson("/engine-rest/task/" + id + "/submit-form", """
        {"variables": {"answerText": {"value": "Пени пересчитаны"}, "approved": {"value": "true"}}}""");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);
    assertThat(task(pi).getTaskDefinitionKey()).isEqualTo("Task_Latest");
  }

  @Test
  void aRestCompletionCannotChangeADisplayFieldEither() throws Exception {
    ProcessInstance pi = start();

    HttpResponse<String> r = lawyer().postJson("/engine-rest/task/" + task(pi).getId() + "/complete", """
        {"variables": {"caseTitle": {"value": "Подменённое название"}, "answerText": {"value": "Пени пересчитаны"},
                       "approved": {"value": "true"}}}""");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    assertThat(runtimeService.getVariable(pi.getId(), "caseTitle")).isEqualTo("Дело о пенях");
    assertThat(runtimeService.getVariable(pi.getId(), "answerText")).isEqualTo("Пени пересчитаны");
  }

  @Test
  void aRefusedStartFormOverRestIs400WithTheSentence() throws Exception {
    // an administrator: process owners model and deploy, they start no cases (issue 14, least privilege)
    Http owner = Http.as(baseUrl(), "demo", "demo");

    HttpResponse<String> r = owner.postJson("/engine-rest/process-definition/key/" + PROCESS + "/submit-form",
        "{\"variables\": {\"caseTitle\": {\"value\": \"\"}}}");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(json.readTree(r.body()).path("message").asText()).isEqualTo("Название дела: обязательное поле");
  }

  @Test
  void tasklistsOwnEngineApiAnswersTheSameWay() throws Exception {
    ProcessInstance pi = start();
    Webapp tasklist = Webapp.login(baseUrl(), DemoUsers.of(AppGroup.LEGAL).id(), DemoUsers.PASSWORD);

    HttpResponse<String> r = tasklist.post("/camunda/api/engine/engine/default/task/" + task(pi).getId()
        + "/submit-form", "{\"variables\": {\"answerText\": {\"value\": \"abc\"}, \"approved\": {\"value\": \"false\"}}}");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(json.readTree(r.body()).path("message").asText())
        .isEqualTo("Текст ответа клиенту: не короче 5 символов (введено 3); Замечания: обязательное поле");
  }

  /** The Camunda webapps' session login and CSRF token, as Tasklist in a browser has them. */
  record Webapp(HttpClient client, String baseUrl, String csrf) {

    static Webapp login(String baseUrl, String user, String password) throws Exception {
      HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(baseUrl
          + "/camunda/api/admin/auth/user/default")).GET().build(), HttpResponse.BodyHandlers.ofString());
      String csrf = page.headers().firstValue("X-XSRF-TOKEN").orElse("");
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
          + URLEncoder.encode(password, StandardCharsets.UTF_8);
      HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(baseUrl
              + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      // the login starts a new session: its CSRF token comes with the next read
      HttpResponse<String> read = client.send(HttpRequest.newBuilder(URI.create(baseUrl
          + "/camunda/api/engine/engine/default/task/count")).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
      return new Webapp(client, baseUrl, read.headers().firstValue("X-XSRF-TOKEN").orElse(csrf));
    }

    HttpResponse<String> post(String path, String body) throws Exception {
      return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
          .header("Content-Type", "application/json").header("Accept", "application/json")
          .header("X-XSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
          .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
  }
}
