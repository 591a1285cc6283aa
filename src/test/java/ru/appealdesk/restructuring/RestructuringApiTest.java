package ru.appealdesk.restructuring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/** {@code /api/restructurings} and {@code /api/reports/restructuring} over real HTTP. */
class RestructuringApiTest extends AbstractIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  RuntimeService runtime;

  Http officer;

  @BeforeEach
  void officer() {
    officer = Http.as(baseUrl(), "rightsofficer", "demo");
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-16T10:05:00+05:00").toInstant()));
  }

  static String body(String iin, String monthlyIncome) {
    return """
        {"borrower": {"fullName": "Ахметова Айгуль", "iin": "%s", "phone": "+77010000000",
                      "email": "aigul@example.kz", "postalAddress": "Алматы"},
         "contractNumber": "MK-%s", "language": "kk", "receivedAt": "2026-11-16T10:00:00+05:00",
         "requestedOptions": ["PAYMENT_DEFERRAL"], "circumstances": "Потеря работы",
         "monthlyIncome": %s,
         "sociallyVulnerable": true, "targetedSocialAssistance": false, "emergencyAffected": false}"""
        .formatted(iin, UUID.randomUUID(), monthlyIncome);
  }

  static final String INCOME = "[106,106,106,106,106,106,106,106,106,106,70,70]";

  JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  String create() throws Exception {
    HttpResponse<String> r = officer.postJson("/api/restructurings", body("900101400122", INCOME));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).get("number").asText();
  }

  @Test
  void applicationGets201WithTheNumberAndBlocksEarlyRepaymentDemands() throws Exception {
    HttpResponse<String> r = officer.postJson("/api/restructurings", body("900101400122", INCOME));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode created = json(r);
    String number = created.get("number").asText();
    assertThat(number).matches("KZR-2026-\\d{6}");
    assertThat(r.headers().firstValue("Location")).hasValue("/api/restructurings/" + number);
    assertThat(created.get("earlyRepaymentDemandBlocked").asBoolean()).isTrue();
    assertThat(created.get("incomeDropPercent").decimalValue()).isEqualByComparingTo("30");

    JsonNode shown = json(officer.get("/api/restructurings/" + number));
    assertThat(shown.get("status").asText()).isEqualTo("UNDER_REVIEW");
    assertThat(shown.at("/deadlines/decisionDueAt").asText()).isEqualTo("2026-12-01T23:59:59+05:00");
    assertThat(shown.at("/borrower/iin").asText()).isEqualTo("900101400122");
    assertThat(Http.as(baseUrl(), "committee", "demo").get("/api/restructurings/" + number).statusCode())
        .isEqualTo(200);
    // issue 14: nobody else without a role in the case (the specialist who may file applications included)
    assertThat(Http.as(baseUrl(), "kzspecialist", "demo").get("/api/restructurings/" + number).statusCode())
        .isEqualTo(404);
  }

  @Test
  void badInputIs400NamingTheField() throws Exception {
    HttpResponse<String> badIin = officer.postJson("/api/restructurings", body("900101400123", INCOME));
    assertThat(badIin.statusCode()).isEqualTo(400);
    assertThat(json(badIin).at("/errors/0/field").asText()).isEqualTo("borrower.iin");
    assertThat(json(badIin).at("/errors/0/message").asText()).contains("контрольный разряд");

    HttpResponse<String> shortIin = officer.postJson("/api/restructurings", body("90010140012", INCOME));
    assertThat(json(shortIin).at("/errors/0/message").asText()).contains("12 цифр");

    HttpResponse<String> thirteenMonths = officer.postJson("/api/restructurings",
        body("900101400122", "[1,1,1,1,1,1,1,1,1,1,1,1,1]"));
    assertThat(thirteenMonths.statusCode()).isEqualTo(400);
    assertThat(json(thirteenMonths).at("/errors/0/field").asText()).isEqualTo("monthlyIncome");

    HttpResponse<String> negative = officer.postJson("/api/restructurings", body("900101400122", "[-5]"));
    assertThat(json(negative).at("/errors/0/field").asText()).isEqualTo("monthlyIncome[0]");

    HttpResponse<String> badOption = officer.postJson("/api/restructurings",
        body("900101400122", INCOME).replace("PAYMENT_DEFERRAL", "HOLIDAY"));
    assertThat(badOption.statusCode()).isEqualTo(400);
    assertThat(json(badOption).at("/errors/0/field").asText()).isEqualTo("requestedOptions[0]");
  }

  @Test
  void theIntakeTakesWhatTheClientHasMissingDocumentsBecomeTheOfficersRequest() throws Exception {
    String noIncomes = body("900101400122", "null").replace("[\"PAYMENT_DEFERRAL\"]", "[]");
    HttpResponse<String> r = officer.postJson("/api/restructurings", noIncomes);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode created = json(r);
    assertThat(created.get("missing").toString()).isEqualTo("[\"MONTHLY_INCOME\",\"REQUESTED_OPTIONS\"]");
    assertThat(created.get("incomeDropPercent").isNull()).isTrue();
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(created.get("number").asText())
        .singleResult();
    assertThat((String) runtime.getVariable(pi.getId(), "requestedDocuments")).contains("доходах");

    // only the last months known: the most recent ones (the last amount is the month before the application)
    HttpResponse<String> twoMonths = officer.postJson("/api/restructurings", body("900101400122", "[70,70]"));
    assertThat(twoMonths.statusCode()).as(twoMonths.body()).isEqualTo(201);
    ProcessInstance second = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(json(twoMonths).get("number").asText()).singleResult();
    assertThat(runtime.getVariable(second.getId(), "income12")).isEqualTo(70.0);
    assertThat(runtime.getVariable(second.getId(), "income01")).isNull();
    assertThat(json(twoMonths).get("missing").toString()).isEqualTo("[\"MONTHLY_INCOME\"]");
  }

  @Test
  void responseWindowExtensionsAndALateOmbudsmanNoticeOverHttp() throws Exception {
    String number = create();
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    String extension = "{\"days\": 10, \"clientConsent\": \"Письмо клиента от 25.11.2026\"}";
    assertThat(officer.postJson("/api/restructurings/" + number + "/response-window-extension", extension)
        .statusCode()).isEqualTo(409);
    complete(task(RestructuringProcess.TASK_REVIEW, pi), withVariables("documentsNeeded", false));
    complete(task(RestructuringProcess.TASK_PREPARE_DECISION, pi), withVariables("decisionType", "COUNTER_PROPOSAL",
        "decisionOptions", java.util.List.of("PAYMENT_DATE_CHANGE"), "decisionMonths", 6, "decisionTerms", "25 число"));
    complete(task(RestructuringProcess.TASK_APPROVE_DECISION, pi), withVariables("decisionApproved", "true"));
    complete(task(RestructuringProcess.TASK_DELIVER_DECISION, pi), withVariables("deliveryChannel", "EMAIL",
        "decisionReceivedAt", "2026-11-16"));
    assertThat(officer.postJson("/api/restructurings/" + number + "/response-window-extension", extension)
        .statusCode()).isEqualTo(202);
    // the old body (days and comment) still works, and a second extension is no longer refused
    assertThat(officer.postJson("/api/restructurings/" + number + "/response-window-extension",
        "{\"days\": 5, \"comment\": \"Клиент согласился по телефону\"}").statusCode()).isEqualTo(202);
    JsonNode shown = json(officer.get("/api/restructurings/" + number));
    assertThat(shown.at("/deadlines/responseWindowExtensions").size()).isEqualTo(2);
    assertThat(shown.at("/deadlines/responseWindowExtensions/0/companyConsentBy").asText()).isEqualTo("rightsofficer");
    assertThat(shown.at("/deadlines/responseWindowExtensions/1/clientConsent").asText())
        .isEqualTo("Клиент согласился по телефону");
    HttpResponse<String> noConsent = officer.postJson("/api/restructurings/" + number + "/response-window-extension",
        "{\"days\": 5}");
    assertThat(noConsent.statusCode()).isEqualTo(400);
    assertThat(json(noConsent).at("/errors/0/field").asText()).isEqualTo("clientConsent");

    // refused by the client, the 15 days pass: the notice is recorded all the same
    assertThat(officer.postJson("/api/restructurings/" + number + "/client-response", "{\"response\":\"REJECT\"}")
        .statusCode()).isEqualTo(202);
    complete(task(RestructuringProcess.TASK_NOTIFY_REFUSAL, pi), withVariables("refusalNoticeChannel", "EMAIL",
        "refusalReceivedAt", "2026-11-16"));
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute(
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job("Timer_OmbudsmanWindowClosed", pi));
    assertThat(json(officer.get("/api/restructurings/" + number)).get("status").asText()).isEqualTo("CLOSED_REFUSED");
    assertThat(officer.postJson("/api/restructurings/" + number + "/ombudsman-notice",
        "{\"comment\": \"Клиент сообщил письмом\"}").statusCode()).isEqualTo(202);
    JsonNode reopened = json(officer.get("/api/restructurings/" + number));
    assertThat(reopened.get("status").asText()).isEqualTo("OMBUDSMAN_CASE");
    assertThat(reopened.at("/ombudsmanCase/noticeLate").asBoolean()).isTrue();
    assertThat(reopened.get("earlyRepaymentDemandBlocked").asBoolean()).isTrue();
    assertThat(officer.postJson("/api/restructurings/" + number + "/ombudsman-notice", "{}").statusCode())
        .isEqualTo(409);
  }

  @Test
  void onlyKzGroupsMayUseTheApi() {
    assertThat(Http.anonymous(baseUrl()).postJson("/api/restructurings", body("900101400122", INCOME)).statusCode())
        .isEqualTo(401);
    assertThat(Http.as(baseUrl(), "lawyer", "demo").postJson("/api/restructurings", body("900101400122", INCOME))
        .statusCode()).isEqualTo(403);
    assertThat(officer.get("/api/restructurings/KZR-1900-000000").statusCode()).isEqualTo(404);
  }

  @Test
  void uploadingTheRequestedDocumentsResumesConsideration() throws Exception {
    String number = create();
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    assertThat(officer.postJson("/api/restructurings/" + number + "/client-response", "{\"response\":\"ACCEPT\"}")
        .statusCode()).isEqualTo(409);
    complete(task(RestructuringProcess.TASK_REVIEW, pi), withVariables("documentsNeeded", true,
        "requestedDocuments", "Справка о доходах"));
    assertThat(pi).isWaitingAt("Timer_DocumentsNotReceived");

    HttpResponse<String> r = upload(number, "spravka.pdf", "application/pdf", "%PDF-1.4 test".getBytes());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(json(r).get("documentsReceived").asBoolean()).isTrue();
    assertThat(json(r).get("sha256").asText()).hasSize(64);
    assertThat(pi).isWaitingAt(RestructuringProcess.TASK_REVIEW);
    JsonNode shown = json(officer.get("/api/restructurings/" + number));
    assertThat(shown.at("/documents/0/fileName").asText()).isEqualTo("spravka.pdf");
    assertThat(shown.at("/deadlines/documentsReceivedAt").isNull()).isFalse();
  }

  @Test
  void quarterlyReportAsJsonAndCsv() throws Exception {
    JsonNode before = json(officer.get("/api/reports/restructuring?quarter=2026-Q4"));
    String number = create();
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    complete(task(RestructuringProcess.TASK_REVIEW, pi), withVariables("documentsNeeded", false));
    complete(task(RestructuringProcess.TASK_PREPARE_DECISION, pi), withVariables("decisionType", "COUNTER_PROPOSAL",
        "decisionOptions", java.util.List.of("PAYMENT_DATE_CHANGE"), "decisionMonths", 6, "decisionTerms", "25 число"));
    complete(task(RestructuringProcess.TASK_APPROVE_DECISION, pi), withVariables("decisionApproved", "true"));

    HttpResponse<String> r = officer.get("/api/reports/restructuring?quarter=2026-Q4");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode after = json(r);
    assertThat(after.get("from").asText()).isEqualTo("2026-10-01T00:00+05:00");
    assertThat(after.get("applicationsReceived").asLong() - before.get("applicationsReceived").asLong()).isEqualTo(1);
    assertThat(after.get("decisionsCounterProposal").asLong() - before.get("decisionsCounterProposal").asLong())
        .isEqualTo(1);
    assertThat(after.get("averageDaysToDecision").isNumber()).isTrue();
    assertThat(after.at("/labels/ombudsmanNotices").asText()).contains("омбудсман");

    HttpResponse<String> csv = officer.send(officer.request("/api/reports/restructuring?quarter=2026-Q4")
        .header("Accept", "text/csv").GET());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
    assertThat(csv.body()).startsWith("quarter,metric,label,value\r\n")
        .contains("2026-Q4,applicationsReceived,\"Поступило заявлений об изменении условий договора\","
            + after.get("applicationsReceived").asLong());
    assertThat(officer.get("/api/reports/restructuring?quarter=2026-Q4&format=csv").body())
        .startsWith("quarter,metric,label,value");

    assertThat(officer.get("/api/reports/restructuring?quarter=2026-5").statusCode()).isEqualTo(400);
    assertThat(csv.body()).contains("\r\n\r\nquarter,caseNumber,notifiedAt,noticeLate,decisionAt,outcome,");
    assertThat(Http.as(baseUrl(), "committee", "demo").get("/api/reports/restructuring?quarter=2026-Q4").statusCode())
        .isEqualTo(403);
    assertThat(Http.as(baseUrl(), "demo", "demo").get("/api/reports/restructuring?quarter=2026-Q4").statusCode())
        .isEqualTo(200);
  }

  @Test
  void theQuarterlyReportListsOmbudsmanCasesAndTheirExecution() throws Exception {
    JsonNode before = json(officer.get("/api/reports/restructuring?quarter=2026-Q4"));
    String number = create();
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    complete(task(RestructuringProcess.TASK_REVIEW, pi), withVariables("documentsNeeded", false));
    complete(task(RestructuringProcess.TASK_PREPARE_DECISION, pi), withVariables("decisionType", "REFUSAL",
        "refusalReason", "Платежеспособность сохранена"));
    complete(task(RestructuringProcess.TASK_APPROVE_DECISION, pi), withVariables("decisionApproved", "true"));
    complete(task(RestructuringProcess.TASK_DELIVER_DECISION, pi), withVariables("deliveryChannel", "EMAIL",
        "decisionReceivedAt", "2026-11-16"));
    assertThat(officer.postJson("/api/restructurings/" + number + "/ombudsman-notice", "{}").statusCode())
        .isEqualTo(202);
    complete(task(RestructuringProcess.TASK_RECORD_OMBUDSMAN, pi), withVariables("ombudsmanDecision",
        "Предоставить отсрочку", "ombudsmanDecisionAt", "2026-11-16", "ombudsmanOutcome", "UPHELD",
        "ombudsmanExecutionRequired", "true", "ombudsmanExecutionDueAt", "2026-11-20"));

    JsonNode pending = json(officer.get("/api/reports/restructuring?quarter=2026-Q4"));
    assertThat(caseIn(pending, number).get("executionStatus").asText()).isEqualTo("EXECUTION_PENDING");
    assertThat(caseIn(pending, number).get("outcome").asText()).isEqualTo("UPHELD");

    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-25T10:00:00+05:00").toInstant()));
    JsonNode overdue = json(officer.get("/api/reports/restructuring?quarter=2026-Q4"));
    assertThat(caseIn(overdue, number).get("executionStatus").asText()).isEqualTo("EXECUTION_OVERDUE");

    complete(task(RestructuringProcess.TASK_EXECUTE_OMBUDSMAN, pi), withVariables("ombudsmanExecuted", true));
    JsonNode after = json(officer.get("/api/reports/restructuring?quarter=2026-Q4"));
    assertThat(caseIn(after, number).get("executionStatus").asText()).isEqualTo("EXECUTED_LATE");
    for (String figure : List.of("ombudsmanNotices", "ombudsmanDecisions", "ombudsmanDecisionsForClient",
        "ombudsmanDecisionsExecuted", "ombudsmanDecisionsExecutedLate")) {
      assertThat(after.get(figure).asLong() - before.get(figure).asLong()).as(figure).isEqualTo(1);
    }
    assertThat(overdue.get("ombudsmanExecutionOverdue").asLong() - after.get("ombudsmanExecutionOverdue").asLong())
        .isEqualTo(1);
    assertThat(after.at("/labels/ombudsmanDecisionsExecutedLate").asText()).contains("позже срока");
    String csv = officer.send(officer.request("/api/reports/restructuring?quarter=2026-Q4")
        .header("Accept", "text/csv").GET()).body();
    assertThat(csv).containsPattern("2026-Q4," + number + ",2026-11-16T10:05\\+05:00,false,2026-11-16T00:00\\+05:00,"
        + "UPHELD,true,2026-11-20T23:59:59\\+05:00,2026-11-25T10:00\\+05:00,EXECUTED_LATE\r\n");
    // the next quarter no longer lists a case closed in this one
    assertThat(json(officer.get("/api/reports/restructuring?quarter=2027-Q1")).get("ombudsmanCases").toString())
        .doesNotContain(number);
  }

  private static JsonNode caseIn(JsonNode report, String number) {
    for (JsonNode c : report.get("ombudsmanCases")) {
      if (c.get("caseNumber").asText().equals(number)) {
        return c;
      }
    }
    throw new AssertionError(number + " not in " + report.get("ombudsmanCases"));
  }

  HttpResponse<String> upload(String number, String fileName, String contentType, byte[] content) throws Exception {
    String boundary = "----appealdesk" + UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.write(content);
    out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return officer.send(officer.request("/api/restructurings/" + number + "/documents")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
  }
}
