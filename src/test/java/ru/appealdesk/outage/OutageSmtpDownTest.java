package ru.appealdesk.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import ru.appealdesk.delivery.Deliveries;
import ru.appealdesk.identity.AppGroup;
import ru.appealdesk.identity.DemoUsers;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/**
 * Issue 9, second "Done when": the company's e-mail is down during an outage. Appeals keep being accepted (API and
 * employee registration) with their deadlines running, answers wait as retryable jobs, and after recovery every answer
 * goes out exactly once; the outage record links the appeals received during it.
 */
class OutageSmtpDownTest extends AbstractIntegrationTest {

  static final String EMAIL_COMPLAINT = """
      {"jurisdiction":"RU","type":"COMPLAINT","subject":"LOAN_TERMS","channel":"%s","language":"ru",
       "client":{"fullName":"Петров Пётр Петрович","phone":"+7 900 %07d","email":"%s",
                 "postalAddress":"г. Тула, ул. Ленина, д. 1, кв. 2","postalCode":"300000","idDocument":"45 07 %06d"},
       "content":"Начислены пени сверх условий договора.","demand":"Пересчитать задолженность",
       "situationPlace":"офис на ул. Ленина","situationAt":"2026-11-18T12:00:00+03:00","contractNumber":"ДЗ-2026-778"}
      """;

  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  JavaMailSenderImpl mailSender;
  @Autowired
  Deliveries deliveries;
  @Autowired
  OutageService outages;
  @Autowired
  ObjectMapper json;

  Http as(AppGroup group) {
    return Http.as(baseUrl(), DemoUsers.of(group).id(), DemoUsers.PASSWORD);
  }

  @Test
  void appealsAreAcceptedDuringTheOutageAndEveryAnswerGoesOutOnceAfterRecovery() throws Exception {
    String since = OffsetDateTime.now(ZoneOffset.ofHours(3)).minusMinutes(30).truncatedTo(ChronoUnit.SECONDS)
        .toString();
    JsonNode started = json.readTree(as(AppGroup.APPEALS_CONTROLLER).postJson("/api/outages", """
        {"what": "Не работает почтовый сервер компании", "since": "%s", "affectedChannels": ["EMAIL"]}"""
        .formatted(since)).body());
    String outageNumber = started.path("number").asText();
    ProcessInstance playbook = runtime.createProcessInstanceQuery()
        .processInstanceId(started.path("processInstanceId").asText()).singleResult();

    int smtpPort = mailSender.getPort();
    mailSender.setPort(closedPort());
    Map<String, String> emailAppeals = new LinkedHashMap<>();
    Map<String, String> dueDates = new LinkedHashMap<>();
    Map<String, ProcessInstance> processes = new LinkedHashMap<>();
    String phoneAppeal;
    try {
      // intake over the API keeps working, and the answer clock starts as usual
      for (int i = 0; i < 3; i++) {
        String email = "outage-" + UUID.randomUUID() + "@example.test";
        JsonNode appeal = json.readTree(postAppeal("EMAIL", email).body());
        emailAppeals.put(appeal.path("number").asText(), email);
        dueDates.put(appeal.path("number").asText(), appeal.path("answerDueAt").asText());
        assertThat(appeal.path("answerDueAt").asText()).isNotEmpty();
      }
      // an employee registers a phone appeal in Tasklist
      phoneAppeal = json.readTree(postAppeal("PHONE", "phone-" + UUID.randomUUID() + "@example.test").body())
          .path("number").asText();
      ProcessInstance phone = appealProcess(phoneAppeal);
      assertThat(phone).isWaitingAt("Task_RegisterAppeal");
      complete(task("Task_RegisterAppeal", phone), withVariables("originalMarked", true));
      assertThat(phone).hasPassed("Task_RegisterAppeal");

      // the answers are prepared and approved; sending fails and waits as a retryable job
      for (String number : emailAppeals.keySet()) {
        ProcessInstance pi = prepareAndApproveAnswer(number);
        processes.put(number, pi);
        Job delivery = job("Task_DeliverByEmail", pi);
        assertThatThrownBy(() -> management.executeJob(delivery.getId())).hasMessageContaining(number);
        Job retry = job("Task_DeliverByEmail", pi);
        assertThat(retry.getRetries()).isEqualTo(4);
        assertThat(retry.getExceptionMessage()).contains(number);
        assertThat(deliveries.ofCase(number)).isEmpty();
      }
      assertThat(answersTo(emailAppeals.values())).isEmpty();

      // the status re-check during the outage already links the appeals received so far
      execute(job("Timer_RecheckStatus", playbook));
      assertThat(outages.appeals(outageNumber)).extracting(Outage.LinkedAppeal::appealNumber)
          .containsAll(emailAppeals.keySet()).contains(phoneAppeal);
      complete(task("Task_CheckRecovery", playbook),
          withVariables("serviceRestored", true, "statusNote", "Почтовый сервер снова принимает письма"));
    } finally {
      mailSender.setPort(smtpPort);
    }

    // recovery: the playbook finishes and posts the "service restored" message
    OutageCommunicationProcessTest.completeEveryChannelTask(playbook, runtime);
    execute(job("Task_CloseOutage", playbook));
    Outage outage = outages.get(outageNumber);
    assertThat(outage.status()).isEqualTo(Outage.Status.RESTORED);
    assertThat(outage.restoredMessageRu()).contains("ответы, которые не удалось отправить во время сбоя, направляются");

    // the waiting deliveries run again (the job executor would after the retry interval): each answer goes out once
    for (String number : emailAppeals.keySet()) {
      execute(job("Task_DeliverByEmail", processes.get(number)));
    }
    for (String number : emailAppeals.keySet()) {
      ProcessInstance pi = processes.get(number);
      assertThat(pi).hasPassed("Task_DeliverByEmail");
      assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("Task_DeliverByEmail").count())
          .isZero();
      assertThat(deliveries.ofCase(number)).hasSize(1);
      assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
      // the clock kept running: the deadline is the one set at intake, the outage did not move it
      JsonNode view = json.readTree(as(AppGroup.APPEALS_CONTROLLER).get("/api/appeals/" + number).body());
      assertThat(view.path("answerDueAt").asText()).isEqualTo(dueDates.get(number));
    }
    List<MimeMessage> answers = answersTo(emailAppeals.values());
    assertThat(answers).hasSize(emailAppeals.size());
    for (Map.Entry<String, String> appeal : emailAppeals.entrySet()) {
      assertThat(answers).filteredOn(m -> recipient(m).equals(appeal.getValue())).singleElement()
          .satisfies(m -> assertThat(m.getSubject()).contains(appeal.getKey()));
    }
    assertThat(outages.appeals(outageNumber)).extracting(Outage.LinkedAppeal::appealNumber)
        .containsAll(emailAppeals.keySet()).contains(phoneAppeal)
        .doesNotHaveDuplicates();
    assertThat(outages.appeals(outageNumber)).allSatisfy(a -> assertThat(a.receivedAt())
        .isBetween(outage.since(), outage.restoredAt()));
  }

  @Test
  void anAppealReceivedDuringAnOpenOutageIsLinkedAtOnce() throws Exception {
    String since = OffsetDateTime.now(ZoneOffset.ofHours(3)).minusMinutes(5).truncatedTo(ChronoUnit.SECONDS)
        .toString();
    String outageNumber = json.readTree(as(AppGroup.CONTACT_CENTER).postJson("/api/outages", """
        {"what": "Не работает личный кабинет", "since": "%s", "affectedChannels": ["PERSONAL_CABINET"]}"""
        .formatted(since)).body()).path("number").asText();

    String appeal = json.readTree(postAppeal("EMAIL", "linked-" + UUID.randomUUID() + "@example.test").body())
        .path("number").asText();

    // linked right after the intake commits, on the linker's own thread (no re-check needed)
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> {
      JsonNode record = json.readTree(as(AppGroup.APPEALS_CONTROLLER).get("/api/outages/" + outageNumber).body());
      List<String> linked = new ArrayList<>();
      record.path("appeals").forEach(a -> linked.add(a.path("appealNumber").asText()));
      assertThat(linked).contains(appeal);
    });
  }

  private java.net.http.HttpResponse<String> postAppeal(String channel, String email) {
    int n = (int) (Math.random() * 899_999) + 100_000;
    var response = as(channel.equals("PHONE") ? AppGroup.CONTACT_CENTER : AppGroup.INTERNET_MARKETER)
        .postJson("/api/appeals", EMAIL_COMPLAINT.formatted(channel, n, email, n));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return response;
  }

  private ProcessInstance appealProcess(String number) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey("appeal-handling").singleResult();
  }

  private ProcessInstance prepareAndApproveAnswer(String number) {
    ProcessInstance pi = appealProcess(number);
    complete(task("Task_PrepareConclusion", pi), withVariables("conclusionText", "Пени начислены по договору."));
    complete(task("Task_PrepareAnswer", pi), withVariables("answerOutcome", "EXPLAINED",
        "answerText", "Пени начислены в соответствии с пунктом 12 договора займа."));
    complete(task("Task_ApproveAnswer", pi), withVariables("answerApproved", true));
    assertThat(pi).isWaitingAt("Task_DeliverByEmail");
    return pi;
  }

  private static List<MimeMessage> answersTo(java.util.Collection<String> recipients) {
    return Arrays.stream(SMTP.getReceivedMessages())
        .filter(m -> recipients.contains(recipient(m)))
        .filter(m -> subject(m).startsWith("Ответ на обращение"))
        .toList();
  }

  private static String recipient(MimeMessage m) {
    try {
      return m.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
