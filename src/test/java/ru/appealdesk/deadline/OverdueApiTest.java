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
import ru.appealdesk.appeal.AppealFlows;
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
  @Autowired
  AppealFlows flows;

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
    assertThat(Http.as(baseUrl(), "rightsofficer", "demo").get("/api/deadlines/overdue?jurisdiction=RU").body())
        .contains("jurisdiction").contains("не контролируете");
  }

  /**
   * Without a group: the supervisor's list of every case of their jurisdiction that runs late, whichever unit holds
   * it, in the jurisdiction's local days, with who held the case once the breach is recorded.
   */
  @Test
  void theSupervisorsSeeEveryLateCaseOfTheirJurisdiction() throws Exception {
    AppealFlows.now("2026-11-02T10:30:00+03:00");
    ProcessInstance ruCase = flows.start(AppealFlows.appeal("RU", "APPLICATION", "DEBT_CERTIFICATE",
        "EMAIL", AppealFlows.client(AppealFlows.document()), true, false,
        "2026-11-02T10:00:00+03:00"));
    ProcessInstance kzCase = flows.start(AppealFlows.appeal("KZ", "COMPLAINT", "LOAN_TERMS",
        "EMAIL", AppealFlows.client(AppealFlows.document()), true, false,
        "2026-11-02T12:00:00+05:00"));
    assertThat(supervised("controller", ruCase.getBusinessKey())).as("due Fri 06.11: not late yet").isNull();

    // Mon 09.11 09:00 in Moscow: three local days after the deadline, the timer has not run yet
    AppealFlows.now("2026-11-09T09:00:00+03:00");
    JsonNode late = supervised("controller", ruCase.getBusinessKey());
    assertThat(late).isNotNull();
    assertThat(late.get("jurisdiction").asText()).isEqualTo("RU");
    assertThat(late.get("clock").asText()).isEqualTo("ANSWER");
    assertThat(late.get("dueText").asText()).isEqualTo("06.11.2026 23:59 (МСК)");
    assertThat(late.get("daysOverdue").asInt()).isEqualTo(3);
    assertThat(late.get("breachedAt").isNull()).isTrue();
    assertThat(late.get("openSteps").toString()).contains("Подготовить ответ");
    assertThat(supervised("rightsofficer", ruCase.getBusinessKey())).as("not a KZ case").isNull();
    assertThat(supervised("controller", kzCase.getBusinessKey())).as("KZ, due 17.11: neither late nor Russian").isNull();

    execute(flows.timer(ruCase, "Timer_AnswerDeadline"));
    JsonNode breached = supervised("controller", ruCase.getBusinessKey());
    assertThat(breached.get("breachedAt").isNull()).isFalse();
    assertThat(breached.get("heldBy").asText()).contains("Подготовить ответ");
    assertThat(breached.get("escalationGroup").asText()).isEqualTo("appeals-controller");

    AppealFlows.now("2026-11-18T09:00:00+05:00");
    assertThat(supervised("rightsofficer", kzCase.getBusinessKey())).as("KZ 15 CD from 02.11 → 17.11, late now")
        .isNotNull();
    assertThat(supervised("demo", kzCase.getBusinessKey())).as("administrators see both").isNotNull();
    HttpResponse<String> onlyKz = Http.as(baseUrl(), "demo", "demo").get("/api/deadlines/overdue?jurisdiction=KZ");
    assertThat(onlyKz.body()).contains(kzCase.getBusinessKey()).doesNotContain(ruCase.getBusinessKey());
  }

  private JsonNode supervised(String user, String caseNumber) throws Exception {
    HttpResponse<String> r = Http.as(baseUrl(), user, "demo").get("/api/deadlines/overdue");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return StreamSupport.stream(json.readTree(r.body()).spliterator(), false)
        .filter(n -> n.get("caseNumber").asText().equals(caseNumber)).findFirst().orElse(null);
  }
}
