package ru.appealdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/** {@code GET /api/deadlines/overdue?group=…}: open tasks past due and open breaches, per group. */
class OverdueApiTest extends AbstractIntegrationTest {

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  DeadlineService deadlines;
  @Autowired
  ObjectMapper json;

  @BeforeEach
  void deploy() {
    ProcessFixtures.deploy(repositoryService, ProcessFixtures.SLA_PATTERN);
  }

  private static Date moscow(String localDateTime) {
    return ProcessFixtures.local(Jurisdiction.RU, localDateTime);
  }

  private JsonNode overdue(String user, String group, String caseNumber) throws Exception {
    HttpResponse<String> r = Http.as(baseUrl(), user, "demo").get("/api/deadlines/overdue?group=" + group);
    assertThat(r.statusCode()).isEqualTo(200);
    return StreamSupport.stream(json.readTree(r.body()).spliterator(), false)
        .filter(n -> n.get("caseNumber").asText().equals(caseNumber)).findFirst().orElse(null);
  }

  @Test
  void listsLateTasksAndBreachesUntilTheTaskIsDone() throws Exception {
    ClockUtil.setCurrentTime(moscow("2026-11-03T10:00"));
    String caseNumber = "OVD-" + UUID.randomUUID();
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(SlaEscalationProcessTest.PROCESS, caseNumber,
        Map.of("jurisdiction", "RU", "responsibleGroup", "legal",
            "answerDueAt", deadlines.due("RU", moscow("2026-11-03T10:00"), 3, "WORKING_DAYS")));
    assertThat(overdue("controller", "legal", caseNumber)).as("not late yet").isNull();

    // late, the overdue timer not yet executed: listed from the task's due date
    ClockUtil.setCurrentTime(moscow("2026-11-10T09:00"));
    JsonNode late = overdue("controller", "legal", caseNumber);
    assertThat(late).isNotNull();
    assertThat(late.get("step").asText()).isEqualTo("Task_PrepareAnswer");
    assertThat(late.get("dueAt").asText()).isEqualTo("2026-11-09T20:59:59Z");
    assertThat(late.get("breachedAt").isNull()).isTrue();

    execute(job("Timer_PrepareAnswerOverdue", pi));
    execute(job("Task_RecordBreach", pi));
    JsonNode breached = overdue("controller", "legal", caseNumber);
    // issue 14: the KZ client-rights officer does not see RU cases, not even in the overdue list
    assertThat(overdue("rightsofficer", "legal", caseNumber)).isNull();
    assertThat(breached.get("breachedAt").asText()).isEqualTo("2026-11-10T06:00:00Z");
    assertThat(breached.get("escalationGroup").asText()).isEqualTo("appeals-controller");
    assertThat(breached.get("stepName").asText()).isEqualTo("Подготовить ответ");
    assertThat(overdue("demo", "appeals-controller", caseNumber)).as("escalated to the controller").isNotNull();

    complete(task("Task_PrepareAnswer", pi));
    assertThat(overdue("controller", "legal", caseNumber)).as("answered: no longer open").isNull();
  }

  @Test
  void onlyControllersSeeTheListAndTheGroupMustExist() {
    assertThat(Http.as(baseUrl(), "lawyer", "demo").get("/api/deadlines/overdue?group=legal").statusCode())
        .isEqualTo(403);
    HttpResponse<String> unknown = Http.as(baseUrl(), "controller", "demo").get("/api/deadlines/overdue?group=nobody");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("Неизвестная группа");
    assertThat(Http.as(baseUrl(), "controller", "demo").get("/api/deadlines/overdue").statusCode()).isEqualTo(400);
  }
}
