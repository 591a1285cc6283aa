package ru.appealdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static ru.appealdesk.appeal.AppealFlows.appeal;
import static ru.appealdesk.appeal.AppealFlows.at;
import static ru.appealdesk.appeal.AppealFlows.client;
import static ru.appealdesk.appeal.AppealFlows.document;
import static ru.appealdesk.appeal.AppealFlows.now;

import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import ru.appealdesk.appeal.AppealFlows;
import ru.appealdesk.mail.MailOutbox;
import ru.appealdesk.support.AbstractIntegrationTest;

/**
 * Issue 13, "One legal clock per case": the answer deadline is watched from registration until the answer is delivered,
 * whichever step holds the case when it runs out. Each case late in a step records exactly one breach naming that step
 * and its group and escalates exactly once; a case delivered in time records none. The example of the issue: a debt
 * certificate by letter received Mon 02.11.2026, due Fri 06.11 (3 working days; 04.11 is a holiday).
 */
class CaseClockProcessTest extends AbstractIntegrationTest {

  static final String RECEIVED = "2026-11-02T10:00:00+03:00";
  static final String AFTER_DEADLINE = "2026-11-07T00:00:05+03:00";

  @Autowired
  AppealFlows flows;
  @Autowired
  ManagementService management;
  @Autowired
  TaskService taskService;
  @Autowired
  SlaBreaches breaches;
  @Autowired
  CaseClocks clocks;
  @Autowired
  MailOutbox outbox;
  @Autowired
  StepReminders stepReminders;
  @Autowired
  JavaMailSenderImpl mailSender;
  @Autowired
  JdbcClient jdbc;

  @BeforeEach
  void received() {
    now("2026-11-02T10:30:00+03:00");
  }

  /** DEBT_CERTIFICATE by LETTER: registered by the office, answered by the branch head, a signed and sent letter. */
  ProcessInstance certificateByLetter() {
    ProcessInstance pi = flows.start(appeal("RU", "APPLICATION", "DEBT_CERTIFICATE", "LETTER", client(document()), true,
        false, RECEIVED));
    flows.register(pi);
    assertThat(pi.getBusinessKey()).isNotNull();
    assertThat(flows.timer(pi, "Timer_AnswerDeadline").getDuedate()).isEqualTo(at("2026-11-06T23:59:59+03:00"));
    return pi;
  }

  /** The letter's steps done up to (not including) {@code stopAt}, each on its own day; the case then waits there. */
  ProcessInstance certificateHeldAt(String stopAt) {
    ProcessInstance pi = certificateByLetter();
    now("2026-11-06T10:00:00+03:00");
    flows.answer(pi);
    for (String step : List.of("Task_DraftLetter", "Task_SignLetter", "Task_RegisterLetter", "Task_SendLetter")) {
      if (step.equals(stopAt)) {
        return pi;
      }
      Task t = flows.letterTask(pi);
      assertThat(t.getTaskDefinitionKey()).isEqualTo(step);
      assertThat(t.getDueDate()).as("a step's due date never passes the case's").isBeforeOrEqualTo(
          at("2026-11-06T23:59:59+03:00"));
      complete(t, withVariables("signed", "true", "registrationConfirmed", true, "dispatchMethod", "REGISTERED_MAIL",
          "trackingNumber", "80081234567890"));
    }
    flows.runLetterJobs(pi);
    return pi;
  }

  /** Runs out the answer clock; returns the case's breaches afterwards. */
  List<SlaBreach> deadlinePasses(ProcessInstance pi) {
    Job deadline = flows.timer(pi, "Timer_AnswerDeadline");
    assertThat(deadline).as("the answer clock is running").isNotNull();
    now(AFTER_DEADLINE);
    execute(deadline);
    return breaches.forCase(pi.getBusinessKey());
  }

  long escalations(ProcessInstance pi) {
    return taskService.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
        .taskDefinitionKey("Task_EscalationAnswerDeadline").count();
  }

  void assertOneBreachAt(ProcessInstance pi, List<SlaBreach> recorded, String step, String group) {
    assertThat(recorded).singleElement().satisfies(b -> {
      assertThat(b.getClock()).isEqualTo("ANSWER");
      assertThat(b.getStep()).isEqualTo(step);
      assertThat(b.getGroupId()).isEqualTo(group);
      assertThat(b.getDueAt()).isEqualTo(at("2026-11-06T23:59:59+03:00").toInstant());
      assertThat(clocks.find(pi.getBusinessKey(), "ANSWER")).as("the breach is marked on the clock")
          .hasValueSatisfying(c -> assertThat(c.breachedAt()).isEqualTo(b.getBreachedAt()));
    });
    assertThat(escalations(pi)).isEqualTo(1);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
        .taskDefinitionKey("Task_EscalationAnswerDeadline").singleResult()).satisfies(t ->
        assertThat(taskService.getIdentityLinksForTask(t.getId())).anySatisfy(l ->
            assertThat(l.getGroupId()).isEqualTo("appeals-controller")));
    assertThat(flows.timer(pi, "Timer_AnswerDeadline")).as("the clock fires once").isNull();
  }

  @Test
  void lateInLetterSignatureThenRegistrationIsOneBreachNamingTheSignatureStep() {
    ProcessInstance pi = certificateHeldAt("Task_SignLetter");
    assertOneBreachAt(pi, deadlinePasses(pi), "Task_SignLetter", "branch-head");
  }

  @Test
  void lateInLetterRegistrationIsOneBreachNamingTheOfficeManager() {
    ProcessInstance pi = certificateHeldAt("Task_RegisterLetter");
    List<SlaBreach> recorded = deadlinePasses(pi);
    assertOneBreachAt(pi, recorded, "Task_RegisterLetter", "office-manager");
    assertThat(recorded.get(0).getStepName()).isEqualTo("Зарегистрировать письмо");
    // the rest of the case goes on; nothing is recorded or escalated twice
    complete(flows.letterTask(pi), withVariables("registrationConfirmed", true));
    complete(flows.letterTask(pi), withVariables("dispatchMethod", "REGISTERED_MAIL",
        "trackingNumber", "80081234567890"));
    flows.runLetterJobs(pi);
    now("2026-11-12T12:00:00+03:00");
    flows.deliver(pi, "Task_RecordLetterDelivery", "2026-11-12");
    assertThat(breaches.forCase(pi.getBusinessKey())).hasSize(1);
    assertThat(escalations(pi)).isEqualTo(1);
  }

  @Test
  void lateInSendingIsOneBreachNamingTheSendingStep() {
    ProcessInstance pi = certificateHeldAt("Task_SendLetter");
    assertOneBreachAt(pi, deadlinePasses(pi), "Task_SendLetter", "office-manager");
  }

  @Test
  void lateInDeliveryIsOneBreachNamingTheDeliveryStep() {
    ProcessInstance pi = certificateHeldAt("none");
    assertOneBreachAt(pi, deadlinePasses(pi), "Task_RecordLetterDelivery", "branch-head");
  }

  @Test
  void lateInApprovalAndInRevisionAreOneBreachEach() {
    now("2026-11-20T11:00:00+03:00");
    ProcessInstance approval = flows.start(appeal("RU", "COMPLAINT", "LOAN_TERMS", "EMAIL", client(document()), true,
        false, "2026-11-20T10:00:00+03:00"));
    now("2026-12-04T12:00:00+03:00");
    flows.conclude(approval);
    flows.answer(approval);
    Job deadline = flows.timer(approval, "Timer_AnswerDeadline");
    assertThat(deadline.getDuedate()).isEqualTo(at("2026-12-04T23:59:59+03:00"));
    now("2026-12-05T00:00:01+03:00");
    execute(deadline);
    assertThat(breaches.forCase(approval.getBusinessKey())).singleElement().satisfies(b -> {
      assertThat(b.getStep()).isEqualTo("Task_ApproveAnswer");
      assertThat(b.getGroupId()).isEqualTo("branch-head");
    });
    assertThat(escalations(approval)).isEqualTo(1);

    now("2026-11-20T11:00:00+03:00");
    ProcessInstance revision = flows.start(appeal("RU", "COMPLAINT", "LOAN_TERMS", "EMAIL", client(document()), true,
        false, "2026-11-20T10:00:00+03:00"));
    flows.conclude(revision);
    flows.answer(revision);
    flows.approve(revision, false);
    now("2026-12-05T00:00:01+03:00");
    execute(flows.timer(revision, "Timer_AnswerDeadline"));
    assertThat(breaches.forCase(revision.getBusinessKey())).singleElement()
        .satisfies(b -> assertThat(b.getStep()).isEqualTo("Task_ReviseAnswer"));
    assertThat(escalations(revision)).isEqualTo(1);
  }

  @Test
  void aCaseDeliveredInTimeRecordsNoBreachAndStopsItsClock() {
    ProcessInstance pi = certificateHeldAt("none");
    flows.deliver(pi, "Task_RecordLetterDelivery", "2026-11-06");
    assertThat(flows.timer(pi, "Timer_AnswerDeadline")).isNull();
    assertThat(breaches.forCase(pi.getBusinessKey())).isEmpty();
    assertThat(escalations(pi)).isZero();
  }

  @Test
  void theReminderOnTheLastWorkingDayGoesToWhoeverHoldsTheCase() {
    ProcessInstance pi = certificateHeldAt("Task_RegisterLetter");
    Job reminder = flows.timer(pi, "Timer_AnswerDeadlineReminder");
    assertThat(reminder.getDuedate()).isEqualTo(at("2026-11-06T00:00:00+03:00"));
    long escalationDecisions = escalationDecisions();
    execute(reminder);
    assertThat(queued(pi)).containsExactly("REMINDER");
    outbox.sendDue();
    assertThat(mails("officemanager")).anySatisfy(m -> assertThat(m.getSubject()).startsWith("Напоминание")
        .contains(pi.getBusinessKey()).contains("06.11.2026 23:59"));
    assertThat(escalationDecisions()).as("a reminder does not ask the escalation table").isEqualTo(escalationDecisions);
    assertThat(breaches.forCase(pi.getBusinessKey())).isEmpty();
  }

  @Test
  void aReminderThatFiresAfterTheDeadlineSendsNothingAndTheBreachEscalates() {
    ProcessInstance pi = certificateHeldAt("Task_RegisterLetter");
    Job reminder = flows.timer(pi, "Timer_AnswerDeadlineReminder");
    now(AFTER_DEADLINE); // the job executor was down on the case's last day: both timers are due now
    execute(reminder);
    assertThat(queued(pi)).as("no reminder of a day gone by").isEmpty();
    assertOneBreachAt(pi, deadlinePasses(pi), "Task_RegisterLetter", "office-manager");
    assertThat(queued(pi)).isNotEmpty().containsOnly("ESCALATION");
  }

  /** What the mail outbox holds for the case, by purpose. */
  List<String> queued(ProcessInstance pi) {
    return jdbc.sql("select purpose from mail_outbox where case_number = :n order by id")
        .param("n", pi.getBusinessKey()).query(String.class).list();
  }

  long escalationDecisions() {
    return processEngine.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(EscalationGroups.DECISION).count();
  }

  @Test
  void letterStepsGetTheirDueDateAndReminderFromTheOneMechanismAndAreRemindedOnce() {
    ProcessInstance pi = certificateHeldAt("Task_RegisterLetter");
    Task t = flows.letterTask(pi);
    assertThat(t.getTaskDefinitionKey()).isEqualTo("Task_RegisterLetter");
    // due: one working day, never past the case's answer deadline; reminder: its last working day, never before now
    assertThat(t.getDueDate()).isEqualTo(at("2026-11-06T23:59:59+03:00"));
    assertThat(t.getFollowUpDate()).isEqualTo(at("2026-11-06T10:00:00+03:00"));
    now("2026-11-06T10:05:00+03:00");
    stepReminders.sweep();
    stepReminders.sweep();
    // the sweep reminds every task of the database whose day has come: send them all, none is left for other tests
    for (int i = 0; i < 100 && outbox.counts().pending() > 0; i++) {
      outbox.sendDue();
    }
    assertThat(mails("officemanager")).filteredOn(m -> subject(m).startsWith("Напоминание")
        && subject(m).contains(pi.getBusinessKey())).hasSize(1);
    assertThat(breaches.forCase(pi.getBusinessKey())).isEmpty();
  }

  static String subject(MimeMessage m) {
    try {
      return m.getSubject() == null ? "" : m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aBreachAndItsEscalationAreRecordedWhileTheMailServerIsDownAndTheMailGoesOutLater() throws Exception {
    ProcessInstance pi = certificateHeldAt("Task_RegisterLetter");
    int port = mailSender.getPort();
    try (ServerSocket s = new ServerSocket(0)) {
      mailSender.setPort(s.getLocalPort());
    }
    try {
      assertOneBreachAt(pi, deadlinePasses(pi), "Task_RegisterLetter", "office-manager");
      outbox.sendDue();
      // other cases' mail still queued by earlier tests may go out here: only this case's escalation must wait
      assertThat(mails("controller")).noneSatisfy(m -> assertThat(m.getSubject()).contains(pi.getBusinessKey()));
      assertThat(outbox.counts().pending()).isPositive();
    } finally {
      mailSender.setPort(port);
    }
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
      outbox.sendDue();
      assertThat(mails("controller")).anySatisfy(m -> assertThat(m.getSubject()).contains(pi.getBusinessKey()));
    });
  }

  List<MimeMessage> mails(String user) {
    return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().startsWith(user + "@"));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }
}
