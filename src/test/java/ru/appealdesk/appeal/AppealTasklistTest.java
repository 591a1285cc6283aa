package ru.appealdesk.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.identity.AppGroup;
import ru.appealdesk.identity.DemoUsers;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/**
 * What Tasklist shows, through the REST calls Tasklist itself makes: each group sees only its own tasks of an appeal,
 * and every task opens its deployed Camunda Form.
 */
class AppealTasklistTest extends AbstractIntegrationTest {

  @Autowired
  ObjectMapper json;

  Http as(AppGroup group) {
    return Http.as(baseUrl(), DemoUsers.of(group).id(), DemoUsers.PASSWORD);
  }

  List<String> taskKeys(AppGroup group, String number) throws Exception {
    var r = as(group).get("/engine-rest/task?processInstanceBusinessKey=" + number);
    assertThat(r.statusCode()).isEqualTo(200);
    List<String> keys = new ArrayList<>();
    json.readTree(r.body()).forEach(t -> keys.add(t.get("taskDefinitionKey").asText()));
    return keys;
  }

  @Test
  void eachGroupSeesOnlyItsTasksAndEveryTaskOpensItsForm() throws Exception {
    var created = as(AppGroup.INTERNET_MARKETER).postJson("/api/appeals", AppealApiTest.complaint());
    String number = json.readTree(created.body()).get("number").asText();

    // the co-executor's conclusion comes first (the diagram's order); the responsible unit sees nothing yet
    assertThat(taskKeys(AppGroup.LEGAL, number)).isEmpty();
    assertThat(taskKeys(AppGroup.BRANCH_HEAD, number)).containsExactly("Task_PrepareConclusion");
    assertThat(taskKeys(AppGroup.MARKETING, number)).isEmpty();
    assertThat(taskKeys(AppGroup.INTERNET_MARKETER, number)).isEmpty();

    for (AppGroup group : List.of(AppGroup.LEGAL, AppGroup.BRANCH_HEAD)) {
      JsonNode tasks = json.readTree(as(group).get("/engine-rest/task?processInstanceBusinessKey=" + number).body());
      for (JsonNode t : tasks) {
        String id = t.get("id").asText();
        JsonNode formRef = json.readTree(as(group).get("/engine-rest/task/" + id + "/form").body());
        String formKey = formRef.get("camundaFormRef").get("key").asText();
        assertThat(formKey).startsWith("form-");
        assertThat(formRef.get("camundaFormRef").get("binding").asText()).isEqualTo("deployment");
        var form = as(group).get("/engine-rest/task/" + id + "/deployed-form");
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        JsonNode schema = json.readTree(form.body());
        assertThat(schema.get("id").asText()).isEqualTo(formKey);
        JsonNode vars = json.readTree(as(group).get("/engine-rest/task/" + id + "/form-variables").body());
        assertThat(vars.get("appealNumber").get("value").asText()).isEqualTo(number);
        assertThat(vars.get("answerDueAtText").get("value").asText()).isEqualTo("04.12.2026 23:59 (МСК)");
        assertThat(vars.get("subjectText").get("value").asText()).isEqualTo("Условия договора займа (срок, проценты, пени)");
      }
    }
    String conclusion = json.readTree(as(AppGroup.BRANCH_HEAD).get("/engine-rest/task?processInstanceBusinessKey="
        + number).body()).get(0).get("id").asText();
    var done = as(AppGroup.BRANCH_HEAD).send(as(AppGroup.BRANCH_HEAD).request("/engine-rest/task/" + conclusion
        + "/claim").header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"userId\":\"" + DemoUsers.of(AppGroup.BRANCH_HEAD).id() + "\"}")));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    var submitted = as(AppGroup.BRANCH_HEAD).postJson("/engine-rest/task/" + conclusion + "/submit-form",
        "{\"variables\":{\"conclusionText\":{\"value\":\"Пени начислены по договору.\"}}}");
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
    assertThat(taskKeys(AppGroup.LEGAL, number)).containsExactly("Task_PrepareAnswer");
    assertThat(taskKeys(AppGroup.BRANCH_HEAD, number)).isEmpty();
  }
}
