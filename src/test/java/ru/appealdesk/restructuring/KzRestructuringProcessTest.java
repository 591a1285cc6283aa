package ru.appealdesk.restructuring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static ru.appealdesk.restructuring.RestructuringProcess.TASK_APPROVE_DECISION;
import static ru.appealdesk.restructuring.RestructuringProcess.TASK_AWAIT_CLIENT_RESPONSE;
import static ru.appealdesk.restructuring.RestructuringProcess.TASK_AWAIT_OMBUDSMAN;
import static ru.appealdesk.restructuring.RestructuringProcess.TASK_CHANGE_CONTRACT;
import static ru.appealdesk.restructuring.RestructuringProcess.TASK_DELIVER_DECISION;
import static ru.appealdesk.restructuring.RestructuringProcess.TASK_EXECUTE_OMBUDSMAN;
import static ru.appealdesk.restructuring.RestructuringProcess.TASK_NOTIFY_REFUSAL;
import static ru.appealdesk.restructuring.RestructuringProcess.TASK_PREPARE_DECISION;
import static ru.appealdesk.restructuring.RestructuringProcess.TASK_RECORD_OMBUDSMAN;
import static ru.appealdesk.restructuring.RestructuringProcess.TASK_REMIND_DOCUMENTS;
import static ru.appealdesk.restructuring.RestructuringProcess.TASK_REVIEW;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import ru.appealdesk.deadline.CaseClocks;
import ru.appealdesk.deadline.Jurisdiction;
import ru.appealdesk.deadline.OverdueTasks;
import ru.appealdesk.deadline.DeadlineService;
import ru.appealdesk.deadline.SlaBreaches;
import ru.appealdesk.mail.MailOutbox;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.platform.ConflictException;
import ru.appealdesk.restructuring.RestructuringApplication.Borrower;
import ru.appealdesk.restructuring.RestructuringProcess.ClientResponse;
import ru.appealdesk.restructuring.RestructuringService.Extension;
import ru.appealdesk.support.AbstractIntegrationTest;

/**
 * Every path of bpmn/kz-restructuring.bpmn (issues 6 and 16). Monday 16.11.2026 10:00 Almaty is day 0. Limits that
 * only the forms declare (required fields, allowed values, 1..120 months) are the form validator's (issue 15) and are
 * not asserted here; the business checks declared as listeners in the diagram are.
 */
class KzRestructuringProcessTest extends AbstractIntegrationTest {

  static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-11-16T10:00:00+05:00");

  @Autowired
  RestructuringService service;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService taskService;
  @Autowired
  DeadlineService deadlines;
  @Autowired
  SlaBreaches slaBreaches;
  @Autowired
  CaseClocks caseClocks;
  @Autowired
  OverdueTasks overdue;
  @Autowired
  ManagementService management;
  @Autowired
  HistoryService historyService;
  @Autowired
  MailOutbox outbox;
  @Autowired
  JavaMailSenderImpl mailSender;

  // ---------------------------------------------------------------- ¶75 (second numbering): suspended until documents

  @Test
  void documentsRequestedSuspendConsiderationWithRemindersUntilTheUploadResumesIt() {
    ProcessInstance pi = apply(false, "100");
    assertThat(pi).isWaitingAt(TASK_REVIEW);
    assertThat(task(TASK_REVIEW, pi)).hasCandidateGroup("client-rights-officer")
        .hasDueDate(at("2026-12-01T23:59:59+05:00"));
    assertThat(view(pi)).containsEntry("status", "UNDER_REVIEW").containsEntry("earlyRepaymentDemandBlocked", true);

    // the list of documents depends on the officer's choice: the server asks for it (the form cannot require it)
    assertThatThrownBy(() -> complete(task(TASK_REVIEW, pi), withVariables("documentsNeeded", true)))
        .hasMessageContaining("requestedDocuments");
    complete(task(TASK_REVIEW, pi), withVariables("documentsNeeded", "true",
        "requestedDocuments", "Справка с места работы об увольнении"));
    assertThat(pi).isWaitingAt("Timer_DocumentsNotReceived").hasPassed("StartEvent_DocumentsSuspended");
    assertThat(view(pi)).containsEntry("status", "DOCUMENTS_REQUESTED").containsEntry("earlyRepaymentDemandBlocked", true);
    assertThat(job("Timer_DocumentsNotReceived", pi).getDuedate())
        .isEqualTo(deadlines.due("KZ", Date.from(RECEIVED.toInstant()), 10, "CALENDAR_DAYS"));

    // ten days without documents: the officer reminds the client, nothing closes, the block stays
    ClockUtil.setCurrentTime(at("2026-11-26T23:59:59+05:00"));
    execute(job("Timer_DocumentsNotReceived", pi));
    assertThat(pi).isWaitingAt(TASK_REMIND_DOCUMENTS);
    assertThat(task(TASK_REMIND_DOCUMENTS, pi)).hasCandidateGroup("client-rights-officer").hasDueDate(
        deadlines.due("KZ", at("2026-11-26T23:59:59+05:00"), 3, "CALENDAR_DAYS"));
    assertThatThrownBy(() -> complete(task(TASK_REMIND_DOCUMENTS, pi), withVariables("suspensionAction", "REMINDED")))
        .hasMessageContaining("reminderChannel");
    complete(task(TASK_REMIND_DOCUMENTS, pi), withVariables("suspensionAction", "REMINDED", "reminderChannel", "PHONE"));
    assertThat(pi).isWaitingAt("Timer_DocumentsNotReceived").hasPassed("Gateway_DocumentsBroughtIn");
    execute(job("Timer_DocumentsNotReceived", pi));
    complete(task(TASK_REMIND_DOCUMENTS, pi), withVariables("suspensionAction", "REMINDED", "reminderChannel", "EMAIL"));
    assertThat(deadlines(pi)).containsEntry("documentsReminders", 2);
    assertThat(view(pi)).containsEntry("status", "DOCUMENTS_REQUESTED").containsEntry("earlyRepaymentDemandBlocked", true);

    // an attachment that is not the requested documents does not resume consideration
    assertThat(service.addDocument(number(pi), "письмо.txt", "text/plain", bytes("x"), false, "rightsofficer"))
        .containsEntry("documentsReceived", false);
    assertThat(pi).isWaitingAt("Timer_DocumentsNotReceived");
    // a reminder task still open when the documents come is withdrawn with the suspension
    execute(job("Timer_DocumentsNotReceived", pi));
    assertThat(pi).isWaitingAt(TASK_REMIND_DOCUMENTS);
    ClockUtil.setCurrentTime(at("2026-12-10T12:00:00+05:00"));
    assertThat(service.addDocument(number(pi), "справка.pdf", "application/pdf", bytes("%PDF-1.4"), true,
        "rightsofficer")).containsEntry("documentsReceived", true);

    assertThat(pi).isWaitingAt(TASK_REVIEW).hasPassed("Event_DocumentsReceived");
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_REMIND_DOCUMENTS)
        .count()).isZero();
    // the 15 days start again from the documents (¶68): 10.12 + 15 = 25.12
    assertThat(task(TASK_REVIEW, pi)).hasDueDate(at("2026-12-25T23:59:59+05:00"));
    assertThat(runtime.getVariable(pi.getId(), "documentsNeeded")).isNull();
    complete(task(TASK_REVIEW, pi), withVariables("documentsNeeded", false));
    assertThat(pi).isWaitingAt(TASK_PREPARE_DECISION).hasPassed("Task_CheckMandatoryRestructuring");
    assertThat(task(TASK_PREPARE_DECISION, pi)).hasCandidateGroup("credit-committee")
        .hasDueDate(at("2026-12-25T23:59:59+05:00"));
    assertThat((List<?>) view(pi).get("documents")).hasSize(2);
  }

  @Test
  void documentsBroughtToTheOfficeResumeConsiderationFromTheirDate() {
    ProcessInstance pi = apply(false, "100");
    complete(task(TASK_REVIEW, pi), withVariables("documentsNeeded", true, "requestedDocuments", "Справка"));
    ClockUtil.setCurrentTime(at("2026-11-27T10:00:00+05:00"));
    execute(job("Timer_DocumentsNotReceived", pi));
    assertThatThrownBy(() -> complete(task(TASK_REMIND_DOCUMENTS, pi),
        withVariables("suspensionAction", "DOCUMENTS_RECEIVED"))).hasMessageContaining("documentsReceivedAt");
    assertThatThrownBy(() -> complete(task(TASK_REMIND_DOCUMENTS, pi), withVariables("suspensionAction",
        "DOCUMENTS_RECEIVED", "documentsReceivedAt", "2027-03-01"))).hasMessageContaining("будущем");
    complete(task(TASK_REMIND_DOCUMENTS, pi), withVariables("suspensionAction", "DOCUMENTS_RECEIVED",
        "documentsReceivedAt", "2026-11-20"));
    assertThat(pi).isWaitingAt(TASK_REVIEW).hasPassed("End_DocumentsBroughtIn", "SubProcess_DocumentsSuspended")
        .hasNotPassed("Event_DocumentsReceived");
    // 20.11 + 15 = 05.12 (Saturday) -> Monday 07.12
    assertThat(task(TASK_REVIEW, pi)).hasDueDate(at("2026-12-07T23:59:59+05:00"));
    assertThat(deadlines(pi)).containsEntry("documentsReceivedAt", "2026-11-20T00:00+05:00");
  }

  // ---------------------------------------------------------------- intake takes what the client has (¶65, ¶67)

  @Test
  void anApplicationWithoutIncomesOrOptionsBecomesTheOfficersRequestForDocuments() {
    ProcessInstance pi = start(application(true, null, List.of(), false));
    assertThat(pi).isWaitingAt(TASK_REVIEW).variables().containsEntry("intakeGaps", "MONTHLY_INCOME,REQUESTED_OPTIONS")
        .containsEntry("incomeDropPercent", null);
    assertThat((String) runtime.getVariable(pi.getId(), "requestedDocuments")).contains("доходах за 12 месяцев");
    assertThat((String) runtime.getVariable(pi.getId(), "intakeGapsText")).contains("п. 74").contains("п. 69");
    assertThat((String) runtime.getVariable(pi.getId(), "incomeDropText")).startsWith("нет данных");
    assertThat(view(pi)).containsEntry("missing", List.of("MONTHLY_INCOME", "REQUESTED_OPTIONS"))
        .containsEntry("requestedOptions", List.of());

    // a socially vulnerable borrower cannot be passed on without the ¶74 income test
    assertThatThrownBy(() -> complete(task(TASK_REVIEW, pi), withVariables("documentsNeeded", false)))
        .hasMessageContaining("income01").hasMessageContaining("п. 74");
    complete(task(TASK_REVIEW, pi), withVariables("documentsNeeded", true)); // the suggested request stands
    service.addDocument(number(pi), "выписка.pdf", "application/pdf", bytes("%PDF-1.4"), true, "rightsofficer");

    // the officer enters what the documents show: 12 incomes (drop 40 %) and the option the client asked for
    Map<String, Object> facts = new HashMap<>(withVariables("documentsNeeded", false, // a checklist as Tasklist sends it
        "requestedOptionsList", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"PAYMENT_DEFERRAL\"]").create()));
    for (int i = 1; i <= 12; i++) {
      facts.put(String.format("income%02d", i), i <= 10 ? 100 : 60);
    }
    complete(task(TASK_REVIEW, pi), facts);
    assertThat(pi).isWaitingAt(TASK_PREPARE_DECISION).variables()
        .containsEntry("mandatory", true).containsEntry("requiredOption", "PAYMENT_DEFERRAL")
        .containsEntry("requestedOptionCodes", "PAYMENT_DEFERRAL").containsEntry("intakeGaps", "");
    assertThat((Double) runtime.getVariable(pi.getId(), "incomeDropPercent")).isCloseTo(35.71,
        org.assertj.core.data.Offset.offset(0.01));
    assertThat(runtime.getVariable(pi.getId(), "incomeDropText")).isEqualTo("35,71 %");
    assertThat(view(pi)).containsEntry("requestedOptions", List.of("PAYMENT_DEFERRAL"))
        .containsEntry("missing", List.of());
  }

  // ---------------------------------------------------------------- ARDFM deferral (Resolution No. 49) and ¶74

  @Test
  void emergencyAffectedBorrowerGetsTheDeferralWithoutFeesOtherOptionsOnTop() {
    ProcessInstance pi = start(application(false, null, List.of("RATE_REDUCTION"), true));
    complete(task(TASK_REVIEW, pi), withVariables("documentsNeeded", false)); // no income test needed after an emergency
    assertThat(pi).isWaitingAt(TASK_PREPARE_DECISION).variables().containsEntry("mandatory", true)
        .containsEntry("minimumMonths", 3).containsEntry("requiredOption", "PAYMENT_DEFERRAL")
        .containsEntry("feesWaived", true);

    assertThatThrownBy(() -> complete(task(TASK_PREPARE_DECISION, pi), withVariables("decisionType", "REFUSAL",
        "refusalReason", "Доход позволяет платить"))).hasMessageContaining("decisionType")
        .hasMessageContaining("отказ невозможен");
    assertThatThrownBy(() -> complete(task(TASK_PREPARE_DECISION, pi), decision("COUNTER_PROPOSAL", 6, true,
        "PAYMENT_DEFERRAL"))).hasMessageContaining("decisionType");
    assertThatThrownBy(() -> complete(task(TASK_PREPARE_DECISION, pi), decision("AGREEMENT", 6, true,
        "RATE_REDUCTION"))).hasMessageContaining("decisionOptions").hasMessageContaining("Отсрочка платежа");
    assertThatThrownBy(() -> complete(task(TASK_PREPARE_DECISION, pi), decision("AGREEMENT", 2, true,
        "PAYMENT_DEFERRAL"))).hasMessageContaining("decisionMonths");
    assertThatThrownBy(() -> complete(task(TASK_PREPARE_DECISION, pi), decision("AGREEMENT", 3, false,
        "PAYMENT_DEFERRAL"))).hasMessageContaining("decisionFeesWaived");
    // the deferral the law requires needs no reason; the requested rate reduction comes on top
    complete(task(TASK_PREPARE_DECISION, pi), decision("AGREEMENT", 3, true, "PAYMENT_DEFERRAL", "RATE_REDUCTION"));
    approve(pi);
    assertThat((String) runtime.getVariable(pi.getId(), "decisionLetter")) // the application is in Kazakh
        .contains("комиссиялар, айыппұлдар, өсімпұлдар және өзге де төлемдер алынбайды").contains("№ 49")
        .contains(RestructuringOption.PAYMENT_DEFERRAL.kazakhLabel())
        .contains(RestructuringOption.RATE_REDUCTION.kazakhLabel());
    deliver(pi, "2026-11-25");
    complete(task(TASK_CHANGE_CONTRACT, pi), withVariables("contractChanged", true, "contractChangeReference", "ДС-1"));
    assertThat(pi).isEnded().hasPassed("End_Agreed");
    assertThat(view(pi)).containsEntry("requiredOption", "PAYMENT_DEFERRAL").containsEntry("feesWaived", true)
        .containsEntry("status", "CLOSED_AGREED").containsEntry("earlyRepaymentDemandBlocked", false);
    assertThat(decision(pi)).containsEntry("feesWaived", true).containsEntry("months", 3)
        .containsEntry("options", List.of("PAYMENT_DEFERRAL", "RATE_REDUCTION")).containsEntry("late", false);
  }

  @Test
  void sociallyVulnerableWithIncomeDropOverThirtyPercentGetsTheDeferral() {
    ProcessInstance pi = apply(true, "69.99");
    complete(task(TASK_REVIEW, pi), withVariables("documentsNeeded", false));
    assertThat(pi).isWaitingAt(TASK_PREPARE_DECISION).variables()
        .containsEntry("mandatory", true).containsEntry("minimumMonths", 3).containsEntry("feesWaived", true);
    assertThat(view(pi)).containsEntry("mandatoryAgreement", true);
    complete(task(TASK_PREPARE_DECISION, pi), decision("AGREEMENT", 3, true, "PAYMENT_DEFERRAL"));
    approve(pi);
    deliver(pi, "2026-11-25");
    assertThat(pi).isWaitingAt(TASK_CHANGE_CONTRACT);
    assertThat(decision(pi)).containsEntry("differsFromRequest", false).containsEntry("feesWaived", true);
  }

  @Test
  void incomeDropOfExactlyThirtyPercentDoesNotForceTheDeferral() {
    ProcessInstance pi = apply(true, "70");
    complete(task(TASK_REVIEW, pi), withVariables("documentsNeeded", false));
    assertThat(pi).isWaitingAt(TASK_PREPARE_DECISION).variables()
        .containsEntry("incomeDropPercent", 30.0).containsEntry("mandatory", false)
        .containsEntry("requiredOption", null).containsEntry("feesWaived", false);
  }

  @Test
  void anAgreementThatDiffersFromTheRequestIsACounterProposalOrSaysWhy() {
    ProcessInstance pi = toPrepare("ru"); // requested: PAYMENT_DEFERRAL, not mandatory
    assertThatThrownBy(() -> complete(task(TASK_PREPARE_DECISION, pi), decision("AGREEMENT", 6, false,
        "PAYMENT_DATE_CHANGE"))).hasMessageContaining("decisionDifferenceReason")
        .hasMessageContaining("Изменение срока (даты)").hasMessageContaining("п. 74");
    Map<String, Object> withReason = new HashMap<>(decision("AGREEMENT", 6, false, "PAYMENT_DATE_CHANGE"));
    withReason.put("decisionDifferenceReason", "Отсрочка не снизит нагрузку: перенос даты платежа на день зарплаты.");
    complete(task(TASK_PREPARE_DECISION, pi), withReason);
    approve(pi);
    String letter = (String) runtime.getVariable(pi.getId(), "decisionLetter");
    assertThat(letter).contains("Не можем принять следующие запрошенные Вами изменения: Отсрочка платежа")
        .contains("на день зарплаты.").doesNotContain("..");
    assertThat(decision(pi)).containsEntry("differsFromRequest", true)
        .containsEntry("addedOptions", List.of("PAYMENT_DATE_CHANGE"))
        .containsEntry("droppedOptions", List.of("PAYMENT_DEFERRAL"))
        .containsEntry("differenceReason", "Отсрочка не снизит нагрузку: перенос даты платежа на день зарплаты.");

    // a counter-proposal may differ without a stated reason
    ProcessInstance other = toPrepare();
    complete(task(TASK_PREPARE_DECISION, other), decision("COUNTER_PROPOSAL", 6, false, "PAYMENT_DATE_CHANGE"));
    assertThat(other).isWaitingAt(TASK_APPROVE_DECISION);
  }

  @Test
  void aKazakhLetterIsKazakhThroughoutAndNamesTheKazakhRemedies() {
    ProcessInstance pi = toPrepare();
    Map<String, Object> d = new HashMap<>(decision("AGREEMENT", 6, false, "PAYMENT_DEFERRAL"));
    d.put("decisionTerms", "Негізгі борыш бойынша төлем 6 айға кейінге қалдырылады.");
    complete(task(TASK_PREPARE_DECISION, pi), d);
    approve(pi);
    assertThat(pi).isWaitingAt(TASK_DELIVER_DECISION);
    String letter = (String) runtime.getVariable(pi.getId(), "decisionLetter");
    assertThat(letter).contains("келісетінімізді").contains(number(pi)).contains("6 ай")
        .contains(RestructuringOption.PAYMENT_DEFERRAL.kazakhLabel()).contains("микроқаржы омбудсманына")
        .contains("Қаржы нарығын реттеу және дамыту агенттігіне")
        .doesNotContain(RestructuringOption.PAYMENT_DEFERRAL.russianLabel()).doesNotContain("..")
        .doesNotContain("Банк России").doesNotContain("финансов");
    deliver(pi, "2026-11-25");
    complete(task(TASK_CHANGE_CONTRACT, pi), withVariables("contractChanged", true,
        "contractChangeReference", "ДС-2"));
    assertThat(pi).isEnded().hasPassed("End_Agreed").hasNotPassed(TASK_AWAIT_CLIENT_RESPONSE);
  }

  @Test
  void officerSendsTheDecisionBackWithAComment() {
    ProcessInstance pi = toPrepare();
    complete(task(TASK_PREPARE_DECISION, pi), agreement(6));
    assertThatThrownBy(() -> complete(task(TASK_APPROVE_DECISION, pi), withVariables("decisionApproved", "false")))
        .hasMessageContaining("approvalComment");
    complete(task(TASK_APPROVE_DECISION, pi), withVariables("decisionApproved", "false",
        "approvalComment", "Срок отсрочки не указан"));
    assertThat(pi).isWaitingAt(TASK_PREPARE_DECISION).hasNotPassed(TASK_DELIVER_DECISION);
    assertThat(view(pi)).containsEntry("status", "DECISION_PREPARATION");
    complete(task(TASK_PREPARE_DECISION, pi), agreement(6));
    approve(pi);
    assertThat(pi).isWaitingAt(TASK_DELIVER_DECISION);
    assertThatThrownBy(() -> complete(task(TASK_DELIVER_DECISION, pi), withVariables("deliveryChannel", "EMAIL",
        "decisionReceivedAt", "2027-02-01"))).hasMessageContaining("будущем");
  }

  // ---------------------------------------------------------------- ¶76: the window of the first decision

  @Test
  void counterProposalAccepted() {
    ProcessInstance pi = toClientResponse("2026-11-20");
    assertThat(deadlines(pi)).containsEntry("clientResponseDueAt", "2026-12-21T23:59:59+05:00")
        .containsEntry("firstDecisionReceivedAt", "2026-11-20T00:00+05:00");
    assertThat((String) runtime.getVariable(pi.getId(), "decisionLetter")) // in Kazakh
        .contains("алғашқы шешімді").contains("мерзімінен бұрын өтеуді талап етуге құқылы емес");
    service.clientResponded(number(pi), ClientResponse.ACCEPT, null);
    assertThat(pi).isWaitingAt(TASK_CHANGE_CONTRACT);
    complete(task(TASK_CHANGE_CONTRACT, pi), withVariables("contractChanged", true,
        "contractChangeReference", "ДС-3"));
    assertThat(pi).isEnded().hasPassed("End_Agreed");
    assertThat(decision(pi)).containsEntry("type", "COUNTER_PROPOSAL").containsEntry("clientResponse", "ACCEPT");
  }

  @Test
  void counterProposalTimedOutAtDayThirtyIsRefusalByParagraph76() {
    ProcessInstance pi = toClientResponse("2026-11-20");
    // 30 calendar days from receipt on 20.11 end on Sunday 20.12, moved to Monday 21.12 (SPEC §5)
    assertThat(job("Timer_ClientResponseTimeout", pi).getDuedate()).isEqualTo(at("2026-12-21T23:59:59+05:00"));
    ClockUtil.setCurrentTime(at("2026-12-22T00:00:00+05:00"));
    execute(job("Timer_ClientResponseTimeout", pi));
    assertThat(pi).isWaitingAt(TASK_NOTIFY_REFUSAL).variables().containsEntry("refusedByOperationOf76", true);
    assertThat(task(TASK_NOTIFY_REFUSAL, pi)).hasCandidateGroup("client-rights-officer");
    assertThat((String) runtime.getVariable(pi.getId(), "refusalNoticeLetter"))
        .contains("76-тармағына").contains("микроқаржы омбудсманына").contains("агенттігіне");
    complete(task(TASK_NOTIFY_REFUSAL, pi), withVariables("refusalNoticeChannel", "EMAIL",
        "refusalReceivedAt", "2026-12-23"));
    assertThat(pi).isWaitingAt(TASK_AWAIT_OMBUDSMAN);
    assertThat(job("Timer_OmbudsmanWindowClosed", pi).getDuedate())
        .isEqualTo(runtime.getVariable(pi.getId(), "ombudsmanDueAt"));
    execute(job("Timer_OmbudsmanWindowClosed", pi));
    assertThat(pi).isEnded().hasPassed("End_RefusedOmbudsmanWindowClosed");
    assertThat(view(pi)).containsEntry("status", "CLOSED_REFUSED").containsEntry("earlyRepaymentDemandBlocked", false);
    assertThat(decision(pi)).containsEntry("refusedByOperationOf76", true);
  }

  @Test
  void theWindowRunsFromTheFirstDecisionNotFromEachNewOne() {
    ProcessInstance pi = toClientResponse("2026-11-20");
    ClockUtil.setCurrentTime(at("2026-11-27T11:00:00+05:00"));
    service.clientResponded(number(pi), ClientResponse.COUNTER, "Прошу отсрочку на 6 месяцев");
    assertThat(pi).isWaitingAt(TASK_PREPARE_DECISION);
    assertThat(task(TASK_PREPARE_DECISION, pi)).hasDueDate(at("2026-12-14T23:59:59+05:00"));
    complete(task(TASK_PREPARE_DECISION, pi), decision("COUNTER_PROPOSAL", 4, false, "PAYMENT_DEFERRAL"));
    approve(pi);
    deliver(pi, "2026-12-04");
    assertThat(pi).isWaitingAt(TASK_AWAIT_CLIENT_RESPONSE);
    // not 04.12 + 30: the window of the first decision (received 20.11) still ends on 21.12
    assertThat(job("Timer_ClientResponseTimeout", pi).getDuedate()).isEqualTo(at("2026-12-21T23:59:59+05:00"));
    assertThat(deadlines(pi)).containsEntry("firstDecisionReceivedAt", "2026-11-20T00:00+05:00")
        .containsEntry("clientResponseDueAt", "2026-12-21T23:59:59+05:00");
  }

  @Test
  void bothSidesMayExtendTheWindowAnyNumberOfTimesEachExtensionRecordedWithTheirConsent() {
    ProcessInstance pi = toClientResponse("2026-11-20");
    ClockUtil.setCurrentTime(at("2026-12-01T10:00:00+05:00"));
    service.extendResponseWindow(number(pi), new Extension(10, "Заявление клиента о продлении от 01.12.2026",
        at("2026-12-01T09:00:00+05:00"), "Согласовано ДЛПК", null), "rightsofficer");
    assertThat(pi).isWaitingAt(TASK_AWAIT_CLIENT_RESPONSE).hasPassed("Task_ExtendResponseWindow");
    assertThat(job("Timer_ClientResponseTimeout", pi).getDuedate()).isEqualTo(at("2026-12-31T23:59:59+05:00"));

    // the client counters; while the committee answers, the sides extend again (no limit on how often)
    service.clientResponded(number(pi), ClientResponse.COUNTER, "Прошу снизить ставку");
    service.extendResponseWindow(number(pi), new Extension(7, null, null, null,
        "Клиент согласился по телефону, запись звонка в деле"), "rightsofficer");
    Date extendedTwice = deadlines.due("KZ", at("2026-12-31T23:59:59+05:00"), 7, "CALENDAR_DAYS");
    complete(task(TASK_PREPARE_DECISION, pi), decision("COUNTER_PROPOSAL", 6, false, "RATE_REDUCTION"));
    approve(pi);
    deliver(pi, "2026-12-08");
    assertThat(job("Timer_ClientResponseTimeout", pi).getDuedate()).isEqualTo(extendedTwice);

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> extensions = (List<Map<String, Object>>) deadlines(pi).get("responseWindowExtensions");
    assertThat(extensions).hasSize(2);
    assertThat(extensions.get(0)).containsEntry("days", 10)
        .containsEntry("clientConsent", "Заявление клиента о продлении от 01.12.2026")
        .containsEntry("clientConsentAt", "2026-12-01T09:00+05:00").containsEntry("companyConsentBy", "rightsofficer")
        .containsEntry("companyConsent", "Согласовано ДЛПК")
        .containsEntry("previousDueAt", "2026-12-21T23:59:59+05:00").containsEntry("newDueAt", "2026-12-31T23:59:59+05:00");
    assertThat(extensions.get(1)).containsEntry("days", 7)
        .containsEntry("clientConsent", "Клиент согласился по телефону, запись звонка в деле")
        .containsEntry("previousDueAt", "2026-12-31T23:59:59+05:00");
    assertThat(deadlines(pi)).containsEntry("responseWindowExtended", true);

    assertThatThrownBy(() -> service.extendResponseWindow(number(pi), new Extension(5, " ", null, null, null), "x"))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("clientConsent");
    service.clientResponded(number(pi), ClientResponse.REJECT, "Не устраивает");
    assertThat(pi).isWaitingAt(TASK_NOTIFY_REFUSAL).variables().containsEntry("refusedByOperationOf76", true);
    // refused: there is nothing left to extend
    assertThatThrownBy(() -> service.extendResponseWindow(number(pi), new Extension(5, "ещё", null, null, null), "x"))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void theWindowCannotBeExtendedBeforeTheClientHasADecision() {
    ProcessInstance pi = toPrepare();
    assertThatThrownBy(() -> service.extendResponseWindow(number(pi), new Extension(10, "согласие", null, null, null),
        "rightsofficer")).isInstanceOf(ConflictException.class);
    assertThat(pi).isWaitingAt(TASK_PREPARE_DECISION).hasNotPassed("Task_ExtendResponseWindow");
  }

  // ---------------------------------------------------------------- ¶73, ¶78: ombudsman

  @Test
  void refusalWithOmbudsmanNoticeOpensAnOmbudsmanCaseTrackedUntilExecuted() {
    ProcessInstance pi = toRefusal();
    assertThat(deadlines(pi)).containsEntry("ombudsmanNoticeDueAt", "2026-12-07T23:59:59+05:00");
    assertThat((String) runtime.getVariable(pi.getId(), "decisionLetter")).contains("микрофинансовому омбудсману")
        .contains("Агентство Республики Казахстан по регулированию и развитию финансового рынка")
        .doesNotContain("Банк России").doesNotContain("финансовому уполномоченному");

    service.ombudsmanNotified(number(pi), null, "Клиент направил жалобу омбудсману");
    assertThat(pi).isWaitingAt(TASK_RECORD_OMBUDSMAN);
    assertThat(view(pi)).containsEntry("status", "OMBUDSMAN_CASE").containsEntry("earlyRepaymentDemandBlocked", true);
    ClockUtil.setCurrentTime(at("2026-12-12T10:00:00+05:00"));
    assertThatThrownBy(() -> complete(task(TASK_RECORD_OMBUDSMAN, pi), withVariables("ombudsmanDecision", "Отсрочка",
        "ombudsmanDecisionAt", "2026-12-10", "ombudsmanOutcome", "UPHELD", "ombudsmanExecutionRequired", "true")))
        .hasMessageContaining("ombudsmanExecutionDueAt");
    assertThatThrownBy(() -> complete(task(TASK_RECORD_OMBUDSMAN, pi), recordOmbudsman("UPHELD", "2026-12-01")))
        .hasMessageContaining("прошлом");
    complete(task(TASK_RECORD_OMBUDSMAN, pi), recordOmbudsman("UPHELD", "2026-12-30"));
    assertThat(pi).isWaitingAt(TASK_EXECUTE_OMBUDSMAN);
    assertThat(task(TASK_EXECUTE_OMBUDSMAN, pi)).hasCandidateGroup("client-rights-officer")
        .hasDueDate(at("2026-12-30T23:59:59+05:00"));
    complete(task(TASK_EXECUTE_OMBUDSMAN, pi), withVariables("ombudsmanExecuted", true,
        "executionNote", "ДС об отсрочке подписано"));
    assertThat(pi).isEnded().hasPassed("End_OmbudsmanCaseClosed");
    Map<String, Object> ombudsman = ombudsman(pi);
    assertThat(ombudsman.get("notifiedAt")).isNotNull();
    assertThat(ombudsman).containsEntry("decision", "Предоставить отсрочку на 3 месяца")
        .containsEntry("outcome", "UPHELD").containsEntry("executionRequired", true)
        .containsEntry("executedLate", false).containsEntry("noticeLate", false)
        .containsEntry("executionDueAt", "2026-12-30T23:59:59+05:00");
    assertThat(ombudsman.get("executedAt")).isNotNull();
    assertThat(view(pi)).containsEntry("status", "CLOSED_OMBUDSMAN").containsEntry("earlyRepaymentDemandBlocked", false);
  }

  @Test
  void anOmbudsmanDecisionWithNothingToExecuteClosesTheCase() {
    ProcessInstance pi = toRefusal();
    service.ombudsmanNotified(number(pi), null, null);
    complete(task(TASK_RECORD_OMBUDSMAN, pi), withVariables("ombudsmanDecision", "В требованиях отказать",
        "ombudsmanDecisionAt", "2026-11-20", "ombudsmanOutcome", "REJECTED", "ombudsmanExecutionRequired", "false"));
    assertThat(pi).isEnded().hasPassed("End_OmbudsmanNoExecution").hasNotPassed(TASK_EXECUTE_OMBUDSMAN);
    assertThat(ombudsman(pi)).containsEntry("outcome", "REJECTED").containsEntry("executionRequired", false);
    assertThat(ombudsman(pi).get("closedAt")).isNotNull();
    assertThat(view(pi)).containsEntry("status", "CLOSED_OMBUDSMAN");
  }

  @Test
  void aLateOmbudsmanNoticeIsRecordedAndItsDecisionTrackedToExecution() {
    ProcessInstance pi = toRefusal();
    assertThat(job("Timer_OmbudsmanWindowClosed", pi).getDuedate()).isEqualTo(at("2026-12-07T23:59:59+05:00"));
    execute(job("Timer_OmbudsmanWindowClosed", pi));
    assertThat(pi).isEnded().hasPassed("End_RefusedOmbudsmanWindowClosed").hasNotPassed(TASK_RECORD_OMBUDSMAN);
    assertThat(view(pi)).containsEntry("status", "CLOSED_REFUSED").containsEntry("earlyRepaymentDemandBlocked", false);

    ClockUtil.setCurrentTime(at("2026-12-15T10:00:00+05:00"));
    service.ombudsmanNotified(number(pi), at("2026-12-14T16:00:00+05:00"), "Омбудсман принял жалобу к рассмотрению");
    ProcessInstance late = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number(pi)).singleResult();
    assertThat(late.getId()).isNotEqualTo(pi.getId());
    assertThat(late).isWaitingAt(TASK_RECORD_OMBUDSMAN)
        .hasPassed("StartEvent_LateOmbudsmanNotice", "Task_ReopenOmbudsmanCase");
    assertThat(task(TASK_RECORD_OMBUDSMAN, late)).hasCandidateGroup("client-rights-officer");
    assertThat(late).variables().containsEntry("caseNumber", number(pi)).containsEntry("jurisdiction", "KZ")
        .containsEntry("ombudsmanNoticeLate", true);
    assertThat((String) runtime.getVariable(late.getId(), "contractNumber")).startsWith("MK-");
    assertThat(view(pi)).containsEntry("status", "OMBUDSMAN_CASE").containsEntry("earlyRepaymentDemandBlocked", true);
    assertThat(ombudsman(pi)).containsEntry("noticeLate", true).containsEntry("notifiedAt", "2026-12-14T16:00+05:00");
    assertThatThrownBy(() -> service.ombudsmanNotified(number(pi), null, "ещё раз"))
        .isInstanceOf(ConflictException.class);

    complete(task(TASK_RECORD_OMBUDSMAN, late), recordOmbudsman("PARTIALLY_UPHELD", "2026-12-20"));
    ClockUtil.setCurrentTime(at("2026-12-22T10:00:00+05:00"));
    complete(task(TASK_EXECUTE_OMBUDSMAN, late), withVariables("ombudsmanExecuted", true));
    assertThat(late).isEnded().hasPassed("End_OmbudsmanCaseClosed");
    assertThat(ombudsman(pi)).containsEntry("executedLate", true).containsEntry("outcome", "PARTIALLY_UPHELD");
    assertThat(view(pi)).containsEntry("status", "CLOSED_OMBUDSMAN").containsEntry("earlyRepaymentDemandBlocked", false);
  }

  @Test
  void anOmbudsmanNoticeWithoutARefusalIsAConflict() {
    ProcessInstance pi = toPrepare();
    assertThatThrownBy(() -> service.ombudsmanNotified(number(pi), null, "рано")).isInstanceOf(ConflictException.class)
        .hasMessageContaining("нет отказа");
  }

  // ---------------------------------------------------------------- case clocks DECISION and OMBUDSMAN_EXECUTION (issue 13)

  /** The case waiting at {@code step} of the decision window, received Mon 16.11.2026, due Tue 01.12.2026 23:59:59. */
  ProcessInstance heldAt(String step) {
    ProcessInstance pi = switch (step) {
      case TASK_REVIEW -> apply(false, "100");
      case TASK_PREPARE_DECISION -> toPrepare();
      case TASK_APPROVE_DECISION -> {
        ProcessInstance p = toPrepare();
        complete(task(TASK_PREPARE_DECISION, p), agreement(6));
        yield p;
      }
      default -> {
        ProcessInstance p = toPrepare();
        complete(task(TASK_PREPARE_DECISION, p), agreement(6));
        approve(p);
        yield p;
      }
    };
    assertThat(pi).isWaitingAt(step);
    return pi;
  }

  @ParameterizedTest
  @CsvSource({"Task_ReviewApplication, client-rights-officer", "Task_PrepareDecision, credit-committee",
      "Task_ApproveDecision, client-rights-officer", "Task_DeliverDecision, client-rights-officer"})
  void aDecisionLateAtAnyStepRecordsOneBreachNamingThatStepAndEscalatesOnce(String step, String group) {
    ProcessInstance pi = heldAt(step);
    Date due = at("2026-12-01T23:59:59+05:00");
    assertThat(job("Timer_DecisionDeadline", pi).getDuedate()).isEqualTo(due);
    assertThat(task(step, pi)).hasDueDate(due);
    // the step's own reminder is its follow-up date (StepRemindersPlugin), the start of the last working day
    assertThat(task(step, pi).getFollowUpDate()).isEqualTo(at("2026-12-01T00:00:00+05:00"));
    assertThat(runtime.getVariable(pi.getId(), "decisionDueAtText")).isEqualTo("01.12.2026 23:59 (Алматы)");

    // the reminder at the start of the last working day goes to whoever holds the case; nothing is breached
    assertThat(job("Timer_DecisionReminder", pi).getDuedate()).isEqualTo(at("2026-12-01T00:00:00+05:00"));
    ClockUtil.setCurrentTime(at("2026-12-01T00:00:01+05:00"));
    execute(job("Timer_DecisionReminder", pi));
    assertThat(pi).hasPassed("Task_RemindDecision", "End_DecisionReminded").isWaitingAt(step);
    assertThat(slaBreaches.forCase(number(pi))).isEmpty();

    ClockUtil.setCurrentTime(at("2026-12-02T00:00:05+05:00"));
    execute(job("Timer_DecisionDeadline", pi));
    assertThat(pi).isWaitingAt(step, "Task_EscalationDecision");
    assertThat(task("Task_EscalationDecision", pi)).hasCandidateGroup("client-rights-officer");
    assertThat(slaBreaches.forCase(number(pi))).singleElement().satisfies(b -> {
      assertThat(b.getClock()).isEqualTo(RestructuringClocks.DECISION);
      assertThat(b.getStep()).isEqualTo(step);
      assertThat(b.getGroupId()).isEqualTo(group);
      assertThat(b.getStepName()).isEqualTo(stepName(pi, step));
      assertThat(b.getHeldBy()).contains(stepName(pi, step)).contains(group);
      assertThat(b.getEscalationGroup()).isEqualTo("client-rights-officer");
      assertThat(b.getDueAt()).isEqualTo(due.toInstant());
    });
    assertThat((String) runtime.getVariable(task("Task_EscalationDecision", pi).getExecutionId(), "breachHeldBy"))
        .contains(stepName(pi, step));
    // the client-rights officer's overdue list shows the case, late at that step
    assertThat(overdue.forJurisdiction(Jurisdiction.KZ)).filteredOn(o -> o.caseNumber().equals(number(pi)))
        .singleElement().satisfies(o -> {
          assertThat(o.clock()).isEqualTo(RestructuringClocks.DECISION);
          assertThat(o.step()).isEqualTo(step);
          assertThat(o.group()).isEqualTo(group);
        });
    // the deadline fires once: no second timer, whatever steps the case still passes
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("Timer_DecisionDeadline")
        .count()).isZero();
    assertThat(escalations(pi)).isEqualTo(1);

    complete(task("Task_EscalationDecision", pi), withVariables("escalationNote", "Поторопили исполнителя"));
    assertThat(pi).hasPassed("End_DecisionEscalated").isWaitingAt(step);
    assertThat(slaBreaches.forCase(number(pi)).get(0).getResolution()).isEqualTo("Поторопили исполнителя");
    assertThat(escalations(pi)).isEqualTo(1);
    assertThat(slaBreaches.forCase(number(pi))).hasSize(1);
  }

  @Test
  void aDecisionDeliveredOnTheLastDayRecordsNoBreachAndStopsTheClock() {
    ProcessInstance pi = heldAt(TASK_DELIVER_DECISION);
    deliver(pi, "2026-12-01");
    assertThat(pi).isWaitingAt(TASK_CHANGE_CONTRACT);
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("Timer_DecisionDeadline")
        .count()).isZero();
    assertThat(caseClocks.find(number(pi), RestructuringClocks.DECISION)).get()
        .satisfies(c -> assertThat(c.running()).isFalse());
    ClockUtil.setCurrentTime(at("2026-12-10T10:00:00+05:00"));
    complete(task(TASK_CHANGE_CONTRACT, pi), withVariables("contractChanged", true, "contractChangeReference", "ДС-9"));
    assertThat(pi).isEnded().hasNotPassed("Task_RecordDecisionBreach");
    assertThat(slaBreaches.forCase(number(pi))).isEmpty();
    assertThat(escalations(pi)).isZero();
  }

  @Test
  void aSuspendedDecisionClockKeepsItsDeadlineAndDoesNotBreachUntilTheDocumentsRestartIt() {
    ProcessInstance pi = apply(false, "100");
    complete(task(TASK_REVIEW, pi), withVariables("documentsNeeded", true, "requestedDocuments", "Справка"));
    assertThat(caseClocks.find(number(pi), RestructuringClocks.DECISION)).get().satisfies(c -> {
      assertThat(c.suspended()).isTrue();
      assertThat(c.dueAt()).isEqualTo(at("2026-12-01T23:59:59+05:00").toInstant());
    });
    // while the client is asked the timers wait: past the old deadline nothing is due
    assertThat(job("Timer_DecisionDeadline", pi).getDuedate()).isAfter(at("2030-01-01T00:00:00+05:00"));
    assertThat(job("Timer_DecisionReminder", pi).getDuedate()).isAfter(at("2030-01-01T00:00:00+05:00"));
    ClockUtil.setCurrentTime(at("2026-12-05T10:00:00+05:00"));
    assertThat(overdue.forJurisdiction(Jurisdiction.KZ)).extracting(o -> o.caseNumber()).doesNotContain(number(pi));
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).executable().list())
        .extracting(j -> management.createJobDefinitionQuery().jobDefinitionId(j.getJobDefinitionId()).singleResult()
            .getActivityId())
        .doesNotContain("Timer_DecisionDeadline", "Timer_DecisionReminder");
    assertThat(slaBreaches.forCase(number(pi))).isEmpty();

    // the documents came on 10.12: 15 days again, 25.12; the timers, the task and the form follow
    ClockUtil.setCurrentTime(at("2026-12-10T12:00:00+05:00"));
    service.addDocument(number(pi), "справка.pdf", "application/pdf", bytes("%PDF-1.4"), true, "rightsofficer");
    assertThat(pi).isWaitingAt(TASK_REVIEW);
    Date due = at("2026-12-25T23:59:59+05:00");
    assertThat(job("Timer_DecisionDeadline", pi).getDuedate()).isEqualTo(due);
    assertThat(job("Timer_DecisionReminder", pi).getDuedate()).isEqualTo(at("2026-12-25T00:00:00+05:00"));
    assertThat(task(TASK_REVIEW, pi)).hasDueDate(due);
    assertThat(runtime.getVariable(pi.getId(), "decisionDueAtText")).isEqualTo("25.12.2026 23:59 (Алматы)");
    assertThat(caseClocks.find(number(pi), RestructuringClocks.DECISION)).get()
        .satisfies(c -> assertThat(c.suspended()).isFalse());
    assertThat(caseClocks.events(number(pi))).extracting(e -> e.event())
        .containsSubsequence("STARTED", "SUSPENDED", "RESUMED");
    assertThat(slaBreaches.forCase(number(pi))).isEmpty();
  }

  @Test
  void counterConditionsRunTheDecisionClockAgainFromTheirReceipt() {
    ProcessInstance pi = toClientResponse("2026-11-20");
    ClockUtil.setCurrentTime(at("2026-11-27T11:00:00+05:00"));
    service.clientResponded(number(pi), ClientResponse.COUNTER, "Прошу отсрочку на 6 месяцев");
    assertThat(pi).isWaitingAt(TASK_PREPARE_DECISION).hasPassed("Task_StartDecisionClock", "Gateway_DecisionRound");
    Date due = at("2026-12-14T23:59:59+05:00");
    assertThat(job("Timer_DecisionDeadline", pi).getDuedate()).isEqualTo(due);
    assertThat(caseClocks.find(number(pi), RestructuringClocks.DECISION)).get()
        .satisfies(c -> assertThat(c.running()).isTrue());
    assertThat(caseClocks.events(number(pi))).extracting(e -> e.event()).contains("RESTARTED");
    ClockUtil.setCurrentTime(at("2026-12-15T00:00:05+05:00"));
    execute(job("Timer_DecisionDeadline", pi));
    assertThat(slaBreaches.forCase(number(pi))).singleElement()
        .satisfies(b -> assertThat(b.getStep()).isEqualTo(TASK_PREPARE_DECISION));
    assertThat(escalations(pi)).isEqualTo(1);
  }

  @Test
  void anOmbudsmanDecisionExecutedLateRecordsOneBreachAndEscalatesOnce() {
    ProcessInstance pi = toOmbudsmanExecution();
    assertThat(pi).isWaitingAt(TASK_EXECUTE_OMBUDSMAN).hasPassed("Task_StartOmbudsmanExecutionClock");
    Date due = at("2026-12-30T23:59:59+05:00");
    assertThat(job("Timer_OmbudsmanExecutionDeadline", pi).getDuedate()).isEqualTo(due);
    assertThat(runtime.getVariable(pi.getId(), "ombudsmanExecutionDueAtText")).isEqualTo("30.12.2026 23:59 (Алматы)");
    ClockUtil.setCurrentTime(at("2026-12-30T00:00:01+05:00"));
    execute(job("Timer_OmbudsmanExecutionReminder", pi));
    assertThat(pi).hasPassed("Task_RemindOmbudsmanExecution", "End_OmbudsmanExecutionReminded");

    ClockUtil.setCurrentTime(at("2026-12-31T00:00:05+05:00"));
    execute(job("Timer_OmbudsmanExecutionDeadline", pi));
    assertThat(pi).isWaitingAt(TASK_EXECUTE_OMBUDSMAN, "Task_EscalationOmbudsmanExecution");
    assertThat(task("Task_EscalationOmbudsmanExecution", pi)).hasCandidateGroup("client-rights-officer");
    assertThat(slaBreaches.forCase(number(pi))).singleElement().satisfies(b -> {
      assertThat(b.getClock()).isEqualTo(RestructuringClocks.OMBUDSMAN_EXECUTION);
      assertThat(b.getStep()).isEqualTo(TASK_EXECUTE_OMBUDSMAN);
      assertThat(b.getGroupId()).isEqualTo("client-rights-officer");
    });
    complete(task("Task_EscalationOmbudsmanExecution", pi), withVariables("escalationNote", "Исполнение на контроле"));
    complete(task(TASK_EXECUTE_OMBUDSMAN, pi), withVariables("ombudsmanExecuted", true));
    assertThat(pi).isEnded().hasPassed("End_OmbudsmanExecutionEscalated", "End_OmbudsmanCaseClosed");
    assertThat(escalations(pi)).isEqualTo(1);
    assertThat(slaBreaches.forCase(number(pi))).hasSize(1);
    assertThat(ombudsman(pi)).containsEntry("executedLate", true);
  }

  @Test
  void aBreachAndItsEscalationAreRecordedWhileTheMailServerIsDownAndTheMailGoesOutLater() throws Exception {
    ProcessInstance pi = heldAt(TASK_PREPARE_DECISION);
    int port = mailSender.getPort();
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      mailSender.setPort(s.getLocalPort());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    try {
      ClockUtil.setCurrentTime(at("2026-12-02T00:00:05+05:00"));
      execute(job("Timer_DecisionDeadline", pi));
      assertThat(slaBreaches.forCase(number(pi))).singleElement()
          .satisfies(b -> assertThat(b.getGroupId()).isEqualTo("credit-committee"));
      assertThat(escalations(pi)).isEqualTo(1);
      assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
      outbox.sendDue();
      assertThat(mailsAbout(pi)).isEmpty();
      assertThat(outbox.counts().pending()).isPositive();
    } finally {
      mailSender.setPort(port);
    }
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
      outbox.sendDue();
      assertThat(mailsAbout(pi)).isNotEmpty();
    });
  }

  String stepName(ProcessInstance pi, String step) {
    return task(step, pi).getName();
  }

  long escalations(ProcessInstance pi) {
    return historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(number(pi))
        .taskDefinitionKeyIn("Task_EscalationDecision", "Task_EscalationOmbudsmanExecution").count();
  }

  List<jakarta.mail.internet.MimeMessage> mailsAbout(ProcessInstance pi) throws Exception {
    List<jakarta.mail.internet.MimeMessage> found = new ArrayList<>();
    for (jakarta.mail.internet.MimeMessage m : SMTP.getReceivedMessages()) {
      if (m.getSubject() != null && m.getSubject().contains(number(pi)) && m.getSubject().startsWith("Просрочка")) {
        found.add(m);
      }
    }
    return found;
  }

  // ---------------------------------------------------------------- start form and cancellation

  @Test
  void startFormPathRevalidatesOnTheServerAndAssignsTheNumber() {
    ClockUtil.setCurrentTime(Date.from(RECEIVED.toInstant()));
    Map<String, Object> form = new HashMap<>(Map.of("borrowerFullName", "Серикова Дана",
        "borrowerIin", "900101400123", "borrowerPhone", "+77011234567", "contractNumber", "MK-" + UUID.randomUUID(),
        "language", "ru", "receivedAt", "2026-11-16T10:00+05:00",
        "requestedOptions", "[\"PAYMENT_DATE_CHANGE\",\"RATE_REDUCTION\"]", "circumstances", "Болезнь",
        "sociallyVulnerable", false));
    for (int i = 1; i <= 12; i++) {
      form.put(String.format("income%02d", i), i <= 10 ? 200000 : 100000);
    }
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(RestructuringProcess.KEY, form))
        .hasMessageContaining("borrower.iin");
    form.put("borrowerIin", "900101400122");
    ProcessInstance pi = runtime.startProcessInstanceByKey(RestructuringProcess.KEY, form);
    ProcessInstance reloaded = runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(reloaded.getBusinessKey()).matches("KZR-2026-\\d{6}");
    assertThat(reloaded).isWaitingAt(TASK_REVIEW).variables()
        .containsEntry("requestedOptionCodes", "PAYMENT_DATE_CHANGE,RATE_REDUCTION")
        .containsEntry("caseNumber", reloaded.getBusinessKey())
        .containsEntry("jurisdiction", "KZ").containsEntry("intakeGaps", "");
    assertThat((Double) runtime.getVariable(pi.getId(), "incomeDropPercent")).isCloseTo(45.45,
        org.assertj.core.data.Offset.offset(0.01));
    assertThat(runtime.getVariable(pi.getId(), "incomeDropText")).isEqualTo("45,45 %");
    assertThat(service.view(reloaded.getBusinessKey())).containsEntry("earlyRepaymentDemandBlocked", true);

    // the start form without incomes and options is taken as well
    Map<String, Object> sparse = new HashMap<>(form);
    sparse.keySet().removeIf(k -> k.startsWith("income"));
    sparse.remove("requestedOptions");
    sparse.put("contractNumber", "MK-" + UUID.randomUUID());
    ProcessInstance second = runtime.startProcessInstanceByKey(RestructuringProcess.KEY, sparse);
    assertThat(second).isWaitingAt(TASK_REVIEW).variables()
        .containsEntry("intakeGaps", "MONTHLY_INCOME,REQUESTED_OPTIONS").containsEntry("requestedOptionCodes", "");
  }

  @Test
  void cancellingTheCaseLiftsTheEarlyRepaymentBlock() {
    ProcessInstance pi = apply(false, "100");
    runtime.deleteProcessInstance(pi.getId(), "заявление отозвано клиентом");
    assertThat(view(pi)).containsEntry("status", "CLOSED_CANCELLED").containsEntry("earlyRepaymentDemandBlocked", false);
  }

  // ---------------------------------------------------------------- helpers

  static RestructuringApplication application(boolean sociallyVulnerable, List<BigDecimal> incomes,
      List<String> options, boolean emergency) {
    return application(sociallyVulnerable, incomes, options, emergency, "kk");
  }

  static RestructuringApplication application(boolean sociallyVulnerable, List<BigDecimal> incomes,
      List<String> options, boolean emergency, String language) {
    return new RestructuringApplication(
        new Borrower("Ахметова Айгуль", "900101400122", "+77010000000", "aigul@example.kz", "Алматы, ул. Абая 1"),
        "MK-" + UUID.randomUUID(), language, RECEIVED, new ArrayList<>(options), "Потеря работы", incomes,
        sociallyVulnerable, false, emergency);
  }

  ProcessInstance start(RestructuringApplication application) {
    ClockUtil.setCurrentTime(Date.from(RECEIVED.toInstant()));
    String number = service.apply(application);
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
  }

  ProcessInstance apply(boolean sociallyVulnerable, String lastTwoMonths) {
    return start(application(sociallyVulnerable, IncomeDropTest.incomes("106", lastTwoMonths),
        List.of("PAYMENT_DEFERRAL"), false));
  }

  ProcessInstance toPrepare() {
    return toPrepare("kk");
  }

  ProcessInstance toPrepare(String language) {
    ProcessInstance pi = start(application(false, IncomeDropTest.incomes("106", "100"), List.of("PAYMENT_DEFERRAL"),
        false, language));
    complete(task(TASK_REVIEW, pi), withVariables("documentsNeeded", false));
    return pi;
  }

  ProcessInstance toClientResponse(String receivedByClient) {
    ProcessInstance pi = toPrepare();
    complete(task(TASK_PREPARE_DECISION, pi), withVariables("decisionType", "COUNTER_PROPOSAL",
        "decisionOptions", "[\"PAYMENT_HALVED_TERM_EXTENDED\"]", "decisionMonths", "12",
        "decisionTerms", "Платеж 25 000 тенге, срок +12 месяцев"));
    approve(pi);
    deliver(pi, receivedByClient);
    assertThat(pi).isWaitingAt(TASK_AWAIT_CLIENT_RESPONSE);
    assertThat(view(pi)).containsEntry("status", "AWAITING_CLIENT_RESPONSE");
    return pi;
  }

  ProcessInstance toRefusal() {
    ProcessInstance pi = toPrepare("ru");
    assertThatThrownBy(() -> complete(task(TASK_PREPARE_DECISION, pi), withVariables("decisionType", "REFUSAL")))
        .hasMessageContaining("refusalReason");
    complete(task(TASK_PREPARE_DECISION, pi), withVariables("decisionType", "REFUSAL",
        "refusalReason", "Коэффициент долговой нагрузки позволяет исполнять договор."));
    approve(pi);
    deliver(pi, "2026-11-20");
    assertThat(pi).isWaitingAt(TASK_AWAIT_OMBUDSMAN);
    return pi;
  }

  ProcessInstance toOmbudsmanExecution() {
    ProcessInstance pi = toRefusal();
    service.ombudsmanNotified(number(pi), null, null);
    ClockUtil.setCurrentTime(at("2026-12-12T10:00:00+05:00"));
    complete(task(TASK_RECORD_OMBUDSMAN, pi), recordOmbudsman("UPHELD", "2026-12-30"));
    return pi;
  }

  static Map<String, Object> recordOmbudsman(String outcome, String executionDue) {
    return withVariables("ombudsmanDecision", "Предоставить отсрочку на 3 месяца", "ombudsmanDecisionAt",
        "2026-12-10", "ombudsmanOutcome", outcome, "ombudsmanExecutionRequired", "true",
        "ombudsmanExecutionDueAt", executionDue);
  }

  static Map<String, Object> agreement(int months) {
    return decision("AGREEMENT", months, false, "PAYMENT_DEFERRAL");
  }

  static Map<String, Object> decision(String type, int months, boolean feesWaived, String... options) {
    return withVariables("decisionType", type, "decisionOptions", List.of(options),
        "decisionMonths", months, "decisionTerms", "Отсрочка основного долга", "decisionFeesWaived", feesWaived);
  }

  void approve(ProcessInstance pi) {
    complete(task(TASK_APPROVE_DECISION, pi), withVariables("decisionApproved", "true"));
  }

  void deliver(ProcessInstance pi, String receivedByClient) {
    assertThat(pi).isWaitingAt(TASK_DELIVER_DECISION);
    ClockUtil.setCurrentTime(at(receivedByClient + "T18:00:00+05:00"));
    complete(task(TASK_DELIVER_DECISION, pi), withVariables("deliveryChannel", "EMAIL",
        "decisionReceivedAt", receivedByClient));
  }

  static String number(ProcessInstance pi) {
    return pi.getBusinessKey();
  }

  Map<String, Object> view(ProcessInstance pi) {
    return service.view(number(pi));
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> deadlines(ProcessInstance pi) {
    return (Map<String, Object>) view(pi).get("deadlines");
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> decision(ProcessInstance pi) {
    return (Map<String, Object>) view(pi).get("decision");
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> ombudsman(ProcessInstance pi) {
    return (Map<String, Object>) view(pi).get("ombudsmanCase");
  }

  static Date at(String offsetDateTime) {
    return Date.from(OffsetDateTime.parse(offsetDateTime).toInstant());
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
