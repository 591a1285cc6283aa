package ru.appealdesk.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.appealdesk.appeal.AppealFlows;
import ru.appealdesk.report.SlaKnownCases;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/**
 * Issue 17, retention (152-FZ): with the clock moved past the period (five years after closing), {@code POST
 * /api/retention/run} anonymises the personal data of a closed case in the application's tables and in the engine's
 * history, keeps its number and every figure of the SLA report, leaves a case closed later untouched and never
 * processes a case twice.
 */
class RetentionTest extends AbstractIntegrationTest {

  @Autowired
  SlaKnownCases cases;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  HistoryService historyService;
  @Autowired
  ObjectMapper json;

  Http admin() {
    return Http.as(baseUrl(), "demo", "demo");
  }

  String report() {
    AppealFlows.now(SlaKnownCases.REPORT_TIME);
    HttpResponse<String> r = Http.as(baseUrl(), "demo", "demo")
        .get("/api/reports/sla?from=" + SlaKnownCases.FROM + "&to=" + SlaKnownCases.TO);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  Map<String, Object> appeal(String number) {
    return jdbc.sql("select * from appeal where number = :n").param("n", number).query().singleRow();
  }

  List<String> historicVariableNames(String number) {
    String[] ids = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).list()
        .stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    return historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(ids).list().stream()
        .map(HistoricVariableInstance::getName).toList();
  }

  long count(String sql, String number) {
    return jdbc.sql(sql).param("n", number).query(Long.class).single();
  }

  JsonNode run(Http who) throws Exception {
    HttpResponse<String> r = who.postJson("/api/retention/run", "{}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  @Test
  void personalDataOfACaseClosedFiveYearsAgoIsAnonymisedOnceAndTheFiguresStay() throws Exception {
    SlaKnownCases.Known known = cases.ensure();
    String before = report();
    String a = known.a(); // closed 04.09.2026 01:00 MSK
    String b = known.b(); // closed 18.09.2026 10:00 MSK
    Long clientOfA = (Long) appeal(a).get("client_id");
    assertThat(clientOfA).isNotNull();
    assertThat(appeal(a).get("answer_text")).isNotNull();
    String oldToken = (String) appeal(a).get("status_token");
    assertThat(Http.anonymous(baseUrl()).get("/status/" + a + "?token=" + oldToken).statusCode()).isEqualTo(200);
    assertThat(historicVariableNames(a)).contains("answerText", "conclusionText")
        // the display copies of the client's details never reach the engine's history (perf.LeanHistory)
        .doesNotContain("clientFullName", "clientEmail", "clientPhone", "clientIdDocument", "appealContent");
    assertThat(count("select count(*) from case_document where case_number = :n and size_bytes > 0", a))
        .isPositive();
    assertThat(count("select count(*) from client_notification where case_number = :n", a)).isPositive();

    // only admins may run it
    assertThat(Http.as(baseUrl(), "controller", "demo").postJson("/api/retention/run", "{}").statusCode())
        .isEqualTo(403);

    // five years and a day after A was closed, two weeks before B's five years are over
    AppealFlows.now("2031-09-05T12:00:00+03:00");
    JsonNode first = run(admin());
    assertThat(first.get("period").asText()).isEqualTo("P5Y");
    assertThat(first.get("closedBefore").asText()).isEqualTo("2026-09-05T09:00:00Z");
    assertThat(first.get("appeals").asInt()).isPositive();
    assertThat(first.get("anonymised").asInt()).isEqualTo(first.get("appeals").asInt()
        + first.get("restructurings").asInt());

    // A: number, dates, routing kept; client, texts, documents, notifications, engine history gone
    Map<String, Object> anonymised = appeal(a);
    assertThat(anonymised.get("number")).isEqualTo(a);
    assertThat(anonymised.get("received_at")).isNotNull();
    assertThat(anonymised.get("closed_at")).isNotNull();
    assertThat(anonymised.get("delivered_at")).isNotNull();
    assertThat(anonymised.get("responsible_group")).isEqualTo("legal");
    assertThat(anonymised.get("client_id")).isNull();
    assertThat(anonymised.get("content")).isEqualTo(Retention.PLACEHOLDER);
    assertThat(anonymised).containsEntry("demand", null).containsEntry("answer_text", null)
        .containsEntry("contract_number", null).containsEntry("situation_place", null)
        .containsEntry("delivery_proof", null);
    assertThat(jdbc.sql("select count(*) from appeal_client where id = :id").param("id", clientOfA)
        .query(Long.class).single()).isZero();
    assertThat(count("select count(*) from appeal_conclusion where appeal_id = (select id from appeal where number"
        + " = :n) and text <> '" + Retention.PLACEHOLDER + "'", a)).isZero();
    assertThat(count("select count(*) from case_document where case_number = :n and size_bytes > 0", a)).isZero();
    assertThat(count("select count(*) from case_document where case_number = :n and length(content) > 0", a))
        .isZero();
    assertThat(count("select count(*) from client_notification where case_number = :n and (recipient <> '"
        + Retention.PLACEHOLDER + "' or client_name is not null or status_url is not null)", a)).isZero();
    assertThat(count("select count(*) from answer_delivery where case_number = :n and recipient is not null", a))
        .isZero();
    assertThat(count("select count(*) from mail_outbox where case_number = :n and body <> '"
        + Retention.PLACEHOLDER + "'", a)).isZero();
    List<String> kept = historicVariableNames(a);
    assertThat(kept).doesNotContain("clientFullName", "clientEmail", "clientPhone", "clientPostalAddress",
        "answerText", "conclusionText", "conclusions", "deliveryProof")
        .contains("appealNumber", "jurisdiction", "appealType", "subject", "responsibleGroup");
    assertThat(kept).allSatisfy(n -> assertThat(Retention.KEPT_VARIABLES).contains(n));
    Map<String, Object> record = jdbc.sql("select * from case_anonymisation where case_number = :n").param("n", a)
        .query().singleRow();
    assertThat(record.get("case_kind")).isEqualTo("APPEAL");
    assertThat(((Number) record.get("history_variables")).intValue()).isPositive();
    // the status link of the case no longer opens it
    assertThat(Http.anonymous(baseUrl()).get("/status/" + a + "?token=" + oldToken).statusCode())
        .isGreaterThanOrEqualTo(400);

    // B was closed on 18.09.2026: kept as it was
    assertThat(appeal(b).get("client_id")).isNotNull();
    assertThat(appeal(b).get("answer_text")).isNotNull();
    assertThat(historicVariableNames(b)).contains("answerText");
    assertThat(count("select count(*) from case_anonymisation where case_number = :n", b)).isZero();

    // a second run finds nothing new: A is not processed twice
    Object anonymisedAt = record.get("anonymised_at");
    AppealFlows.now("2031-09-06T12:00:00+03:00");
    JsonNode second = run(admin());
    assertThat(second.get("anonymised").asInt()).isZero();
    assertThat(jdbc.sql("select anonymised_at from case_anonymisation where case_number = :n").param("n", a)
        .query().singleValue()).isEqualTo(anonymisedAt);

    // every figure of the report is as before
    assertThat(report()).isEqualTo(before);
  }
}
