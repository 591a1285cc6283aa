package ru.appealdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.appealdesk.appeal.AppealFlows.appeal;
import static ru.appealdesk.appeal.AppealFlows.at;
import static ru.appealdesk.appeal.AppealFlows.client;
import static ru.appealdesk.appeal.AppealFlows.document;
import static ru.appealdesk.appeal.AppealFlows.now;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.appeal.AppealFlows;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/**
 * Issue 13, item 7: a case received in late December 2026 has a January 2027 deadline counted on the days the law fixes
 * (provisional). Loading 2027 ({@code POST /api/calendars}, here in the public xmlcalendar format) recomputes the running
 * case: its deadline, its open task's due date and its timer move, it is no longer provisional, and the answer says how
 * many clocks changed. Removing the year again makes it provisional once more (the test leaves 2027 as it found it).
 */
class CalendarRecomputeTest extends AbstractIntegrationTest {

  /**
   * A 2027 in xmlcalendar format that differs from the law's days in one decreed day: Monday 11.01.2027 off (moved
   * from Saturday 02.01).
   */
  static final String RU_2027 = """
      <?xml version="1.0" encoding="UTF-8"?>
      <calendar year="2027" lang="ru" date="2026.11.20" country="ru">
        <holidays>
          <holiday id="1" title="Новогодние каникулы"/>
          <holiday id="2" title="Рождество Христово"/>
        </holidays>
        <days>
          <day d="01.01" t="1" h="1"/><day d="01.04" t="1" h="1"/><day d="01.05" t="1" h="1"/>
          <day d="01.06" t="1" h="1"/><day d="01.07" t="1" h="2"/><day d="01.08" t="1" h="1"/>
          <day d="01.11" t="1" f="01.02"/>
          <day d="02.23" t="1"/><day d="03.08" t="1"/><day d="05.03" t="1" f="05.01"/><day d="05.10" t="1" f="05.09"/>
          <day d="06.14" t="1" f="06.12"/><day d="11.04" t="1"/>
        </days>
      </calendar>
      """;

  @Autowired
  AppealFlows flows;
  @Autowired
  TaskService taskService;
  @Autowired
  ObjectMapper json;

  private Http admin() {
    return Http.as(baseUrl(), "demo", "demo");
  }

  @AfterEach
  void leave2027WithoutData() {
    admin().send(admin().request("/api/calendars/RU/2027").DELETE());
  }

  @Test
  void loadingTheYearRecomputesARunningCasesDeadlineTaskAndTimer() throws Exception {
    // Tue 29.12.2026 + 3 WD: 30.12 (1), 31.12 and 1–8.01 off, 9–10.01 weekend, 11.01 (2), 12.01 (3) — provisional
    now("2026-12-29T10:30:00+03:00");
    ProcessInstance pi = flows.start(appeal("RU", "COMPLAINT", "OFFICE_HOURS", "EMAIL", client(document()), true,
        false, "2026-12-29T10:00:00+03:00"));
    assertThat(flows.appeal(pi).getAnswerDueAt()).isEqualTo(at("2027-01-12T23:59:59+03:00").toInstant());
    assertThat(flows.appeal(pi).isDeadlineProvisional()).isTrue();
    assertThat(flows.view(pi).deadlineProvisional()).isTrue();
    assertThat(flows.timer(pi, "Timer_AnswerDeadline").getDuedate()).isEqualTo(at("2027-01-12T23:59:59+03:00"));
    assertThat(openAnswerTaskDue(pi)).isEqualTo(at("2027-01-12T23:59:59+03:00"));

    HttpResponse<String> loaded = admin().send(admin().request("/api/calendars")
        .header("Content-Type", "application/xml")
        .POST(HttpRequest.BodyPublishers.ofString(RU_2027, StandardCharsets.UTF_8)));
    assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
    JsonNode body = json.readTree(loaded.body());
    assertThat(body.get("country").asText()).isEqualTo("RU");
    assertThat(body.get("recomputed").asInt()).as("at least this case's answer clock").isPositive();
    assertThat(body.get("failed").asInt()).isZero();

    // with 11.01 off: 30.12 (1), 12.01 (2), 13.01 (3); no longer provisional
    assertThat(flows.appeal(pi).getAnswerDueAt()).isEqualTo(at("2027-01-13T23:59:59+03:00").toInstant());
    assertThat(flows.appeal(pi).isDeadlineProvisional()).isFalse();
    assertThat(flows.timer(pi, "Timer_AnswerDeadline").getDuedate()).isEqualTo(at("2027-01-13T23:59:59+03:00"));
    assertThat(openAnswerTaskDue(pi)).isEqualTo(at("2027-01-13T23:59:59+03:00"));
    assertThat(flows.view(pi).deadlineHistory()).anySatisfy(e -> {
      assertThat(e.event()).isEqualTo("RECOMPUTED");
      assertThat(e.note()).contains("2027");
    });

    HttpResponse<String> again = admin().send(admin().request("/api/calendars")
        .header("Content-Type", "text/xml; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(RU_2027, StandardCharsets.UTF_8)));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json.readTree(again.body()).get("replaced").asBoolean()).isTrue();

    HttpResponse<String> removed = admin().send(admin().request("/api/calendars/RU/2027").DELETE());
    assertThat(removed.statusCode()).isEqualTo(200);
    assertThat(flows.appeal(pi).getAnswerDueAt()).isEqualTo(at("2027-01-12T23:59:59+03:00").toInstant());
    assertThat(flows.appeal(pi).isDeadlineProvisional()).isTrue();
    assertThat(flows.timer(pi, "Timer_AnswerDeadline").getDuedate()).isEqualTo(at("2027-01-12T23:59:59+03:00"));
  }

  private java.util.Date openAnswerTaskDue(ProcessInstance pi) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_PrepareAnswer")
        .singleResult().getDueDate();
  }
}
