package ru.appealdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.appealdesk.casefile.SampleFiles;
import ru.appealdesk.identity.CaseFixtures;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/**
 * Issue 14, log policy: a run's marked personal data (name, phone, e-mail, passport, address, free text) goes through
 * every endpoint and every kind of failure — validation, parsing, uploads, the engine refusing a start form, the
 * database refusing a value (a restructuring's circumstances longer than the variable column, the very failure that
 * leaked a client's name, phone and passport on 14 log lines), wrong passwords — and the log of the whole test, at
 * production levels, holds none of it.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataLogTest extends AbstractIntegrationTest {

  @Autowired
  ObjectMapper json;
  @Autowired
  TaskService taskService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  LoginThrottle throttle;

  final PersonalDataMarkers pd = new PersonalDataMarkers();

  @AfterEach
  void cleanUp() {
    OutageHygiene.closeOpenOutages(jdbc, runtimeService);
    throttle.reset();
  }

  @Test
  void markedPersonalDataNeverReachesTheLog(CapturedOutput output) throws Exception {
    List<Integer> statuses = new ArrayList<>();
    try (LogCapture levels = LogCapture.productionLevels()) {
      Http intake = Http.as(baseUrl(), "webmarketer", "demo");
      Http lawyer = Http.as(baseUrl(), "lawyer", "demo");
      Http admin = Http.as(baseUrl(), "demo", "demo");

      // the happy path: intake, view, case file, status page
      String number = CaseFixtures.ruComplaint(intake, json, pd.fullName, pd.phone, pd.email, pd.address, pd.passport,
          pd.text);
      statuses.add(lawyer.get("/api/appeals/" + number).statusCode());
      statuses.add(CaseFixtures.upload(lawyer, number, pd.fullName + ".pdf", "application/pdf", SampleFiles.pdf(1))
          .statusCode());
      statuses.add(lawyer.postJson("/api/appeals/" + number + "/information",
          "{\"note\":\"" + pd.text + "\",\"client\":{\"fullName\":\"" + pd.fullName + "\"}}").statusCode());

      // refused input of every kind, with personal data in every field
      String complaint = """
          {"jurisdiction":"RU","type":"COMPLAINT","subject":"LOAN_TERMS","channel":"EMAIL",
           "receivedAt":"2026-11-20T10:00:00+03:00","client":{"fullName":"%s","phone":"%s","email":"%s",
           "postalAddress":"%s","idDocument":"%s"},"content":"%s"}""".formatted(pd.fullName, pd.phone, pd.email,
          pd.address, pd.passport, pd.text);
      statuses.add(intake.postJson("/api/appeals", complaint.replace("\"COMPLAINT\"", "\"" + pd.fullName + "\""))
          .statusCode());
      statuses.add(intake.postJson("/api/appeals", complaint.replace(pd.text, pd.text + "\\u0000")).statusCode());
      statuses.add(intake.postJson("/api/appeals", complaint.replace("\"content\"", "\"content\":\"" + pd.address
          + "\",\"content\"")).statusCode());
      statuses.add(intake.postJson("/api/appeals", complaint.replace("\"content\"", "\"" + pd.email
          + "\":1,\"content\"")).statusCode());
      statuses.add(intake.postJson("/api/appeals", complaint.replace("2026-11-20T10:00:00+03:00",
          "+999999999-12-31T23:59:59+18:00")).statusCode());
      statuses.add(intake.postJson("/api/appeals", complaint.replace("\"EMAIL\",", "\"EMAIL\",\"receivedAt\":\""
          + pd.text + "\",")).statusCode());
      statuses.add(intake.postJson("/api/appeals", complaint.substring(0, complaint.length() / 2)).statusCode());
      statuses.add(intake.postJson("/api/appeals", complaint.replace(pd.fullName, pd.fullName.repeat(40)))
          .statusCode());
      statuses.add(CaseFixtures.upload(lawyer, number, pd.fullName + ".pdf", "application/pdf", SampleFiles.exe())
          .statusCode());
      statuses.add(CaseFixtures.upload(lawyer, "RU-2026-" + pd.phoneDigits.substring(0, 6), pd.email + ".txt",
          "text/plain", SampleFiles.text(pd.text)).statusCode());
      statuses.add(Http.anonymous(baseUrl()).get("/status/" + number + "?token=wrong").statusCode());

      // restructurings: the application that broke the insert before (circumstances of 4,275 characters)
      Http officer = Http.as(baseUrl(), "rightsofficer", "demo");
      String restructuring = """
          {"borrower":{"fullName":"%s","iin":"900101400122","phone":"%s","email":"%s","postalAddress":"%s"},
           "contractNumber":"MK-%s","language":"ru","receivedAt":"2026-11-16T10:00:00+05:00",
           "requestedOptions":["PAYMENT_DEFERRAL"],"circumstances":"%s",
           "monthlyIncome":[100,100,100,100,100,100,100,100,100,100,70,70]}"""
          .formatted(pd.fullName, pd.phone, pd.email, pd.address, pd.token, (pd.text + " ").repeat(120)
              .substring(0, 4275));
      statuses.add(officer.postJson("/api/restructurings", restructuring).statusCode());
      statuses.add(officer.postJson("/api/restructurings", restructuring.replace("900101400122", pd.passport))
          .statusCode());

      // the engine refusing what Tasklist's start forms submit: a wrong code, and values longer than the
      // engine's variable column (the database refuses the insert)
      submitForm(Http.as(baseUrl(), "officer", "demo"), "appeal-handling", """
          {"jurisdiction":{"value":"RU"},"appealType":{"value":"%s"},"channel":{"value":"OFFICE_WRITTEN"},
           "clientFullName":{"value":"%s"},"clientPhone":{"value":"%s"},"appealContent":{"value":"%s"}}"""
          .formatted(pd.fullName, pd.fullName, pd.phone, pd.text));
      submitForm(Http.as(baseUrl(), "officer", "demo"), "appeal-handling", """
          {"jurisdiction":{"value":"RU"},"appealType":{"value":"COMPLAINT"},"subject":{"value":"LOAN_TERMS"},
           "channel":{"value":"OFFICE_WRITTEN"},"clientFullName":{"value":"%s"},"clientPhone":{"value":"%s"},
           "clientIdDocument":{"value":"%s"},"appealContent":{"value":"%s"}}"""
          .formatted((pd.fullName + " ").repeat(300), pd.phone, pd.passport, (pd.text + " ").repeat(200)));
      submitForm(officer, "kz-restructuring", """
          {"borrowerFullName":{"value":"%s"},"borrowerIin":{"value":"900101400122"},"borrowerPhone":{"value":"%s"},
           "contractNumber":{"value":"MK-1"},"language":{"value":"ru"},"receivedAt":{"value":"2026-11-16T10:00:00+05:00"},
           "requestedOptions":{"value":"PAYMENT_DEFERRAL"},"circumstances":{"value":"%s"}}"""
          .formatted(pd.fullName, pd.phone, (pd.text + " ").repeat(120).substring(0, 4275)));

      // a task completed with personal data that the form's checks refuse
      Task answer = taskService.createTaskQuery().processInstanceBusinessKey(number)
          .taskDefinitionKey("Task_PrepareAnswer").singleResult();
      if (answer != null) {
        lawyer.postJson("/engine-rest/task/" + answer.getId() + "/submit-form", """
            {"variables":{"answerText":{"value":"%s"},"answerOutcome":{"value":"%s"}}}"""
            .formatted(pd.text + "\\u0000", pd.fullName));
      }

      // outages, calendars, overdue lists
      Http controller = Http.as(baseUrl(), "controller", "demo");
      statuses.add(controller.postJson("/api/outages", "{\"what\":\"" + pd.text + "\",\"since\":\"" + pd.address
          + "\",\"affectedChannels\":[\"" + pd.email + "\"]}").statusCode());
      statuses.add(admin.postJson("/api/calendars", "{\"country\":\"" + pd.fullName + "\",\"year\":2099,\"days\":"
          + "[{\"date\":\"" + pd.phone + "\",\"type\":\"" + pd.email + "\",\"title\":\"" + pd.text + "\"}]}")
          .statusCode());
      statuses.add(controller.get("/api/deadlines/overdue?group=" + pd.token).statusCode());

      // wrong passwords (the password is personal to the employee and is never logged)
      statuses.add(Http.as(baseUrl(), "collector", pd.passport).get("/api/deadlines/overdue").statusCode());
      statuses.add(Http.anonymous(baseUrl()).send(Http.anonymous(baseUrl())
          .request("/camunda/api/admin/auth/user/default/login/tasklist")
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=collector&password=" + pd.token,
              StandardCharsets.UTF_8))).statusCode());
    }

    assertThat(statuses).as("every request was answered, none with a server error").allMatch(s -> s < 500)
        .contains(200, 201, 400, 401, 404);
    String log = output.getAll();
    assertThat(log).as("the failures above were logged (and so the search below means something)")
        .contains("Exception while closing command context").contains(WithheldExceptionMessages.MESSAGE_WITHHELD)
        .contains("Login failed for user collector");
    assertThat(pd.hits(log)).as("log lines with the run's personal data").isEmpty();
  }

  /** Tasklist's start: Camunda REST answers the engine's refusals itself (the /api rules do not apply there). */
  private void submitForm(Http http, String processKey, String variables) {
    http.postJson("/engine-rest/process-definition/key/" + processKey + "/submit-form",
        "{\"variables\":" + variables + "}");
  }
}
