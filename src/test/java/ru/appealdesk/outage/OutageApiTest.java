package ru.appealdesk.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.identity.AppGroup;
import ru.appealdesk.identity.DemoUsers;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

class OutageApiTest extends AbstractIntegrationTest {

  @Autowired
  RuntimeService runtime;
  @Autowired
  ObjectMapper json;

  Http as(AppGroup group) {
    return Http.as(baseUrl(), DemoUsers.of(group).id(), DemoUsers.PASSWORD);
  }

  static String since() {
    return OffsetDateTime.now(ZoneOffset.ofHours(3)).minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  @Test
  void reportingAnOutageStartsThePlaybookAndReturnsItsNumber() throws Exception {
    var response = as(AppGroup.APPEALS_CONTROLLER).postJson("/api/outages", """
        {"what": "Не работает сайт: DoS-атака", "since": "%s", "affectedChannels": ["WEBSITE", "EMAIL"],
         "expectedRecovery": "к 18:00"}""".formatted(since()));

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = json.readTree(response.body());
    String number = body.path("number").asText();
    String processInstanceId = body.path("processInstanceId").asText();
    assertThat(number).startsWith("OUTAGE-");
    assertThat(response.headers().firstValue("Location")).hasValue("/api/outages/" + number);
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    assertThat(pi.getBusinessKey()).isEqualTo(number);
    assertThat(pi).isWaitingAt("Task_PublishMirrorSite", "Task_PhoneAutoInformer", "Timer_RecheckStatus");
    assertThat(runtime.getVariable(processInstanceId, "initiator")).isEqualTo("controller");

    var read = as(AppGroup.MARKETING).get("/api/outages/" + number);
    assertThat(read.statusCode()).isEqualTo(200);
    JsonNode outage = json.readTree(read.body());
    assertThat(outage.path("status").asText()).isEqualTo("OPEN");
    assertThat(outage.path("affectedChannels").toString()).isEqualTo("[\"WEBSITE\",\"EMAIL\"]");
    assertThat(outage.path("messageRu").asText()).contains("Не работает сайт: DoS-атака").contains("к 18:00");
    assertThat(outage.path("messageKk").asText()).startsWith("Техникалық іркіліс").contains("Құрметті клиенттер!");
    assertThat(outage.path("appeals").isArray()).isTrue();
  }

  @Test
  void badInputIsRefusedWithEveryFieldNamed() throws Exception {
    var response = as(AppGroup.CONTACT_CENTER).postJson("/api/outages", """
        {"what": "", "since": "21.11.2026 08:00", "affectedChannels": ["WEBSITE", "TELEGRAPH"]}""");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode errors = json.readTree(response.body()).path("errors");
    assertThat(errors.findValuesAsText("field")).containsExactly("what", "since", "affectedChannels[1]");
    assertThat(errors.get(2).path("message").asText()).contains("TELEGRAPH");

    var empty = as(AppGroup.CONTACT_CENTER).postJson("/api/outages", "{}");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(json.readTree(empty.body()).path("errors").findValuesAsText("field"))
        .containsExactly("what", "since", "affectedChannels");
  }

  @Test
  void onlyTheGroupsThatRunThePlaybookMayReportAndUnknownNumbersAre404() {
    var lawyer = as(AppGroup.LEGAL).postJson("/api/outages", """
        {"what": "Сбой", "since": "%s", "affectedChannels": ["PHONE"]}""".formatted(since()));
    assertThat(lawyer.statusCode()).isEqualTo(403);
    assertThat(Http.anonymous(baseUrl()).postJson("/api/outages", "{}").statusCode()).isEqualTo(401);
    assertThat(as(AppGroup.APPEALS_CONTROLLER).get("/api/outages/OUTAGE-1999-0000").statusCode()).isEqualTo(404);
    // issue 14: an unknown number is 404 for everyone, whether or not they could see outages at all
    assertThat(as(AppGroup.CREDIT_COMMITTEE).get("/api/outages/OUTAGE-1999-0000").statusCode()).isEqualTo(404);
  }
}
