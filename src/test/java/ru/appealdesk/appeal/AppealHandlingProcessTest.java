package ru.appealdesk.appeal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import jakarta.mail.internet.MimeMessage;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.deadline.SlaBreaches;
import ru.appealdesk.support.AbstractIntegrationTest;

/** Every path of {@code appeal-handling}, driven like Tasklist does: task by task with the forms' variables. */
class AppealHandlingProcessTest extends AbstractIntegrationTest {

  static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-11-20T10:00:00+03:00");
  static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-20T11:00:00+03:00");

  @Autowired
  AppealService service;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  SlaBreaches breaches;

  @BeforeEach
  void fixClock() {
    ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
  }

  // ------------------------------------------------------------------ fixtures

  static ClientDetails client(String document) {
    return new ClientDetails("Петров Пётр Петрович", "+7 900 555-12-34", "petrov-" + document.replaceAll("[^0-9a-z]", "") + "@example.ru",
        "г. Тула, ул. Мира, д. 5", "300001", document);
  }

  static String document() {
    return "45 07 " + UUID.randomUUID().toString().substring(0, 6);
  }

  static NewAppeal appeal(String jurisdiction, String type, String subject, String channel, ClientDetails client,
      boolean completeDetails, boolean writtenAnswer) {
    return new NewAppeal(jurisdiction, type, subject, channel, RECEIVED, "KZ".equals(jurisdiction) ? "kk" : "ru",
        client, "Суть обращения с подробностями.", completeDetails ? "Разобраться и ответить" : null,
        completeDetails ? "офис на ул. Мира" : null, completeDetails ? RECEIVED.minusDays(2) : null,
        completeDetails ? "ДЗ-2026-1" : null, writtenAnswer);
  }

  ProcessInstance start(NewAppeal a) {
    AppealService.Intake intake = service.intake(a, null, null);
    return runtimeService.createProcessInstanceQuery().processInstanceId(intake.appeal().getProcessInstanceId())
        .singleResult();
  }

  Appeal appealOf(ProcessInstance pi) {
    return service.get(pi.getBusinessKey());
  }

  List<String> history(ProcessInstance pi) {
    return service.view(pi.getBusinessKey()).history().stream().map(AppealView.History::status).toList();
  }

  Job timer(ProcessInstance pi, String activityId) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
  }

  void answer(ProcessInstance pi) {
    complete(task("Task_PrepareAnswer", pi), withVariables("answerOutcome", "SATISFIED",
        "answerText", "Уважаемый клиент! Ваше обращение рассмотрено, нарушения устранены."));
  }

  List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  // ------------------------------------------------------------------ registration

  @Test
  void autoRegisteredComplaintGetsConclusionApprovalAndEmailAnswer() {
    String doc = document();
    ProcessInstance pi = start(appeal("RU", "COMPLAINT", "LOAN_TERMS", "EMAIL", client(doc), true, false));

    assertThat(pi).hasPassed("Task_DecideRegistration", "Task_RouteAppeal", "Task_DecideAnswerMethod",
        "Task_RegisterAutomatically").hasNotPassed("Task_RegisterAppeal", "Task_RequestInformation")
        .isWaitingAt("Task_PrepareAnswer", "Task_PrepareConclusion")
        .variables().containsEntry("responsibleGroup", "legal").containsEntry("coExecutorGroup", "branch-head")
        .containsEntry("answerMethod", "EMAIL").containsEntry("approvalGroup", "branch-head");
    assertThat(task("Task_PrepareAnswer", pi)).hasCandidateGroup("legal");
    assertThat(task("Task_PrepareConclusion", pi)).hasCandidateGroup("branch-head");
    Assertions.assertThat(appealOf(pi).getRegisteredAt()).isNotNull();

    // the answer waits for the co-executor's conclusion, and the form shows it afterwards
    assertThatThrownBy(() -> answer(pi)).hasMessageContaining("заключений соисполнителей");
    assertThatThrownBy(() -> complete(task("Task_PrepareConclusion", pi), withVariables("conclusionText", "")))
        .hasMessageContaining("Заключение подразделения: обязательное поле");
    complete(task("Task_PrepareConclusion", pi), withVariables("conclusionText", "Пени начислены по договору."));
    assertThat(pi).variables().hasEntrySatisfying("conclusions",
        v -> Assertions.assertThat((String) v).contains("[branch-head").contains("Пени начислены по договору."));

    assertThatThrownBy(() -> complete(task("Task_PrepareAnswer", pi),
        withVariables("answerOutcome", "MAYBE", "answerText", "коротко")))
        .hasMessageContaining("Результат рассмотрения: недопустимое значение")
        .hasMessageContaining("Текст ответа клиенту: не короче 20 символов");
    answer(pi);
    assertThat(pi).isWaitingAt("Task_ApproveAnswer");
    assertThat(task(pi)).hasCandidateGroup("branch-head");
    Assertions.assertThat(appealOf(pi).getStatus()).isEqualTo(AppealStatus.ON_APPROVAL);

    // returned once for rework, then approved
    assertThatThrownBy(() -> complete(task(pi), withVariables("answerApproved", false)))
        .hasMessageContaining("approvalComment");
    complete(task(pi), withVariables("answerApproved", "false", "approvalComment", "Укажите расчёт пеней"));
    assertThat(pi).isWaitingAt("Task_ReviseAnswer");
    assertThat(task(pi)).hasCandidateGroup("legal");
    complete(task(pi), withVariables("answerOutcome", "EXPLAINED",
        "answerText", "Уважаемый клиент! Пени начислены по п. 12 договора, расчёт прилагаем."));
    assertThat(pi).isWaitingAt("Task_ApproveAnswer");
    complete(task(pi), withVariables("answerApproved", true));

    assertThat(pi).isWaitingAt("Task_DeliverByEmail");
    execute(job("Task_DeliverByEmail", pi));
    assertThat(pi).isEnded().hasPassed("Task_CloseAppeal", "End_AppealClosed");
    Assertions.assertThat(mailsTo("petrov-" + doc.replaceAll("[^0-9a-z]", ""))).isNotEmpty();

    Appeal a = appealOf(pi);
    Assertions.assertThat(a.getStatus()).isEqualTo(AppealStatus.CLOSED);
    Assertions.assertThat(a.getAnswerOutcome()).isEqualTo("EXPLAINED");
    Assertions.assertThat(a.getDeliveryProof()).isNotBlank();
    Assertions.assertThat(history(pi)).containsExactly("RECEIVED", "REGISTERED", "IN_PROGRESS", "ON_APPROVAL",
        "IN_PROGRESS", "ON_APPROVAL", "DELIVERING", "ANSWERED", "CLOSED");
  }

  @Test
  void phoneComplaintIsRegisteredByContactCenterAndAnsweredByCallInTime() {
    String doc = document();
    ClientDetails noDocument = new ClientDetails("Сидорова Анна", "+7 901 000-00-01", null, "г. Тула, ул. Мира, 7",
        "300002", null);
    ProcessInstance pi = start(appeal("RU", "COMPLAINT", "EMPLOYEE_CONDUCT", "PHONE", noDocument, true, false));

    assertThat(pi).isWaitingAt("Task_RegisterAppeal").hasNotPassed("Task_RegisterAutomatically");
    assertThat(task(pi)).hasCandidateGroup("contact-center")
        .hasDueDate(Date.from(OffsetDateTime.parse("2026-11-23T23:59:59+03:00").toInstant()));
    Assertions.assertThat(appealOf(pi).getStatus()).isEqualTo(AppealStatus.RECEIVED);

    assertThatThrownBy(() -> complete(task(pi), withVariables("originalMarked", false, "clientEmail", "не почта")))
        .hasMessageContaining("Номер обращения проставлен на оригинале (§6.1.3): отметьте этот пункт");
    assertThatThrownBy(() -> complete(task(pi), withVariables("originalMarked", true, "clientEmail", "не почта")))
        .hasMessageContaining("clientEmail");
    complete(task(pi), withVariables("originalMarked", true, "clientIdDocument", doc));

    assertThat(pi).hasPassed("Task_CheckAppeal").hasNotPassed("Task_RequestInformation")
        .isWaitingAt("Task_PrepareAnswer");
    Assertions.assertThat(appealOf(pi).getClient().getIdDocument()).isEqualTo(doc);
    Assertions.assertThat(taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_PrepareConclusion").count()).isZero();

    // answered before the deadline: the reminder and overdue timers go away, nothing is escalated
    Date due = Date.from(OffsetDateTime.parse("2026-11-27T23:59:59+03:00").toInstant());
    Assertions.assertThat(timer(pi, "Timer_PrepareAnswerOverdue").getDuedate()).isEqualTo(due);
    Assertions.assertThat(timer(pi, "Timer_PrepareAnswerReminder").getDuedate())
        .isEqualTo(Date.from(OffsetDateTime.parse("2026-11-27T00:00:00+03:00").toInstant()));
    answer(pi);
    Assertions.assertThat(timer(pi, "Timer_PrepareAnswerOverdue")).isNull();
    Assertions.assertThat(timer(pi, "Timer_PrepareAnswerReminder")).isNull();

    assertThat(pi).hasNotPassed("Task_ApproveAnswer").isWaitingAt("Task_RecordCallOutcome");
    assertThat(task(pi)).hasCandidateGroup("contact-center");
    assertThatThrownBy(() -> complete(task(pi), withVariables("deliveryDate", "2026-12-31", "callSummary", "Ок")))
        .hasMessageContaining("не короче 5 символов (введено 2)");
    assertThatThrownBy(() -> complete(task(pi), withVariables("deliveryDate", "2026-12-31",
        "callSummary", "Дозвонились, ответ изложен."))).hasMessageContaining("deliveryDate: дата не может быть в будущем");
    complete(task(pi), withVariables("deliveryDate", "2026-11-20", "callSummary", "Дозвонились, ответ изложен."));
    assertThat(pi).isEnded().hasPassed("End_AppealClosed");
    Assertions.assertThat(breaches.isBreached(pi.getBusinessKey())).isFalse();
    Assertions.assertThat(appealOf(pi).getDeliveryProof()).contains("Звонок клиенту").contains("Дозвонились");
  }

  @Test
  void registrationReminderThenOverdueEscalatesToTheAppealsController() {
    ProcessInstance pi = start(appeal("RU", "COMPLAINT", "OFFICE_HOURS", "LETTER", client(document()), true, false));
    assertThat(pi).isWaitingAt("Task_RegisterAppeal");
    assertThat(task(pi)).hasCandidateGroup("office-staff");

    Job reminder = timer(pi, "Timer_RegisterAppealReminder");
    Assertions.assertThat(reminder.getDuedate())
        .isEqualTo(Date.from(OffsetDateTime.parse("2026-11-23T00:00:00+03:00").toInstant()));
    ClockUtil.setCurrentTime(reminder.getDuedate());
    execute(reminder);
    execute(job("Task_RemindRegistration", pi));
    Assertions.assertThat(mailsTo("officer@appealdesk.local")).isNotEmpty();
    Assertions.assertThat(breaches.isBreached(pi.getBusinessKey())).isFalse();

    Job overdue = timer(pi, "Timer_RegisterAppealOverdue");
    ClockUtil.setCurrentTime(new Date(overdue.getDuedate().getTime() + 1000));
    execute(overdue);
    execute(job("Task_RecordRegistrationBreach", pi));
    assertThat(pi).isWaitingAt("Task_RegisterAppeal", "Task_EscalationRegisterAppeal");
    assertThat(task("Task_EscalationRegisterAppeal", pi)).hasCandidateGroup("appeals-controller");
    Assertions.assertThat(breaches.forCase(pi.getBusinessKey())).singleElement()
        .satisfies(b -> Assertions.assertThat(b.getStep()).isEqualTo("Task_RegisterAppeal"));

    complete(task("Task_RegisterAppeal", pi), withVariables("originalMarked", true));
    complete(task("Task_EscalationRegisterAppeal", pi), withVariables("escalationNote", "Регистратор на больничном."));
    assertThat(pi).isWaitingAt("Task_PrepareAnswer").hasPassed("End_RegistrationEscalated",
        "End_RegistrationReminded");
  }

  @Test
  void overdueAnswerIsEscalatedAndRecorded() {
    ProcessInstance pi = start(appeal("RU", "COMPLAINT", "COLLECTION_ACTIONS", "EMAIL", client(document()), true,
        false));
    assertThat(pi).isWaitingAt("Task_PrepareAnswer");
    Job overdue = timer(pi, "Timer_PrepareAnswerOverdue");
    Assertions.assertThat(overdue.getDuedate())
        .isEqualTo(Date.from(OffsetDateTime.parse("2026-11-25T23:59:59+03:00").toInstant()));
    ClockUtil.setCurrentTime(new Date(overdue.getDuedate().getTime() + 1000));
    execute(overdue);
    execute(job("Task_RecordAnswerBreach", pi));
    assertThat(pi).isWaitingAt("Task_PrepareAnswer", "Task_EscalationPrepareAnswer");
    assertThat(task("Task_EscalationPrepareAnswer", pi)).hasCandidateGroup("appeals-controller");
    Assertions.assertThat(breaches.isBreached(pi.getBusinessKey())).isTrue();

    // the controller records what was done about it; the answer itself is still due
    complete(task("Task_EscalationPrepareAnswer", pi),
        withVariables("escalationNote", "Юристу назначен срок до конца дня."));
    assertThat(pi).hasPassed("End_AnswerEscalated").isWaitingAt("Task_PrepareAnswer");
  }

  @Test
  void requestDecidedOnTheSpotIsRecordedButNotRegistered() {
    ProcessInstance pi = start(appeal("RU", "REQUEST", "DEFERRAL_OR_INSTALLMENT", "OFFICE_ORAL", client(document()),
        false, false));
    assertThat(pi).isWaitingAt("Task_RecordOnTheSpotDecision");
    assertThat(task(pi)).hasCandidateGroup("branch-head")
        .hasDueDate(Date.from(OffsetDateTime.parse("2026-11-20T23:59:59+03:00").toInstant()));
    assertThatThrownBy(() -> complete(task(pi))).hasMessageContaining("Какое решение принято");
    complete(task(pi), withVariables("decisionText", "Предоставлена отсрочка платежа на 14 дней."));

    assertThat(pi).isEnded().hasPassed("End_DecidedOnTheSpot").hasNotPassed("Task_RegisterAppeal",
        "Task_RegisterAutomatically");
    Appeal a = appealOf(pi);
    Assertions.assertThat(a.getRegisteredAt()).isNull();
    Assertions.assertThat(a.getStatus()).isEqualTo(AppealStatus.DECIDED_ON_THE_SPOT);
    Assertions.assertThat(history(pi)).containsExactly("RECEIVED", "DECIDED_ON_THE_SPOT");
  }

  @Test
  void requestNeedingAWrittenAnswerIsRegisteredApprovedAndSentAsALetter() {
    ProcessInstance pi = start(appeal("RU", "REQUEST", "RATE_REDUCTION", "OFFICE_ORAL", client(document()), false,
        true));
    assertThat(pi).isWaitingAt("Task_RegisterAppeal");
    assertThat(task(pi)).hasCandidateGroup("branch-head");
    complete(task(pi), withVariables("originalMarked", true));
    assertThat(pi).isWaitingAt("Task_PrepareAnswer", "Task_PrepareConclusion");
    assertThat(task("Task_PrepareConclusion", pi)).hasCandidateGroup("collections-manager");
    complete(task("Task_PrepareConclusion", pi), withVariables("conclusionText", "Просрочек нет, снижение возможно."));
    answer(pi);
    assertThat(pi).isWaitingAt("Task_ApproveAnswer");
    assertThat(task(pi)).hasCandidateGroup("general-director");
    complete(task(pi), withVariables("answerApproved", true));

    assertThat(pi).isWaitingAt("CallActivity_OutgoingLetter");
    ProcessInstance letter = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .singleResult();
    assertThat(letter).variables().containsEntry("caseNumber", pi.getBusinessKey())
        .containsEntry("signatoryGroup", "general-director").containsEntry("letterKind", "ANSWER");
    complete(task("Task_DraftLetter", letter));
    complete(task("Task_SignLetter", letter), withVariables("signed", true));
    complete(task("Task_RegisterLetter", letter), withVariables("registrationConfirmed", true));
    complete(task("Task_SendLetter", letter), withVariables("dispatchMethod", "REGISTERED_MAIL",
        "trackingNumber", "80081234567890"));
    while (managementService.createJobQuery().processInstanceId(letter.getId()).count() > 0) {
      execute(managementService.createJobQuery().processInstanceId(letter.getId()).list().get(0));
    }

    assertThat(pi).isWaitingAt("Task_RecordLetterDelivery");
    assertThat(pi).variables().containsKey("outgoingNumber");
    assertThat(task(pi)).hasCandidateGroup("branch-head");
    complete(task(pi), withVariables("deliveryDate", "2026-11-20", "deliveryReference", "РПО 80081234567890"));
    assertThat(pi).isEnded().hasPassed("End_AppealClosed");
    Assertions.assertThat(appealOf(pi).getDeliveryProof()).contains("Письмо исх. №").contains("80081234567890");
  }

  // ------------------------------------------------------------------ missing information (SPEC §3.4)

  ProcessInstance waitingForInformation() {
    ProcessInstance pi = start(appeal("RU", "COMPLAINT", "OFFICE_HOURS", "WEBSITE", client(document()), false, false));
    assertThat(pi).isWaitingAt("Task_RegisterAppeal");
    assertThat(task(pi)).hasCandidateGroup("internet-marketer");
    complete(task(pi), withVariables("originalMarked", true));
    assertThat(pi).isWaitingAt("Task_RequestInformation").variables()
        .containsEntry("missingDetails", "SITUATION_PLACE,SITUATION_AT,DEMAND");
    assertThat(task(pi)).hasCandidateGroup("branch-head");
    complete(task(pi), withVariables("informationRequestText", "Сообщите, в каком офисе и когда это произошло."));
    assertThat(pi).isWaitingAt("Gateway_AwaitInformation");
    Assertions.assertThat(appealOf(pi).getStatus()).isEqualTo(AppealStatus.INFORMATION_REQUESTED);
    return pi;
  }

  @Test
  void missingInformationArrivesAndTheAnswerIsDueFiveWorkingDaysLater() {
    ProcessInstance pi = waitingForInformation();
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-27T18:30:00+03:00").toInstant()));
    service.informationReceived(pi.getBusinessKey(), new InformationUpdate("Офис на ул. Мира, 25.11 в 9:00 закрыт.",
        null, "Наказать виновных", "офис на ул. Мира", OffsetDateTime.parse("2026-11-25T09:00:00+03:00"), null,
        List.of("doc-1")));

    assertThat(pi).hasPassed("Event_InformationReceived", "Task_ResumeAnswerClock")
        .hasNotPassed("Timer_InformationTimeout").isWaitingAt("Task_PrepareAnswer");
    Date due = Date.from(OffsetDateTime.parse("2026-12-04T23:59:59+03:00").toInstant());
    assertThat(task(pi)).hasDueDate(due);
    Appeal a = appealOf(pi);
    Assertions.assertThat(a.getAnswerDueAt()).isEqualTo(due.toInstant());
    Assertions.assertThat(a.getMissingDetails()).isNull();
    Assertions.assertThat(history(pi)).containsSubsequence("INFORMATION_REQUESTED", "INFORMATION_RECEIVED",
        "IN_PROGRESS");
  }

  @Test
  void missingInformationTimesOutAndTheAppealIsAnsweredOnWhatIsThere() {
    ProcessInstance pi = waitingForInformation();
    Job timeout = timer(pi, "Timer_InformationTimeout");
    Assertions.assertThat(timeout.getDuedate())
        .isEqualTo(Date.from(OffsetDateTime.parse("2026-12-04T23:59:59+03:00").toInstant()));
    ClockUtil.setCurrentTime(timeout.getDuedate());
    execute(timeout);
    assertThat(pi).hasPassed("Timer_InformationTimeout", "Task_ResumeAnswerClock")
        .hasNotPassed("Event_InformationReceived").isWaitingAt("Task_PrepareAnswer");
    Assertions.assertThat(appealOf(pi).getAnswerDueAt())
        .isEqualTo(OffsetDateTime.parse("2026-12-11T23:59:59+03:00").toInstant());
    Assertions.assertThatThrownBy(() -> service.informationReceived(pi.getBusinessKey(),
        new InformationUpdate("поздно", null, null, null, null, null, null)))
        .hasMessageContaining("не ожидает");
  }

  // ------------------------------------------------------------------ Kazakhstan (¶54)

  @Test
  void kazakhAbusiveAppealGetsAReasonedRefusalAndARepeatIsDetected() {
    String doc = document();
    ProcessInstance pi = start(appeal("KZ", "COMPLAINT", "OTHER", "EMAIL", client(doc), true, false));
    assertThat(pi).hasPassed("Task_RegisterAutomatically").isWaitingAt("Task_CheckAdmissibility");
    assertThat(task(pi)).hasCandidateGroup("kz-complaints");
    assertThat(pi).variables().containsEntry("suggestedRefusalGround", "NONE")
        .containsEntry("answerDueAtText", "07.12.2026 23:59 (Алматы)");

    assertThatThrownBy(() -> complete(task(pi), withVariables("refusalGround", "ABUSIVE")))
        .hasMessageContaining("refusalReason");
    complete(task(pi), withVariables("refusalGround", "ABUSIVE", "refusalReason", "Обращение содержит угрозы сотруднику."));
    assertThat(pi).isWaitingAt("Task_PrepareRefusal").hasNotPassed("Task_RequestInformation");
    complete(task(pi), withVariables("answerText", "Обращение не рассматривается по существу: пункт 54 Политики."));
    assertThat(pi).hasNotPassed("Task_ApproveAnswer").isWaitingAt("Task_DeliverByEmail");
    execute(job("Task_DeliverByEmail", pi));
    assertThat(pi).isEnded();
    Appeal refused = appealOf(pi);
    Assertions.assertThat(refused.getRefusalGround()).isEqualTo("ABUSIVE");
    Assertions.assertThat(refused.getAnswerOutcome()).isEqualTo("REFUSED_TO_CONSIDER");
    Assertions.assertThat(refused.getStatus()).isEqualTo(AppealStatus.CLOSED);

    // the same client asks the same again: the history shows the earlier answer
    ProcessInstance again = start(appeal("KZ", "COMPLAINT", "OTHER", "EMAIL", client(doc), true, false));
    assertThat(again).isWaitingAt("Task_CheckAdmissibility").variables()
        .containsEntry("suggestedRefusalGround", "REPEAT_WITHOUT_NEW_ARGUMENTS")
        .hasEntrySatisfying("admissibilityHints", h -> Assertions.assertThat((String) h).contains(pi.getBusinessKey()));
    complete(task(again), withVariables("refusalGround", "NONE"));
    assertThat(again).isWaitingAt("Task_PrepareAnswer");
    assertThat(task(again)).hasCandidateGroup("kz-complaints");
  }

  @Test
  void aRefusalReturnedByTheApproverGoesBackToTheRefusalTask() {
    ProcessInstance pi = start(appeal("KZ", "COMPLAINT", "OTHER", "EMAIL", client(document()), true, false));
    complete(task(pi), withVariables("refusalGround", "OUT_OF_COMPETENCE",
        "refusalReason", "Вопрос относится к компетенции банка-партнёра."));
    // the current table names no approver for KZ appeals; a process owner may add one
    runtimeService.setVariable(pi.getId(), "approvalGroup", "client-rights-officer");
    complete(task("Task_PrepareRefusal", pi), withVariables("answerText", "Вопрос вне компетенции организации: обратитесь в банк."));
    assertThat(pi).isWaitingAt("Task_ApproveAnswer");
    assertThat(task(pi)).hasCandidateGroup("client-rights-officer");
    complete(task(pi), withVariables("answerApproved", false, "approvalComment", "Укажите адрес банка"));
    assertThat(pi).isWaitingAt("Task_PrepareRefusal").hasNotPassed("Task_ReviseAnswer");
    complete(task(pi), withVariables("answerText", "Вопрос вне компетенции организации: обратитесь в банк по адресу …"));
    complete(task("Task_ApproveAnswer", pi), withVariables("answerApproved", true));
    assertThat(pi).isWaitingAt("Task_DeliverByEmail");
  }

  @Test
  void anonymousKazakhAppealIsSuggestedAsAnonymous() {
    ProcessInstance pi = start(appeal("KZ", "COMPLAINT", "OTHER", "WHATSAPP", null, false, false));
    assertThat(pi).isWaitingAt("Task_RegisterAppeal");
    complete(task(pi), withVariables("originalMarked", true));
    assertThat(pi).isWaitingAt("Task_CheckAdmissibility").variables()
        .containsEntry("suggestedRefusalGround", "ANONYMOUS");
  }

  // ------------------------------------------------------------------ delivery methods (DMN answer-method)

  @Test
  void suggestionInTheReviewBookIsAnsweredThereAndByAFollowUpCall() {
    ProcessInstance pi = start(appeal("RU", "SUGGESTION", "OFFICE_EQUIPMENT", "REVIEW_BOOK", client(document()),
        false, false));
    assertThat(task(pi)).hasCandidateGroup("office-staff");
    complete(task(pi), withVariables("originalMarked", true));
    answer(pi);
    assertThat(pi).isWaitingAt("Task_RecordPublishedAnswer");
    assertThat(task(pi)).hasCandidateGroup("branch-head");
    complete(task(pi), withVariables("publishedWhere", "Книга отзывов, с. 14", "deliveryDate", "2026-11-20",
        "publishedText", "Спасибо, кулер установим."));
    assertThat(pi).isWaitingAt("Task_RecordCallOutcome");
    complete(task(pi), withVariables("deliveryDate", "2026-11-20", "callSummary", "Клиенту сообщено об ответе."));
    assertThat(pi).isEnded().hasPassed("Gateway_FollowUpCall", "Task_RecordCallOutcome");
    Assertions.assertThat(appealOf(pi).getDeliveryProof()).contains("Книга отзывов").contains("Звонок клиенту");
  }

  @Test
  void reviewOnAThirdPartySiteIsAnsweredOnThatSite() {
    ProcessInstance pi = start(appeal("RU", "REVIEW", null, "THIRD_PARTY_SITE", null, false, false));
    assertThat(task(pi)).hasCandidateGroup("regional-network-head");
    complete(task(pi), withVariables("originalMarked", true));
    answer(pi);
    assertThat(pi).isWaitingAt("Task_RecordPublishedAnswer");
    assertThat(task(pi)).hasCandidateGroup("internet-marketer");
    complete(task(pi), withVariables("publishedWhere", "https://otzovik.example/123", "deliveryDate", "2026-11-20",
        "publishedText", "Благодарим за отзыв!"));
    assertThat(pi).isEnded().hasPassed("Gateway_FollowUpCall").hasNotPassed("Task_RecordCallOutcome");
  }

  @Test
  void oralSuggestionIsAnsweredOrallyInTheOffice() {
    ProcessInstance pi = start(appeal("RU", "SUGGESTION", "LOAN_CONDITIONS", "OFFICE_ORAL", client(document()), false,
        false));
    complete(task("Task_RegisterAppeal", pi), withVariables("originalMarked", true));
    answer(pi);
    assertThat(pi).isWaitingAt("Task_RecordOralAnswer");
    complete(task(pi), withVariables("deliveryDate", "2026-11-20", "oralSummary", "Разъяснены условия займов."));
    assertThat(pi).isEnded().hasPassed("End_AppealClosed");
  }

  @Test
  void consultationFromTheWebsiteIsRegisteredAutomaticallyAndAnsweredThroughTheSameChannel() {
    ProcessInstance pi = start(appeal("RU", "CONSULTATION", null, "WEBSITE", client(document()), false, false));
    assertThat(pi).hasPassed("Task_RegisterAutomatically").isWaitingAt("Task_PrepareAnswer");
    answer(pi);
    assertThat(pi).isWaitingAt("Task_AnswerThroughChannel");
    assertThat(task(pi)).hasCandidateGroup("branch-head");
    complete(task(pi), withVariables("deliveryDate", "2026-11-20", "deliveryReference", "Сообщение в форме сайта №77"));
    assertThat(pi).isEnded().hasPassed("End_AppealClosed");
    Assertions.assertThat(appealOf(pi).getStatus()).isEqualTo(AppealStatus.CLOSED);
  }

  @Test
  void everyOpenTaskOfTheProcessHasAFormDueDateAndCandidateGroup() {
    ProcessInstance pi = start(appeal("RU", "COMPLAINT", "PERSONAL_CABINET", "EMAIL", client(document()), true, false));
    for (Task t : taskService.createTaskQuery().processInstanceId(pi.getId()).initializeFormKeys().list()) {
      Assertions.assertThat(t.getDueDate()).as(t.getTaskDefinitionKey()).isNotNull();
      Assertions.assertThat(t.getCamundaFormRef()).as(t.getTaskDefinitionKey()).isNotNull();
      Assertions.assertThat(taskService.getIdentityLinksForTask(t.getId())).as(t.getTaskDefinitionKey())
          .anyMatch(l -> l.getGroupId() != null);
    }
  }

  // ------------------------------------------------------------------ started by an employee in Tasklist

  @Autowired
  org.camunda.bpm.engine.FormService formService;
  @Autowired
  org.camunda.bpm.engine.RepositoryService repositoryService;

  String definitionId() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(AppealService.PROCESS_KEY)
        .latestVersion().singleResult().getId();
  }

  @Test
  void anEmployeeEntersAPaperApplicationWithTheStartFormInTasklist() {
    String doc = document();
    java.util.Map<String, Object> form = new java.util.HashMap<>(java.util.Map.of("jurisdiction", "RU",
        "appealType", "APPLICATION", "subject", "DEBT_CERTIFICATE", "channel", "OFFICE_WRITTEN", "language", "ru",
        "receivedOn", "2026-11-20T09:30", "clientFullName", "Орлова Ольга", "clientPhone", "+7 902 111-22-33",
        "appealContent", "Прошу выдать справку об отсутствии задолженности."));
    form.putAll(java.util.Map.of("clientAddress", "г. Тула, ул. Мира, 9", "clientPostalCode", "300003",
        "clientIdDocument", doc, "contractNumber", "ДЗ-2025-10", "writtenAnswerRequested", false));

    ProcessInstance pi = formService.submitStartForm(definitionId(), form);

    Assertions.assertThat(pi.getBusinessKey()).matches("RU-2026-\\d{6}");
    assertThat(pi).hasPassed("Task_AcceptAppeal").isWaitingAt("Task_RegisterAppeal");
    assertThat(task(pi)).hasCandidateGroup("office-staff");
    Appeal a = appealOf(pi);
    Assertions.assertThat(a.getProcessInstanceId()).isEqualTo(pi.getId());
    Assertions.assertThat(a.getReceivedAt()).isEqualTo(OffsetDateTime.parse("2026-11-20T09:30:00+03:00").toInstant());
    Assertions.assertThat(a.getClient().getIdDocument()).isEqualTo(doc);
    assertThat(pi).variables().containsEntry("appealNumber", pi.getBusinessKey())
        .containsEntry("responsibleGroup", "branch-head").containsEntry("answerMethod", "LETTERHEAD_IN_OFFICE");
  }

  @Test
  void theStartFormIsValidatedOnTheServer() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(AppealService.PROCESS_KEY).count();
    assertThatThrownBy(() -> formService.submitStartForm(definitionId(), java.util.Map.of("jurisdiction", "RU",
        "channel", "PIGEON", "clientEmail", "не почта", "appealContent", "Текст обращения")))
        .hasMessageContaining("Тип обращения: выберите значение").hasMessageContaining("Способ обращения: недопустимое");
    assertThatThrownBy(() -> formService.submitStartForm(definitionId(), java.util.Map.of("jurisdiction", "RU",
        "appealType", "COMPLAINT", "subject", "LOAN_TERMS", "channel", "PIGEON", "appealContent", "Текст")))
        .hasMessageContaining("Способ обращения: недопустимое значение");
    assertThatThrownBy(() -> formService.submitStartForm(definitionId(), java.util.Map.of("jurisdiction", "RU",
        "appealType", "COMPLAINT", "subject", "LOAN_TERMS", "channel", "EMAIL", "language", "ru",
        "clientEmail", "не почта", "appealContent", "Текст обращения"))).hasMessageContaining("clientEmail");
    Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(AppealService.PROCESS_KEY)
        .count()).isEqualTo(before);
  }
}
