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
import static ru.appealdesk.restructuring.RestructuringProcess.TASK_AWAIT_DOCUMENTS;
import static ru.appealdesk.restructuring.RestructuringProcess.TASK_AWAIT_OMBUDSMAN;
import static ru.appealdesk.restructuring.RestructuringProcess.TASK_CHANGE_CONTRACT;
import static ru.appealdesk.restructuring.RestructuringProcess.TASK_DECIDE_SUSPENDED;
import static ru.appealdesk.restructuring.RestructuringProcess.TASK_DELIVER_DECISION;
import static ru.appealdesk.restructuring.RestructuringProcess.TASK_EXECUTE_OMBUDSMAN;
import static ru.appealdesk.restructuring.RestructuringProcess.TASK_NOTIFY_REFUSAL;
import static ru.appealdesk.restructuring.RestructuringProcess.TASK_PREPARE_DECISION;
import static ru.appealdesk.restructuring.RestructuringProcess.TASK_RECORD_OMBUDSMAN;
import static ru.appealdesk.restructuring.RestructuringProcess.TASK_REVIEW;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.deadline.DeadlineService;
import ru.appealdesk.deadline.SlaBreaches;
import ru.appealdesk.platform.ConflictException;
import ru.appealdesk.restructuring.RestructuringApplication.Borrower;
import ru.appealdesk.restructuring.RestructuringProcess.ClientResponse;
import ru.appealdesk.support.AbstractIntegrationTest;

/** Every path of bpmn/kz-restructuring.bpmn (issue 6, "Done when"). Monday 16.11.2026 10:00 Almaty is day 0. */
class KzRestructuringProcessTest extends AbstractIntegrationTest {

  static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-11-16T10:00:00+05:00");

  @Autowired
  RestructuringService service;
  @Autowired
  RuntimeService runtime;
  @Autowired
  DeadlineService deadlines;
  @Autowired
  SlaBreaches slaBreaches;

  // ---------------------------------------------------------------- documents

  @Test
  void documentsRequestedAndReceivedRestartTheFifteenDayClock() {
    ProcessInstance pi = apply(false, "100");
    assertThat(pi).isWaitingAt(TASK_REVIEW);
    assertThat(task(TASK_REVIEW, pi)).hasCandidateGroup("client-rights-officer")
        .hasDueDate(at("2026-12-01T23:59:59+05:00"));
    assertThat(view(pi)).containsEntry("status", "UNDER_REVIEW").containsEntry("earlyRepaymentDemandBlocked", true);

    assertThatThrownBy(() -> complete(task(TASK_REVIEW, pi), withVariables("documentsNeeded", true)))
        .hasMessageContaining("Какие документы нужны: обязательное поле");
    complete(task(TASK_REVIEW, pi), withVariables("documentsNeeded", true,
        "requestedDocuments", "Справка с места работы об увольнении"));
    assertThat(pi).isWaitingAt(TASK_AWAIT_DOCUMENTS);
    assertThat(view(pi)).containsEntry("status", "DOCUMENTS_REQUESTED").containsEntry("earlyRepaymentDemandBlocked", true);

    // an attachment that is not the requested documents does not resume consideration
    ClockUtil.setCurrentTime(at("2026-11-26T12:00:00+05:00"));
    assertThat(service.addDocument(number(pi), "письмо.txt", "text/plain", bytes("x"), false, "rightsofficer"))
        .containsEntry("documentsReceived", false);
    assertThat(pi).isWaitingAt(TASK_AWAIT_DOCUMENTS);
    assertThat(service.addDocument(number(pi), "справка.pdf", "application/pdf", bytes("%PDF-1.4"), true,
        "rightsofficer")).containsEntry("documentsReceived", true);

    assertThat(pi).isWaitingAt(TASK_REVIEW);
    assertThat(task(TASK_REVIEW, pi)).hasDueDate(at("2026-12-11T23:59:59+05:00"));
    complete(task(TASK_REVIEW, pi), withVariables("documentsNeeded", false));
    assertThat(pi).isWaitingAt(TASK_PREPARE_DECISION).hasPassed("Task_CheckMandatoryRestructuring");
    assertThat(task(TASK_PREPARE_DECISION, pi)).hasCandidateGroup("credit-committee")
        .hasDueDate(at("2026-12-11T23:59:59+05:00"));
    assertThat((List<?>) view(pi).get("documents")).hasSize(2);
    assertThat(deadlines(pi)).containsEntry("decisionDueAt", "2026-12-11T23:59:59+05:00");
  }

  @Test
  void documentsNeverReceivedOfficerKeepsWaitingThenClosesWithoutConsideration() {
    ProcessInstance pi = apply(false, "100");
    complete(task(TASK_REVIEW, pi), withVariables("documentsNeeded", true, "requestedDocuments", "Справка"));
    assertThat(job("Timer_DocumentsNotReceived", pi).getDuedate())
        .isEqualTo(deadlines.due("KZ", Date.from(RECEIVED.toInstant()), 30, "CALENDAR_DAYS"));
    execute(job("Timer_DocumentsNotReceived", pi));
    assertThat(pi).isWaitingAt(TASK_DECIDE_SUSPENDED);
    assertThat(view(pi)).containsEntry("status", "SUSPENDED_NO_DOCUMENTS");
    assertThatThrownBy(() -> complete(task(TASK_DECIDE_SUSPENDED, pi), withVariables("suspendedAction", "MAYBE")))
        .hasMessageContaining("Как поступить: недопустимое значение");
    complete(task(TASK_DECIDE_SUSPENDED, pi), withVariables("suspendedAction", "KEEP_WAITING"));
    assertThat(pi).isWaitingAt(TASK_AWAIT_DOCUMENTS);

    execute(job("Timer_DocumentsNotReceived", pi));
    complete(task(TASK_DECIDE_SUSPENDED, pi), withVariables("suspendedAction", "CLOSE"));
    assertThat(pi).isEnded().hasPassed("End_ClosedWithoutDocuments");
    assertThat(view(pi)).containsEntry("status", "CLOSED_WITHOUT_DOCUMENTS")
        .containsEntry("earlyRepaymentDemandBlocked", false);
  }

  // ---------------------------------------------------------------- decisions

  @Test
  void mandatoryAgreementRefusalImpossibleAtLeastThreeMonths() {
    ProcessInstance pi = apply(true, "69.99"); // socially vulnerable, income drop just above 30%
    complete(task(TASK_REVIEW, pi), withVariables("documentsNeeded", false));
    assertThat(pi).isWaitingAt(TASK_PREPARE_DECISION).variables()
        .containsEntry("mandatory", true).containsEntry("minimumMonths", 3);
    assertThat(view(pi)).containsEntry("mandatoryAgreement", true);

    assertThatThrownBy(() -> complete(task(TASK_PREPARE_DECISION, pi), withVariables("decisionType", "REFUSAL",
        "refusalReason", "Доход позволяет платить"))).hasMessageContaining("п. 74");
    assertThatThrownBy(() -> complete(task(TASK_PREPARE_DECISION, pi), agreement(2)))
        .hasMessageContaining("decisionMonths");
    complete(task(TASK_PREPARE_DECISION, pi), agreement(3));
    approve(pi);
    deliver(pi, "2026-11-25");
    assertThat(pi).isWaitingAt(TASK_CHANGE_CONTRACT);
    assertThat(task(TASK_CHANGE_CONTRACT, pi)).hasCandidateGroup("credit-committee");
    assertThat(view(pi)).containsEntry("earlyRepaymentDemandBlocked", true);
    complete(task(TASK_CHANGE_CONTRACT, pi), withVariables("contractChanged", true,
        "contractChangeReference", "ДС-1"));
    assertThat(pi).isEnded().hasPassed("End_Agreed");
    Map<String, Object> view = view(pi);
    assertThat(view).containsEntry("status", "CLOSED_AGREED").containsEntry("earlyRepaymentDemandBlocked", false);
    assertThat(decision(pi)).containsEntry("type", "AGREEMENT").containsEntry("months", 3)
        .containsEntry("options", List.of("PAYMENT_DEFERRAL")).containsEntry("late", false);
  }

  @Test
  void incomeDropOfExactlyThirtyPercentDoesNotForceAgreement() {
    ProcessInstance pi = apply(true, "70");
    complete(task(TASK_REVIEW, pi), withVariables("documentsNeeded", false));
    assertThat(pi).isWaitingAt(TASK_PREPARE_DECISION).variables()
        .containsEntry("incomeDropPercent", 30.0).containsEntry("mandatory", false);
  }

  @Test
  void agreementIsDeliveredInTheLanguageOfTheApplication() {
    ProcessInstance pi = toPrepare();
    complete(task(TASK_PREPARE_DECISION, pi), agreement(6));
    assertThat(pi).isWaitingAt(TASK_APPROVE_DECISION);
    assertThat(task(TASK_APPROVE_DECISION, pi)).hasCandidateGroup("client-rights-officer");
    approve(pi);
    assertThat(pi).isWaitingAt(TASK_DELIVER_DECISION);
    assertThat((String) runtime.getVariable(pi.getId(), "decisionLetter"))
        .contains("келісетінімізді").contains(number(pi)).contains("6 ай");
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
  }

  // ---------------------------------------------------------------- counter-proposal

  @Test
  void counterProposalAccepted() {
    ProcessInstance pi = toClientResponse("2026-11-20");
    assertThat(deadlines(pi)).containsEntry("clientResponseDueAt", "2026-12-21T23:59:59+05:00");
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
    complete(task(TASK_NOTIFY_REFUSAL, pi), withVariables("refusalNoticeChannel", "EMAIL",
        "refusalReceivedAt", "2026-12-23"));
    assertThat(pi).isWaitingAt(TASK_AWAIT_OMBUDSMAN);
    // 15 calendar days from 23.12 end on 07.01.2027 (Orthodox Christmas, a holiday) and move to 08.01.2027
    assertThat(job("Timer_OmbudsmanWindowClosed", pi).getDuedate())
        .isEqualTo(runtime.getVariable(pi.getId(), "ombudsmanDueAt"));
    execute(job("Timer_OmbudsmanWindowClosed", pi));
    assertThat(pi).isEnded().hasPassed("End_RefusedOmbudsmanWindowClosed");
    assertThat(view(pi)).containsEntry("status", "CLOSED_REFUSED").containsEntry("earlyRepaymentDemandBlocked", false);
    assertThat(decision(pi)).containsEntry("refusedByOperationOf76", true);
  }

  @Test
  void extensionAgreedOnceMovesTheTimeoutThenClientRejects() {
    ProcessInstance pi = toClientResponse("2026-11-20");
    service.extendResponseWindow(number(pi), 10, "Клиент и МФО согласовали продление письмом");
    assertThat(pi).isWaitingAt(TASK_AWAIT_CLIENT_RESPONSE).hasPassed("Task_ExtendResponseWindow");
    assertThat(job("Timer_ClientResponseTimeout", pi).getDuedate()).isEqualTo(at("2026-12-31T23:59:59+05:00"));
    assertThat(deadlines(pi)).containsEntry("responseWindowExtended", true)
        .containsEntry("clientResponseDueAt", "2026-12-31T23:59:59+05:00");
    assertThatThrownBy(() -> service.extendResponseWindow(number(pi), 10, "ещё раз"))
        .isInstanceOf(ConflictException.class);

    service.clientResponded(number(pi), ClientResponse.REJECT, "Не устраивает");
    assertThat(pi).isWaitingAt(TASK_NOTIFY_REFUSAL).variables().containsEntry("refusedByOperationOf76", true);
  }

  @Test
  void clientCountersAndTheCommitteeDecidesAgainWithinFifteenDays() {
    ProcessInstance pi = toClientResponse("2026-11-20");
    ClockUtil.setCurrentTime(at("2026-11-27T11:00:00+05:00"));
    service.clientResponded(number(pi), ClientResponse.COUNTER, "Прошу отсрочку на 6 месяцев");
    assertThat(pi).isWaitingAt(TASK_PREPARE_DECISION);
    assertThat(task(TASK_PREPARE_DECISION, pi)).hasDueDate(at("2026-12-14T23:59:59+05:00"));
  }

  // ---------------------------------------------------------------- refusal and ombudsman

  @Test
  void refusalWithOmbudsmanNoticeOpensAnOmbudsmanCaseTrackedUntilExecuted() {
    ProcessInstance pi = toPrepare();
    assertThatThrownBy(() -> complete(task(TASK_PREPARE_DECISION, pi), withVariables("decisionType", "REFUSAL")))
        .hasMessageContaining("refusalReason");
    complete(task(TASK_PREPARE_DECISION, pi), withVariables("decisionType", "REFUSAL",
        "refusalReason", "Коэффициент долговой нагрузки позволяет исполнять договор"));
    approve(pi);
    deliver(pi, "2026-11-20");
    assertThat(pi).isWaitingAt(TASK_AWAIT_OMBUDSMAN);
    assertThat(deadlines(pi)).containsEntry("ombudsmanNoticeDueAt", "2026-12-07T23:59:59+05:00");

    service.ombudsmanNotified(number(pi), null, "Клиент направил жалобу омбудсману");
    assertThat(pi).isWaitingAt(TASK_RECORD_OMBUDSMAN);
    assertThat(view(pi)).containsEntry("status", "OMBUDSMAN_CASE");
    ClockUtil.setCurrentTime(at("2026-12-12T10:00:00+05:00"));
    complete(task(TASK_RECORD_OMBUDSMAN, pi), withVariables("ombudsmanDecision", "Предоставить отсрочку на 3 месяца",
        "ombudsmanDecisionAt", "2026-12-10", "ombudsmanExecutionDueAt", "2026-12-30"));
    assertThat(pi).isWaitingAt(TASK_EXECUTE_OMBUDSMAN);
    assertThat(task(TASK_EXECUTE_OMBUDSMAN, pi)).hasCandidateGroup("client-rights-officer")
        .hasDueDate(at("2026-12-30T00:00:00+05:00"));
    assertThatThrownBy(() -> complete(task(TASK_EXECUTE_OMBUDSMAN, pi), withVariables("ombudsmanExecuted", false)))
        .hasMessageContaining("Решение омбудсмана исполнено: отметьте этот пункт");
    complete(task(TASK_EXECUTE_OMBUDSMAN, pi), withVariables("ombudsmanExecuted", true,
        "executionNote", "ДС о отсрочке подписано"));
    assertThat(pi).isEnded().hasPassed("End_OmbudsmanCaseClosed");
    @SuppressWarnings("unchecked")
    Map<String, Object> ombudsman = (Map<String, Object>) view(pi).get("ombudsmanCase");
    assertThat(ombudsman.get("notifiedAt")).isNotNull();
    assertThat(ombudsman.get("executedAt")).isNotNull();
    assertThat(ombudsman).containsEntry("decision", "Предоставить отсрочку на 3 месяца");
    assertThat(view(pi)).containsEntry("status", "CLOSED_OMBUDSMAN");
  }

  @Test
  void refusalWithoutOmbudsmanNoticeClosesWhenTheWindowEnds() {
    ProcessInstance pi = toPrepare();
    complete(task(TASK_PREPARE_DECISION, pi), withVariables("decisionType", "REFUSAL", "refusalReason", "Причины"));
    approve(pi);
    deliver(pi, "2026-11-20");
    assertThat(job("Timer_OmbudsmanWindowClosed", pi).getDuedate()).isEqualTo(at("2026-12-07T23:59:59+05:00"));
    execute(job("Timer_OmbudsmanWindowClosed", pi));
    assertThat(pi).isEnded().hasPassed("End_RefusedOmbudsmanWindowClosed").hasNotPassed(TASK_RECORD_OMBUDSMAN);
    assertThatThrownBy(() -> service.ombudsmanNotified(number(pi), null, "поздно"))
        .isInstanceOf(ConflictException.class);
    assertThat(decision(pi)).containsEntry("type", "REFUSAL").containsEntry("refusedByOperationOf76", false);
  }

  // ---------------------------------------------------------------- reminders and escalation

  @ParameterizedTest
  @ValueSource(strings = {"Review", "PrepareDecision", "ApproveDecision", "DeliverDecision", "ExecuteOmbudsmanDecision"})
  void everyDeadlineRemindsThenEscalatesToTheClientRightsOfficer(String step) {
    ProcessInstance pi = switch (step) {
      case "Review" -> apply(false, "100");
      case "PrepareDecision" -> toPrepare();
      case "ApproveDecision" -> {
        ProcessInstance p = toPrepare();
        complete(task(TASK_PREPARE_DECISION, p), agreement(6));
        yield p;
      }
      case "DeliverDecision" -> {
        ProcessInstance p = toPrepare();
        complete(task(TASK_PREPARE_DECISION, p), agreement(6));
        approve(p);
        yield p;
      }
      default -> toOmbudsmanExecution();
    };
    String late = step.equals("Review") ? TASK_REVIEW : "Task_" + step;
    assertThat(pi).isWaitingAt(late);

    execute(job("Timer_" + step + "Reminder", pi));
    execute(job("Task_" + step + "Reminder", pi)); // asyncBefore: e-mail retries on its own
    assertThat(pi).hasPassed("Task_" + step + "Reminder", "End_" + step + "Reminded").isWaitingAt(late);

    Date due = job("Timer_" + step + "Overdue", pi).getDuedate();
    assertThat(due).isEqualTo(task(late, pi).getDueDate());
    ClockUtil.setCurrentTime(new Date(due.getTime() + 1000));
    execute(job("Timer_" + step + "Overdue", pi));
    execute(job("Task_" + step + "Breach", pi));
    assertThat(pi).isWaitingAt(late, "Task_Escalation" + step);
    assertThat(task("Task_Escalation" + step, pi)).hasCandidateGroup("client-rights-officer");
    assertThat(slaBreaches.forCase(number(pi))).extracting(b -> b.getStep()).containsExactly(late);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> breaches = (List<Map<String, Object>>) deadlines(pi).get("breaches");
    assertThat(breaches).extracting(b -> b.get("step")).containsExactly(late);

    assertThatThrownBy(() -> complete(task("Task_Escalation" + step, pi), withVariables("escalationNote", " ")))
        .hasMessageContaining("Принятые меры: обязательное поле");
    complete(task("Task_Escalation" + step, pi), withVariables("escalationNote", "Поторопили исполнителя"));
    assertThat(pi).hasPassed("End_" + step + "Escalated").isWaitingAt(late);
  }

  // ---------------------------------------------------------------- start form and cancellation

  @Test
  void startFormPathRevalidatesOnTheServerAndAssignsTheNumber() {
    ClockUtil.setCurrentTime(Date.from(RECEIVED.toInstant()));
    Map<String, Object> form = new java.util.HashMap<>(Map.of("borrowerFullName", "Серикова Дана",
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
        .containsEntry("jurisdiction", "KZ");
    assertThat((Double) runtime.getVariable(pi.getId(), "incomeDropPercent")).isCloseTo(45.45, org.assertj.core.data.Offset.offset(0.01));
    assertThat(service.view(reloaded.getBusinessKey())).containsEntry("earlyRepaymentDemandBlocked", true);
  }

  @Test
  void cancellingTheCaseLiftsTheEarlyRepaymentBlock() {
    ProcessInstance pi = apply(false, "100");
    runtime.deleteProcessInstance(pi.getId(), "заявление отозвано клиентом");
    assertThat(view(pi)).containsEntry("status", "CLOSED_CANCELLED").containsEntry("earlyRepaymentDemandBlocked", false);
  }

  // ---------------------------------------------------------------- helpers

  ProcessInstance apply(boolean sociallyVulnerable, String lastTwoMonths) {
    ClockUtil.setCurrentTime(Date.from(RECEIVED.toInstant()));
    RestructuringApplication application = new RestructuringApplication(
        new Borrower("Ахметова Айгуль", "900101400122", "+77010000000", "aigul@example.kz", "Алматы, ул. Абая 1"),
        "MK-" + UUID.randomUUID(), "kk", RECEIVED, List.of("PAYMENT_DEFERRAL"), "Потеря работы",
        IncomeDropTest.incomes("106", lastTwoMonths), sociallyVulnerable, false, false);
    String number = service.apply(application);
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
  }

  ProcessInstance toPrepare() {
    ProcessInstance pi = apply(false, "100");
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

  ProcessInstance toOmbudsmanExecution() {
    ProcessInstance pi = toPrepare();
    complete(task(TASK_PREPARE_DECISION, pi), withVariables("decisionType", "REFUSAL", "refusalReason", "Причины"));
    approve(pi);
    deliver(pi, "2026-11-20");
    service.ombudsmanNotified(number(pi), null, null);
    ClockUtil.setCurrentTime(at("2026-12-12T10:00:00+05:00"));
    complete(task(TASK_RECORD_OMBUDSMAN, pi), withVariables("ombudsmanDecision", "Отсрочка",
        "ombudsmanDecisionAt", "2026-12-10", "ombudsmanExecutionDueAt", "2026-12-30"));
    return pi;
  }

  static Map<String, Object> agreement(int months) {
    return withVariables("decisionType", "AGREEMENT", "decisionOptions", List.of("PAYMENT_DEFERRAL"),
        "decisionMonths", months, "decisionTerms", "Отсрочка основного долга");
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

  static Date at(String offsetDateTime) {
    return Date.from(OffsetDateTime.parse(offsetDateTime).toInstant());
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
