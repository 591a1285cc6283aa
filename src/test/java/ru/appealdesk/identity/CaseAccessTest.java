package ru.appealdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/** The details of the rule that the matrix does not show: former participants, routing groups, jurisdictions. */
class CaseAccessTest extends AbstractIntegrationTest {

  @Autowired
  ObjectMapper json;
  @Autowired
  TaskService taskService;
  @Autowired
  CaseAccess access;
  @Autowired
  JdbcClient jdbc;

  @Test
  void aFormerAssigneeStillSeesTheCaseTheyWorkedOn() throws Exception {
    String number = CaseFixtures.ruComplaint(Http.as(baseUrl(), "webmarketer", "demo"), json);
    Http collector = Http.as(baseUrl(), "collector", "demo");
    assertThat(collector.get("/api/appeals/" + number).statusCode()).isEqualTo(404);

    // the co-executor's conclusion is the first task of a loan-terms complaint
    Task answer = taskService.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey("Task_PrepareConclusion").singleResult();
    taskService.setAssignee(answer.getId(), "collector");
    assertThat(collector.get("/api/appeals/" + number).statusCode()).isEqualTo(200);
    assertThat(collector.get("/engine-rest/task/" + answer.getId()).statusCode()).as("Camunda agrees")
        .isEqualTo(200);

    taskService.setAssignee(answer.getId(), "branchhead");
    assertThat(collector.get("/api/appeals/" + number).statusCode()).as("was assignee").isEqualTo(200);
    assertThat(Http.as(baseUrl(), "marketer", "demo").get("/api/appeals/" + number).statusCode()).isEqualTo(404);
  }

  @Test
  void theRoutingGroupsOfTheAppealSeeIt() throws Exception {
    String number = CaseFixtures.ruComplaint(Http.as(baseUrl(), "webmarketer", "demo"), json);
    assertThat(access.canSee("director", List.of(AppGroup.GENERAL_DIRECTOR.id()), number)).isFalse();
    jdbc.sql("update appeal set approval_group = 'general-director' where number = :n").param("n", number).update();
    assertThat(access.canSee("director", List.of(AppGroup.GENERAL_DIRECTOR.id()), number)).isTrue();
  }

  @Test
  void supervisorsSeeTheCasesOfTheirJurisdictionOnlyInTheApiAndInTasklist() throws Exception {
    String ru = CaseFixtures.ruComplaint(Http.as(baseUrl(), "webmarketer", "demo"), json);
    String kz = CaseFixtures.kzComplaint(Http.as(baseUrl(), "kzspecialist", "demo"), json);
    Http controller = Http.as(baseUrl(), "controller", "demo");
    Http officer = Http.as(baseUrl(), "rightsofficer", "demo");
    assertThat(controller.get("/api/appeals/" + ru).statusCode()).isEqualTo(200);
    assertThat(controller.get("/api/appeals/" + kz).statusCode()).isEqualTo(404);
    assertThat(officer.get("/api/appeals/" + kz).statusCode()).isEqualTo(200);
    assertThat(officer.get("/api/appeals/" + ru).statusCode()).isEqualTo(404);

    assertThat(controller.get("/engine-rest/task?processInstanceBusinessKey=" + ru).body()).contains(ru.isEmpty()
        ? "x" : "\"id\"");
    assertThat(controller.get("/engine-rest/task?processInstanceBusinessKey=" + kz).body()).isEqualTo("[]");
    assertThat(officer.get("/engine-rest/task?processInstanceBusinessKey=" + kz).body()).contains("\"id\"");
    assertThat(officer.get("/engine-rest/task?processInstanceBusinessKey=" + ru).body()).isEqualTo("[]");
  }

  @Test
  void unknownNumbersAndNobodyAreNotVisible() {
    assertThat(access.canSee("lawyer", List.of("legal"), "RU-2026-999999")).isFalse();
    assertThat(access.canSee("demo", List.of(AppGroup.CAMUNDA_ADMIN), "RU-2026-999999")).isTrue();
    assertThat(access.canSee(null, List.of("legal"), "RU-2026-000001")).isFalse();
    assertThat(access.canSee("lawyer", List.of("legal"), "x".repeat(65))).isFalse();
    assertThat(access.isVisible("RU-2026-000001")).as("no caller outside a request").isFalse();
  }

  /**
   * The client-rights officer supervises every KZ case and is also the candidate group of the restructuring review:
   * the supervisor's READ on the task must not swallow the candidate's right to claim it (Camunda folds grants of one
   * command by taking the first one's permissions).
   */
  @Test
  void aSupervisorWhoIsAlsoTheCandidateGroupMayClaimTheTask() throws Exception {
    Http officer = Http.as(baseUrl(), "rightsofficer", "demo");
    String number = CaseFixtures.restructuring(officer, json);
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey("Task_ReviewApplication").singleResult();
    HttpResponse<String> claimed = officer.postJson("/engine-rest/task/" + review.getId() + "/claim",
        "{\"userId\":\"rightsofficer\"}");
    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
    assertThat(Http.as(baseUrl(), "committee", "demo").postJson("/engine-rest/task/" + review.getId() + "/claim",
        "{\"userId\":\"committee\"}").statusCode()).as("the credit committee only reads it").isEqualTo(403);
  }
}
