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

import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.appealdesk.appeal.AppealFlows;
import ru.appealdesk.appeal.AppealSteps;
import ru.appealdesk.appeal.InformationUpdate;
import ru.appealdesk.support.AbstractIntegrationTest;

/**
 * Issue 13, items 3 and 4, on the examples: an information request stops the answer clock (RU: the 442-FZ
 * ceiling grows once by 10 working days and the client is told); while it waits, the clock's timers wait for the
 * ceiling, so no breach is recorded at the old date; the information counts from the day it was received, never makes
 * the deadline shorter and never lets it pass the ceiling.
 */
class InformationClockProcessTest extends AbstractIntegrationTest {

  @Autowired
  AppealFlows flows;
  @Autowired
  AppealSteps steps;
  @Autowired
  SlaBreaches breaches;
  @Autowired
  ManagementService management;
  @Autowired
  TaskService taskService;
  @Autowired
  JdbcTemplate jdbc;

  /** A loan-terms complaint by e-mail received and registered Mon 02.11.2026: 10 WD → Tue 17.11; 442-FZ → Tue 24.11. */
  ProcessInstance loanTermsComplaint() {
    now("2026-11-02T10:30:00+03:00");
    ProcessInstance pi = flows.start(appeal("RU", "COMPLAINT", "LOAN_TERMS", "EMAIL", client(document()), true, false,
        "2026-11-02T10:00:00+03:00"));
    assertThat(flows.appeal(pi).getAnswerDueAt()).isEqualTo(at("2026-11-17T23:59:59+03:00").toInstant());
    assertThat(flows.appeal(pi).getLegalDeadlineAt()).as("15 WD after registration on 02.11 (04.11 is a holiday)")
        .isEqualTo(at("2026-11-24T23:59:59+03:00").toInstant());
    flows.conclude(pi);
    return pi;
  }

  /** The responsible employee asks the client for a document from the answer task. */
  void requestFromTheAnswerTask(ProcessInstance pi, String when) {
    now(when);
    complete(task("Task_PrepareAnswer", pi), withVariables("answerAction", "REQUEST_INFORMATION",
        "informationRequestText", "Пришлите, пожалуйста, копию графика платежей."));
    complete(task("Task_RequestInformation", pi),
        withVariables("informationRequestText", "Пришлите, пожалуйста, копию графика платежей."));
    assertThat(task("Task_ReceiveInformation", pi)).isNotNull();
  }

  void informationReceived(ProcessInstance pi, String enteredAt, String receivedAt) {
    now(enteredAt);
    steps.informationReceived(pi.getBusinessKey(), new InformationUpdate("График платежей приложен.", null, null,
        null, null, null, List.of(), OffsetDateTime.parse(receivedAt)));
    assertThat(task("Task_PrepareAnswer", pi)).isNotNull();
  }

  @Test
  void theCeilingCapsTheDeadlineAfterTheInformationAndTheWaitRecordsNoBreach() {
    ProcessInstance pi = loanTermsComplaint();
    requestFromTheAnswerTask(pi, "2026-11-16T11:00:00+03:00");

    assertThat(flows.appeal(pi).getLegalDeadlineAt()).as("442-FZ: +10 WD once, 24.11 → 08.12")
        .isEqualTo(at("2026-12-08T23:59:59+03:00").toInstant());
    assertThat(jdbc.queryForObject("select count(*) from mail_outbox where case_number = ? and purpose = ?",
        Integer.class, pi.getBusinessKey(), "DEADLINE_EXTENDED")).as("the client is told of the extension")
        .isEqualTo(1);
    assertThat(flows.timer(pi, "Timer_AnswerDeadline").getDuedate()).as("a waiting clock's timer waits for the ceiling")
        .isEqualTo(at("2026-12-08T23:59:59+03:00"));
    now("2026-11-18T09:00:00+03:00");
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).timers().executable().count())
        .as("nothing is due on the day after the old deadline").isZero();
    assertThat(breaches.forCase(pi.getBusinessKey())).isEmpty();

    // received Fri 04.12: 5 WD → Fri 11.12, past the ceiling → 08.12
    informationReceived(pi, "2026-12-07T09:00:00+03:00", "2026-12-04T15:00:00+03:00");
    assertThat(flows.appeal(pi).getAnswerDueAt()).isEqualTo(at("2026-12-08T23:59:59+03:00").toInstant());
    assertThat(flows.timer(pi, "Timer_AnswerDeadline").getDuedate()).isEqualTo(at("2026-12-08T23:59:59+03:00"));
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_PrepareAnswer")
        .singleResult().getDueDate()).isBeforeOrEqualTo(at("2026-12-08T23:59:59+03:00"));
    assertThat(flows.view(pi).deadlineHistory()).extracting(h -> h.event())
        .contains("STARTED", "EXTENDED", "SUSPENDED", "RESUMED");
  }

  /** The information never came: the breach is recorded at the ceiling and measured against it, not the old date. */
  @Test
  void aBreachWhileTheClockWaitsIsMeasuredAgainstTheCeiling() {
    ProcessInstance pi = loanTermsComplaint();
    requestFromTheAnswerTask(pi, "2026-11-16T11:00:00+03:00");

    now("2026-12-09T09:00:00+03:00");
    execute(flows.timer(pi, "Timer_AnswerDeadline"));
    assertThat(breaches.forCase(pi.getBusinessKey())).singleElement().satisfies(b -> {
      assertThat(b.getClock()).isEqualTo("ANSWER");
      assertThat(b.getDueAt()).isEqualTo(at("2026-12-08T23:59:59+03:00").toInstant());
    });
    assertThat(jdbc.queryForObject("select subject from mail_outbox where case_number = ? and purpose = ?",
        String.class, pi.getBusinessKey(), "ESCALATION")).startsWith("Просрочка");
    assertThat(jdbc.queryForObject("select body from mail_outbox where case_number = ? and purpose = ?",
        String.class, pi.getBusinessKey(), "ESCALATION")).as("the e-mail names the deadline of the record")
        .contains("истёк 08.12.2026 23:59");
  }

  /**
   * While the clock waits, its reminder waits for the start of the ceiling's last working day (not the ceiling itself,
   * when a reminder would be too late and send nothing): whoever holds the case is told the ceiling.
   */
  @Test
  void theReminderOfAWaitingClockComesOnTheCeilingsLastDay() {
    ProcessInstance pi = loanTermsComplaint();
    requestFromTheAnswerTask(pi, "2026-11-16T11:00:00+03:00");
    assertThat(flows.timer(pi, "Timer_AnswerDeadline").getDuedate()).isEqualTo(at("2026-12-08T23:59:59+03:00"));
    assertThat(flows.timer(pi, "Timer_AnswerDeadlineReminder").getDuedate()).isEqualTo(at("2026-12-08T00:00:00+03:00"));

    now("2026-12-08T00:00:01+03:00");
    execute(flows.timer(pi, "Timer_AnswerDeadlineReminder"));
    assertThat(jdbc.queryForList("select subject from mail_outbox where case_number = ? and purpose = ?",
        String.class, pi.getBusinessKey(), "REMINDER")).isNotEmpty()
        .allSatisfy(subject -> assertThat(subject).startsWith("Напоминание").contains("08.12.2026 23:59"));
  }

  @Test
  void theInformationCountsFromTheDayItWasReceivedNotTheDayItWasEntered() {
    // an office-hours complaint by letter, received Mon 02.11: 3 WD → Fri 06.11; details missing → request at once
    now("2026-11-02T10:30:00+03:00");
    ProcessInstance pi = flows.start(appeal("RU", "COMPLAINT", "OFFICE_HOURS", "WEBSITE", client(document()), false,
        false, "2026-11-02T10:00:00+03:00"));
    flows.register(pi);
    complete(task("Task_RequestInformation", pi),
        withVariables("informationRequestText", "Сообщите, в каком офисе и когда это произошло."));
    assertThat(flows.appeal(pi).getAnswerDueAt()).isEqualTo(at("2026-11-06T23:59:59+03:00").toInstant());

    // received Fri 06.11 in the evening, entered Mon 09.11: 5 WD from the 6th → Fri 13.11 (not 16.11)
    informationReceived(pi, "2026-11-09T09:30:00+03:00", "2026-11-06T18:40:00+03:00");
    assertThat(flows.appeal(pi).getAnswerDueAt()).isEqualTo(at("2026-11-13T23:59:59+03:00").toInstant());
    assertThat(flows.timer(pi, "Timer_AnswerDeadline").getDuedate()).isEqualTo(at("2026-11-13T23:59:59+03:00"));
  }

  @Test
  void informationThatArrivesEarlyNeverMakesTheDeadlineShorter() {
    ProcessInstance pi = loanTermsComplaint();
    requestFromTheAnswerTask(pi, "2026-11-05T11:00:00+03:00");
    // received Fri 06.11: 5 WD → Fri 13.11, earlier than the original Tue 17.11 → 17.11 stays
    informationReceived(pi, "2026-11-06T16:00:00+03:00", "2026-11-06T15:00:00+03:00");
    assertThat(flows.appeal(pi).getAnswerDueAt()).isEqualTo(at("2026-11-17T23:59:59+03:00").toInstant());
    assertThat(flows.timer(pi, "Timer_AnswerDeadline").getDuedate()).isEqualTo(at("2026-11-17T23:59:59+03:00"));
  }
}
