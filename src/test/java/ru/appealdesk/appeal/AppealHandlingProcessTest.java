package ru.appealdesk.appeal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static ru.appealdesk.appeal.AppealFlows.appeal;
import static ru.appealdesk.appeal.AppealFlows.at;
import static ru.appealdesk.appeal.AppealFlows.client;
import static ru.appealdesk.appeal.AppealFlows.document;
import static ru.appealdesk.appeal.AppealFlows.now;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.deadline.SlaBreaches;
import ru.appealdesk.support.AbstractIntegrationTest;

/** Every path of {@code appeal-handling}, driven like Tasklist does: task by task with the forms' values. */
class AppealHandlingProcessTest extends AbstractIntegrationTest {

  static final String RECEIVED = "2026-11-20T10:00:00+03:00";

  @Autowired
  AppealFlows flows;
  @Autowired
  AppealSteps steps;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  SlaBreaches breaches;
  @Autowired
  org.camunda.bpm.engine.HistoryService historyService;
  @Autowired
  org.camunda.bpm.engine.IdentityService identityService;

  @BeforeEach
  void fixClock() {
    now("2026-11-20T11:00:00+03:00");
  }

  ProcessInstance start(String jurisdiction, String type, String subject, String channel, ClientDetails client,
      boolean completeDetails, boolean writtenAnswer) {
    return flows.start(appeal(jurisdiction, type, subject, channel, client, completeDetails, writtenAnswer, RECEIVED));
  }

  // ------------------------------------------------------------------ registration and the answer

  /** The routing's units are named as Camunda Admin names their groups; a group without a name gets the product's. */
  @Test
  void theRoutedUnitsCarryTheNamesTheAdministratorGaveTheirGroups() {
    org.camunda.bpm.engine.identity.Group legal = identityService.createGroupQuery().groupId("legal").singleResult();
    org.camunda.bpm.engine.identity.Group branchHead = identityService.createGroupQuery().groupId("branch-head")
        .singleResult();
    String legalName = legal.getName();
    String branchHeadName = branchHead.getName();
    legal.setName("Правовое управление");
    identityService.saveGroup(legal);
    branchHead.setName(" ");
    identityService.saveGroup(branchHead);
    try {
      ProcessInstance pi = start("RU", "COMPLAINT", "LOAN_TERMS", "EMAIL", client(document()), true, false);
      assertThat(pi).variables().containsEntry("responsibleGroupText", "Правовое управление")
          .containsEntry("coExecutorGroupText", "Руководитель обособленного подразделения");
    } finally {
      legal.setName(legalName);
      identityService.saveGroup(legal);
      branchHead.setName(branchHeadName);
      identityService.saveGroup(branchHead);
    }
  }

  @Test
  void autoRegisteredComplaintGetsTheConclusionFirstThenApprovalReworkAndAnEmailAnswer() {
    ProcessInstance pi = start("RU", "COMPLAINT", "LOAN_TERMS", "EMAIL", client(document()), true, false);

    assertThat(pi).hasPassed("Task_CheckAppeal", "Task_DecideRegistration", "Task_RouteAppeal",
        "Task_DecideAnswerMethod", "Task_DecideApproval", "Task_RegisterAutomatically", "Task_StartAnswerClock")
        .hasNotPassed("Task_RegisterAppeal", "Task_RequestInformation", "Task_DecideSupportingDocuments")
        .isWaitingAt("Task_PrepareConclusion")
        .variables().containsEntry("responsibleGroup", "legal").containsEntry("coExecutorGroup", "branch-head")
        .containsEntry("answerMethod", "EMAIL").containsEntry("deliveryPath", "EMAIL")
        .containsEntry("approvalNeeded", true).containsEntry("registrationMode", "AUTO")
        .containsEntry("subjectText", "Условия договора займа (срок, проценты, пени)")
        .containsEntry("responsibleGroupText", "Юридический отдел");
    assertThat(task(pi)).hasCandidateGroup("branch-head");
    Assertions.assertThat(flows.appeal(pi).getRegisteredAt()).isNotNull();

    // the diagram's order is the enforced one: the conclusion first, then the answer that shows it
    flows.conclude(pi);
    assertThat(pi).isWaitingAt("Task_PrepareAnswer").variables().hasEntrySatisfying("conclusions",
        v -> Assertions.assertThat((String) v).contains("[branch-head").contains("Нарушений со стороны клиента нет."));
    assertThat(task(pi)).hasCandidateGroup("legal");
    flows.answer(pi);
    assertThat(pi).isWaitingAt("Task_ApproveAnswer");
    assertThat(task(pi)).hasCandidateGroup("branch-head");
    Assertions.assertThat(flows.appeal(pi).getStatus()).isEqualTo(AppealStatus.ON_APPROVAL);

    flows.approve(pi, false);
    assertThat(pi).isWaitingAt("Task_ReviseAnswer");
    assertThat(task(pi)).hasCandidateGroup("legal");
    flows.revise(pi);
    assertThat(pi).isWaitingAt("Task_ApproveAnswer");
    taskService.claim(task(pi).getId(), "branchhead");
    flows.approve(pi, true);

    assertThat(pi).isWaitingAt("Task_DeliverByEmail").variables().containsEntry("answerSignedBy", "branchhead");
    execute(job("Task_DeliverByEmail", pi));
    assertThat(pi).isEnded().hasPassed("End_ConsiderationDone", "Task_CloseAppeal", "End_AppealClosed");

    Appeal a = flows.appeal(pi);
    Assertions.assertThat(a.getStatus()).isEqualTo(AppealStatus.CLOSED);
    Assertions.assertThat(a.getAnswerOutcome()).isEqualTo("EXPLAINED");
    Assertions.assertThat(a.getAnswerSignedBy()).isEqualTo("branchhead");
    Assertions.assertThat(flows.history(pi)).containsExactly("RECEIVED", "REGISTERED", "IN_PROGRESS",
        "ON_APPROVAL", "IN_PROGRESS", "ON_APPROVAL", "DELIVERING", "ANSWERED", "CLOSED");
    AppealView view = flows.view(pi);
    // the tables the case's path evaluated, each once: not the documents' table, which a complaint never asks
    Assertions.assertThat(view.rules()).extracting(AppealView.RuleView::key).containsExactlyInAnyOrder(
        "appeal-handling", "registration", "appeal-routing", "answer-method", "answer-approval");
    Assertions.assertThat(view.legalBasis()).anySatisfy(b -> Assertions.assertThat(b).contains("табл. 3"))
        .anySatisfy(b -> Assertions.assertThat(b).contains("442-ФЗ"));
  }

  @Test
  void aCaseDecidedBeforeATableWasRedeployedKeepsTheVersionThatDecidedIt() throws Exception {
    ProcessInstance before = start("RU", "COMPLAINT", "LOAN_TERMS", "EMAIL", client(document()), true, false);
    AppealView.RuleView decided = routing(flows.view(before));

    String xml = new String(getClass().getResourceAsStream("/dmn/appeal-routing.dmn").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8)
        .replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"9.9.9-redeployed\"");
    org.camunda.bpm.engine.RepositoryService repository = processEngine.getRepositoryService();
    String deployment = repository.createDeployment().name("appeal-routing")
        .addString("appeal-routing.dmn", xml).deploy().getId();
    try {
      AppealView.RuleView still = routing(flows.view(before));
      Assertions.assertThat(still.version()).isEqualTo(decided.version());
      Assertions.assertThat(still.versionTag()).isEqualTo(decided.versionTag()).isNotEqualTo("9.9.9-redeployed");
      Assertions.assertThat(still.deployedAt()).isEqualTo(decided.deployedAt());

      ProcessInstance after = start("RU", "COMPLAINT", "LOAN_TERMS", "EMAIL", client(document()), true, false);
      AppealView.RuleView now = routing(flows.view(after));
      Assertions.assertThat(now.version()).isEqualTo(decided.version() + 1);
      Assertions.assertThat(now.versionTag()).isEqualTo("9.9.9-redeployed");
      Assertions.assertThat(routing(flows.view(before)).version()).isEqualTo(decided.version());
    } finally {
      repository.deleteDeployment(deployment, true);
    }
  }

  private static List<String> mailTexts(String caseNumber) throws Exception {
    List<String> texts = new java.util.ArrayList<>();
    for (jakarta.mail.internet.MimeMessage m : SMTP.getReceivedMessages()) {
      if (m.getSubject() != null && m.getSubject().contains(caseNumber)) {
        texts.add(text(m.getContent()));
      }
    }
    return texts;
  }

  private static String text(Object content) throws Exception {
    if (content instanceof String s) {
      return s;
    }
    StringBuilder all = new StringBuilder();
    if (content instanceof jakarta.mail.Multipart parts) {
      for (int i = 0; i < parts.getCount(); i++) {
        Object part = parts.getBodyPart(i).getContent();
        if (part instanceof String || part instanceof jakarta.mail.Multipart) {
          all.append(text(part));
        }
      }
    }
    return all.toString();
  }

  private static AppealView.RuleView routing(AppealView view) {
    return view.rules().stream().filter(r -> r.key().equals("appeal-routing")).findFirst().orElseThrow();
  }

  @Test
  void phoneComplaintIsRegisteredByTheContactCenterAndAnsweredByCallInTime() {
    ClientDetails noDocument = new ClientDetails("Сидорова Анна", "+7 901 000-00-01", null, "г. Тула, ул. Мира, 7",
        "300002", null);
    ProcessInstance pi = start("RU", "COMPLAINT", "EMPLOYEE_CONDUCT", "PHONE", noDocument, true, false);

    assertThat(pi).isWaitingAt("Task_RegisterAppeal").hasNotPassed("Task_RegisterAutomatically");
    assertThat(task(pi)).hasCandidateGroup("contact-center").hasDueDate(at("2026-11-23T23:59:59+03:00"));
    Assertions.assertThat(task(pi).getFollowUpDate()).isEqualTo(at("2026-11-23T00:00:00+03:00"));
    Assertions.assertThat(flows.appeal(pi).getStatus()).isEqualTo(AppealStatus.RECEIVED);
    flows.register(pi);

    assertThat(pi).hasNotPassed("Task_RequestInformation").isWaitingAt("Task_PrepareAnswer");
    Assertions.assertThat(flows.timer(pi, "Timer_AnswerDeadline").getDuedate())
        .isEqualTo(at("2026-11-27T23:59:59+03:00"));
    Assertions.assertThat(flows.timer(pi, "Timer_AnswerDeadlineReminder").getDuedate())
        .isEqualTo(at("2026-11-27T00:00:00+03:00"));
    flows.answer(pi);
    assertThat(pi).hasNotPassed("Task_ApproveAnswer").isWaitingAt("Task_RecordCallOutcome");
    assertThat(task(pi)).hasCandidateGroup("contact-center");
    assertThatThrownBy(() -> flows.deliver(pi, "Task_RecordCallOutcome", "2026-12-31"))
        .hasMessageContaining("не может быть в будущем");
    flows.deliver(pi, "Task_RecordCallOutcome", "2026-11-20");
    assertThat(pi).isEnded().hasPassed("End_AppealClosed");
    Assertions.assertThat(flows.timer(pi, "Timer_AnswerDeadline")).isNull();
    Assertions.assertThat(breaches.isBreached(pi.getBusinessKey())).isFalse();
    Assertions.assertThat(flows.appeal(pi).getDeliveryProof()).contains("Позвонить клиенту")
        .contains("Ответ доведён");
  }

  @Test
  void theRegistrationFormsClientDetailsAreCheckedLikeTheApisAndTheRefusalNamesTheFormsLabels() {
    ClientDetails noDocument = new ClientDetails("Сидорова Анна", "+7 901 000-00-01", null, "г. Тула, ул. Мира, 7",
        "300002", null);
    ProcessInstance pi = start("RU", "COMPLAINT", "EMPLOYEE_CONDUCT", "PHONE", noDocument, true, false);

    assertThatThrownBy(() -> complete(task("Task_RegisterAppeal", pi), withVariables("originalMarked", true,
        AppealVariables.CLIENT_PHONE, "позвонить вечером", AppealVariables.CLIENT_POSTAL_CODE, "30")))
        .hasMessageContaining("Телефон: номер телефона").hasMessageContaining("Почтовый индекс: почтовый индекс")
        .hasMessageNotContaining("clientPhone");
    assertThat(pi).isWaitingAt("Task_RegisterAppeal");

    complete(task("Task_RegisterAppeal", pi), withVariables("originalMarked", true,
        AppealVariables.CLIENT_EMAIL, "anna.sidorova@example.ru", AppealVariables.CLIENT_ID_DOCUMENT, "4510 123456"));
    assertThat(pi).isWaitingAt("Task_PrepareAnswer");
    Client c = flows.appeal(pi).getClient();
    Assertions.assertThat(c.getEmail()).isEqualTo("anna.sidorova@example.ru");
    Assertions.assertThat(c.getIdDocument()).isEqualTo("4510 123456");
    Assertions.assertThat(c.getPhone()).isEqualTo("+7 901 000-00-01");
  }

  @Test
  void registrationOverdueIsRecordedAndEscalatedOnceToTheAppealsController() {
    ProcessInstance pi = start("RU", "COMPLAINT", "OFFICE_HOURS", "LETTER", client(document()), true, false);
    assertThat(pi).isWaitingAt("Task_RegisterAppeal");
    assertThat(task(pi)).hasCandidateGroup("office-staff");

    var overdue = flows.timer(pi, "Timer_RegistrationOverdue");
    Assertions.assertThat(overdue.getDuedate()).isEqualTo(at("2026-11-23T23:59:59+03:00"));
    now("2026-11-24T00:00:05+03:00");
    execute(overdue);
    assertThat(pi).isWaitingAt("Task_RegisterAppeal", "Task_EscalationRegistration");
    assertThat(task("Task_EscalationRegistration", pi)).hasCandidateGroup("appeals-controller");
    Assertions.assertThat(breaches.forCase(pi.getBusinessKey())).singleElement().satisfies(b -> {
      Assertions.assertThat(b.getClock()).isEqualTo("REGISTRATION");
      Assertions.assertThat(b.getStep()).isEqualTo("Task_RegisterAppeal");
      Assertions.assertThat(b.getStepName()).isEqualTo("Зарегистрировать обращение");
      Assertions.assertThat(b.getGroupId()).isEqualTo("office-staff");
    });

    flows.register(pi);
    complete(task("Task_EscalationRegistration", pi), withVariables("escalationNote", "Регистратор на больничном."));
    assertThat(pi).isWaitingAt("Task_PrepareAnswer").hasPassed("End_RegistrationEscalated");
    Assertions.assertThat(breaches.forCase(pi.getBusinessKey())).singleElement()
        .satisfies(b -> Assertions.assertThat(b.getResolution()).isEqualTo("Регистратор на больничном."));
  }

  @Test
  void aRequestDecidedOnTheSpotIsRecordedButNotRegistered() {
    ProcessInstance pi = start("RU", "REQUEST", "DEFERRAL_OR_INSTALLMENT", "OFFICE_ORAL", client(document()), false,
        false);
    assertThat(pi).isWaitingAt("Task_RecordOnTheSpotDecision");
    assertThat(task(pi)).hasCandidateGroup("branch-head").hasDueDate(at("2026-11-20T23:59:59+03:00"));
    complete(task(pi), withVariables("decisionText", "Предоставлена отсрочка платежа на 14 дней."));
    assertThat(pi).isEnded().hasPassed("End_DecidedOnTheSpot").hasNotPassed("Task_RegisterAppeal",
        "Task_RegisterAutomatically", "Task_AgreeOnTheSpotDecision", "Task_StartAnswerClock");
    Appeal a = flows.appeal(pi);
    Assertions.assertThat(a.getRegisteredAt()).isNull();
    Assertions.assertThat(a.getStatus()).isEqualTo(AppealStatus.DECIDED_ON_THE_SPOT);
    Assertions.assertThat(flows.history(pi)).containsExactly("RECEIVED", "DECIDED_ON_THE_SPOT");
  }

  @Test
  void aRateCutDecidedOnTheSpotIsAgreedWithTheDirector() {
    ProcessInstance pi = start("RU", "REQUEST", "RATE_REDUCTION", "OFFICE_ORAL", client(document()), false, false);
    complete(task("Task_RecordOnTheSpotDecision", pi), withVariables("decisionText", "Ставка снижена до 0,5 % в день."));
    assertThat(pi).isWaitingAt("Task_AgreeOnTheSpotDecision");
    assertThat(task(pi)).hasCandidateGroup("general-director");
    complete(task(pi), withVariables("onTheSpotAgreed", "true"));
    assertThat(pi).isEnded().hasPassed("End_DecidedOnTheSpot");
    Assertions.assertThat(flows.appeal(pi).getAnswerText()).contains("Согласовано");
  }

  @Test
  void aRequestNeedingAWrittenAnswerIsSignedOnceAtApprovalAndSentAsALetter() {
    ProcessInstance pi = start("RU", "REQUEST", "RATE_REDUCTION", "OFFICE_ORAL", client(document()), false, true);
    assertThat(pi).isWaitingAt("Task_RegisterAppeal");
    assertThat(task(pi)).hasCandidateGroup("office-staff");
    flows.register(pi);
    assertThat(pi).isWaitingAt("Task_PrepareConclusion");
    assertThat(task(pi)).hasCandidateGroup("collections-manager");
    flows.conclude(pi);
    flows.answer(pi);
    assertThat(pi).isWaitingAt("Task_ApproveAnswer");
    assertThat(task(pi)).hasCandidateGroup("general-director");
    taskService.claim(task(pi).getId(), "director");
    flows.approve(pi, true);

    assertThat(pi).isWaitingAt("CallActivity_OutgoingLetter");
    ProcessInstance letter = flows.letter(pi);
    assertThat(letter).variables().containsEntry("caseNumber", pi.getBusinessKey())
        .containsEntry("signedBy", "director").containsEntry("letterKind", "ANSWER")
        .containsEntry("jurisdiction", "RU");
    // signed at approval: the letter goes to registration without a second signature
    assertThat(letter).isWaitingAt("Task_RegisterLetter").hasNotPassed("Task_SignLetter", "Task_DraftLetter")
        .hasPassed("Gateway_SignatureNeeded", "Gateway_SignedMerge");
    complete(task("Task_RegisterLetter", letter), withVariables("registrationConfirmed", true));
    complete(task("Task_SendLetter", letter), withVariables("dispatchMethod", "REGISTERED_MAIL",
        "trackingNumber", "80081234567890"));
    flows.runLetterJobs(pi);

    assertThat(pi).isWaitingAt("Task_RecordLetterDelivery").variables().containsKey("outgoingNumber");
    assertThat(task(pi)).hasCandidateGroup("branch-head");
    flows.deliver(pi, "Task_RecordLetterDelivery", "2026-11-20");
    assertThat(pi).isEnded().hasPassed("End_AppealClosed");
    Assertions.assertThat(flows.appeal(pi).getDeliveryProof()).contains("отправлено почтой");
  }

  // ------------------------------------------------------------------ information (SPEC §3.4, §5a; KZ ¶58)

  ProcessInstance waitingForInformation() {
    ProcessInstance pi = start("RU", "COMPLAINT", "OFFICE_HOURS", "WEBSITE", client(document()), false, false);
    assertThat(pi).isWaitingAt("Task_RegisterAppeal");
    assertThat(task(pi)).hasCandidateGroup("internet-marketer");
    flows.register(pi);
    assertThat(pi).isWaitingAt("Task_RequestInformation").variables()
        .containsEntry("missingDetails", "SITUATION_PLACE,SITUATION_AT,DEMAND");
    assertThat(task(pi)).hasCandidateGroup("branch-head");
    complete(task(pi), withVariables("informationRequestText", "Сообщите, в каком офисе и когда это произошло."));
    assertThat(pi).isWaitingAt("Task_ReceiveInformation");
    assertThat(task(pi)).hasCandidateGroup("branch-head").hasCandidateGroup("internet-marketer");
    Assertions.assertThat(flows.appeal(pi).getStatus()).isEqualTo(AppealStatus.INFORMATION_REQUESTED);
    return pi;
  }

  @Test
  void theClientsInformationArrivesThroughTheApiAndTheAnswerIsDueFiveWorkingDaysAfterItsReceipt() {
    ProcessInstance pi = waitingForInformation();
    // received (per the API) on Friday 27.11 18:30, entered Monday 30.11: counted from the 27th -> Fri 04.12
    now("2026-11-30T09:00:00+03:00");
    steps.informationReceived(pi.getBusinessKey(), new InformationUpdate("Офис на ул. Мира, 25.11 в 9:00 закрыт.",
        null, "Наказать виновных", "офис на ул. Мира", OffsetDateTime.parse("2026-11-25T09:00:00+03:00"), null,
        List.of(), OffsetDateTime.parse("2026-11-27T18:30:00+03:00")));
    assertThat(pi).hasPassed("Event_InformationReceived", "Task_ResumeAnswerClock").isWaitingAt("Task_PrepareAnswer")
        .variables().containsEntry("answerDueAt", at("2026-12-04T23:59:59+03:00"));
    Assertions.assertThat(flows.appeal(pi).getSituationPlace()).isEqualTo("офис на ул. Мира");
    Assertions.assertThat(flows.history(pi)).contains("INFORMATION_REQUESTED", "INFORMATION_RECEIVED");
    flows.answer(pi);
    flows.deliver(pi, "Task_AnswerThroughChannel", "2026-11-30");
    assertThat(pi).isEnded();
  }

  @Test
  void anEmployeeRecordsTheInformationTheClientBroughtToTheOffice() {
    ProcessInstance pi = waitingForInformation();
    now("2026-11-25T15:00:00+03:00");
    complete(task("Task_ReceiveInformation", pi), withVariables("informationNote", "Клиент принёс объяснение.",
        "informationReceivedOn", "2026-11-25", "situationPlace", "офис на ул. Ленина"));
    assertThat(pi).hasNotPassed("Event_InformationReceived", "Timer_InformationTimeout")
        .isWaitingAt("Task_PrepareAnswer").variables()
        // the later of the original deadline (Wed 25.11, 3 WD) and 5 WD after 25.11 -> Wed 02.12
        .containsEntry("answerDueAt", at("2026-12-02T23:59:59+03:00"));
  }

  @Test
  void nothingArrivesAndTheStoppedClockResumesWithTheDaysItHadLeft() {
    ProcessInstance pi = waitingForInformation();
    // suspended on Fri 20.11 with 3 WD left (due Wed 25.11); the wait ends 10 WD later, Fri 04.12 -> due Wed 09.12
    var timeout = flows.timer(pi, "Timer_InformationTimeout");
    Assertions.assertThat(timeout.getDuedate()).isEqualTo(at("2026-12-04T23:59:59+03:00"));
    now("2026-12-05T00:00:01+03:00");
    execute(timeout);
    assertThat(pi).hasPassed("Timer_InformationTimeout").isWaitingAt("Task_PrepareAnswer").variables()
        .containsEntry("answerDueAt", at("2026-12-09T23:59:59+03:00"));
  }

  @Test
  void theAnswerTaskAsksTheClientForDocumentsAndBringsInAnotherUnit() {
    ProcessInstance pi = start("RU", "APPLICATION", "OTHER_WRITTEN", "EMAIL", client(document()), true, false);
    assertThat(pi).isWaitingAt("Task_PrepareAnswer");
    complete(task(pi), withVariables("answerAction", "ADD_CO_EXECUTORS", "additionalCoExecutors", List.of("legal")));
    assertThat(pi).isWaitingAt("Task_PrepareConclusion");
    assertThat(task(pi)).hasCandidateGroup("legal");
    flows.conclude(pi);
    assertThat(pi).isWaitingAt("Task_PrepareAnswer");
    complete(task(pi), withVariables("answerAction", "REQUEST_INFORMATION",
        "informationRequestText", "Пришлите, пожалуйста, копию договора."));
    assertThat(pi).isWaitingAt("Task_RequestInformation").hasPassed("Gateway_RequestMerge");
    complete(task(pi), withVariables("informationRequestText", "Пришлите, пожалуйста, копию договора."));
    steps.informationReceived(pi.getBusinessKey(), new InformationUpdate("Копия договора", null, null, null, null,
        null, List.of()));
    assertThat(pi).isWaitingAt("Task_PrepareAnswer");
    Assertions.assertThat(taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_PrepareConclusion").count()).as("the earlier conclusions are not asked again").isZero();
    flows.answer(pi);
    assertThat(pi).isWaitingAt("CallActivity_OutgoingLetter");
    Assertions.assertThat(flows.appeal(pi).getCoExecutorGroup()).isEqualTo("legal");
  }

  // ------------------------------------------------------------------ KZ (¶54, ¶61)

  @Test
  void aKazakhAbusiveAppealGetsAReasonedRefusalAndARepeatIsDetected() {
    ClientDetails client = client(document());
    ProcessInstance first = start("KZ", "COMPLAINT", "OTHER", "EMAIL", client, true, false);
    assertThat(first).isWaitingAt("Task_CheckAdmissibility").variables()
        .containsEntry("responsibleGroup", "kz-complaints").containsEntry("registrationMode", "AUTO");
    complete(task(first), withVariables("refusalGround", "NONE"));
    assertThat(first).isWaitingAt("Task_PrepareAnswer");
    flows.answer(first);
    assertThat(first).isWaitingAt("Task_DeliverByEmail");
    execute(job("Task_DeliverByEmail", first));
    assertThat(first).isEnded();

    ProcessInstance second = start("KZ", "COMPLAINT", "OTHER", "EMAIL", client, true, false);
    assertThat(second).isWaitingAt("Task_CheckAdmissibility").variables()
        .containsEntry("suggestedRefusalGround", "REPEAT_WITHOUT_NEW_ARGUMENTS");
    complete(task(second), withVariables("refusalGround", "ABUSIVE", "refusalReason", "Обращение содержит угрозы."));
    assertThat(second).isWaitingAt("Task_PrepareRefusal");
    complete(task(second), withVariables("answerText", "Өтінішіңіз қаралмайды: онда қорқыту бар (п. 54)."));
    assertThat(second).hasNotPassed("Task_ApproveAnswer").isWaitingAt("Task_DeliverByEmail");
    execute(job("Task_DeliverByEmail", second));
    assertThat(second).isEnded();
    Assertions.assertThat(flows.appeal(second).getAnswerOutcome()).isEqualTo("REFUSED_TO_CONSIDER");
  }

  @Test
  void aRefusalReturnedByTheApproverGoesBackToTheRefusalTask() {
    ProcessInstance pi = start("KZ", "COMPLAINT", "OTHER", "PHONE", client(document()), true, false);
    flows.register(pi);
    complete(task("Task_CheckAdmissibility", pi), withVariables("refusalGround", "OUT_OF_COMPETENCE",
        "refusalReason", "Вопрос относится к банку."));
    // a process owner who adds an approval step for KZ refusals (simulated on this case)
    runtimeService.setVariables(pi.getId(), Map.of("approvalNeeded", true, "approvalGroup", "client-rights-officer"));
    complete(task("Task_PrepareRefusal", pi), withVariables("answerText", "Сұрағыңыз біздің құзыретімізге кірмейді."));
    assertThat(pi).isWaitingAt("Task_ApproveAnswer");
    flows.approve(pi, false);
    assertThat(pi).isWaitingAt("Task_PrepareRefusal");
    Assertions.assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("Gateway_RefusalRework").count()).isEqualTo(2);
  }

  @Test
  void anAnonymousKazakhAppealIsRegisteredByAnEmployeeAndSuggestedAsAnonymous() {
    ProcessInstance pi = start("KZ", "COMPLAINT", "OTHER", "WHATSAPP", null, false, false);
    assertThat(pi).isWaitingAt("Task_RegisterAppeal").variables()
        .containsEntry("suggestedRefusalGround", "ANONYMOUS").containsEntry("detailsComplete", false);
    flows.register(pi);
    assertThat(pi).isWaitingAt("Task_CheckAdmissibility").hasNotPassed("Task_RequestInformation");
  }

  // ------------------------------------------------------------------ other answer paths

  @Test
  void aSuggestionInTheReviewBookIsAnsweredThereAndByAFollowUpCall() {
    ProcessInstance pi = start("RU", "SUGGESTION", "OFFICE_EQUIPMENT", "REVIEW_BOOK", client(document()), true, false);
    flows.register(pi);
    flows.answer(pi);
    assertThat(pi).isWaitingAt("Task_RecordPublishedAnswer");
    flows.deliver(pi, "Task_RecordPublishedAnswer", "2026-11-20");
    assertThat(pi).hasPassed("Gateway_FollowUpCall", "Gateway_CallMerge").isWaitingAt("Task_RecordCallOutcome");
    flows.deliver(pi, "Task_RecordCallOutcome", "2026-11-20");
    assertThat(pi).isEnded();
  }

  @Test
  void aReviewOnAThirdPartySiteIsRegisteredFromDiscoveryAndAnsweredOnThatSite() {
    NewAppeal review = new NewAppeal("RU", "REVIEW", null, "THIRD_PARTY_SITE",
        OffsetDateTime.parse("2026-11-18T10:00:00+03:00"), "ru", null, "Отзыв на сайте отзывов.", null, null, null,
        null, false, OffsetDateTime.parse("2026-11-20T09:00:00+03:00"), null, null, null);
    ProcessInstance pi = flows.start(review);
    assertThat(pi).isWaitingAt("Task_RegisterAppeal");
    // Table 1: one working day from the discovery (Fri 20.11) -> Mon 23.11
    assertThat(task(pi)).hasCandidateGroup("regional-network-head").hasDueDate(at("2026-11-23T23:59:59+03:00"));
    flows.register(pi);
    flows.answer(pi);
    assertThat(pi).isWaitingAt("Task_RecordPublishedAnswer");
    assertThat(task(pi)).hasCandidateGroup("internet-marketer");
    flows.deliver(pi, "Task_RecordPublishedAnswer", "2026-11-20");
    assertThat(pi).hasPassed("Gateway_FollowUpCall").hasNotPassed("Task_RecordCallOutcome").isEnded();
  }

  @Test
  void anOralSuggestionInTheOfficeIsAnsweredOrally() {
    ProcessInstance pi = start("RU", "SUGGESTION", "LOAN_CONDITIONS", "OFFICE_ORAL", client(document()), true, false);
    assertThat(pi).isWaitingAt("Task_RegisterAppeal");
    assertThat(task(pi)).hasCandidateGroup("office-staff");
    flows.register(pi);
    flows.answer(pi);
    assertThat(pi).isWaitingAt("Task_RecordOralAnswer");
    flows.deliver(pi, "Task_RecordOralAnswer", "2026-11-20");
    assertThat(pi).isEnded();
  }

  @Test
  void aWrittenRequestInTheOfficeIsRegisteredAndAnsweredOnLetterhead() {
    ProcessInstance pi = start("RU", "REQUEST", "LOAN_INCREASE", "OFFICE_WRITTEN", client(document()), true, true);
    flows.register(pi);
    flows.conclude(pi);
    flows.answer(pi);
    assertThat(pi).isWaitingAt("CallActivity_OutgoingLetter").variables()
        .containsEntry("answerMethod", "LETTERHEAD_IN_OFFICE");
    ProcessInstance request = start("RU", "REQUEST", "LOAN_INCREASE", "OFFICE_WRITTEN", client(document()), true,
        false);
    assertThat(request).isWaitingAt("Task_RecordOnTheSpotDecision");
  }

  @Test
  void aConsultationFromTheWebsiteIsRegisteredAutomaticallyAndAnsweredThroughTheSameChannel() {
    ProcessInstance pi = start("RU", "CONSULTATION", null, "WEBSITE", client(document()), true, false);
    assertThat(pi).hasPassed("Task_RegisterAutomatically").isWaitingAt("Task_PrepareAnswer");
    flows.answer(pi);
    assertThat(pi).isWaitingAt("Task_AnswerThroughChannel");
    flows.deliver(pi, "Task_AnswerThroughChannel", "2026-11-20");
    assertThat(pi).isEnded();
  }

  // ------------------------------------------------------------------ Table 5, regulators

  @Test
  void anInterestSuspensionShowsItsDocumentsAndIsNotAnsweredWithoutThemOrAReason() {
    NewAppeal in = new NewAppeal("RU", "APPLICATION", "INTEREST_SUSPENSION", "EMAIL",
        OffsetDateTime.parse(RECEIVED), "ru", client(document()), "Прошу приостановить проценты.", "Приостановить",
        "офис", OffsetDateTime.parse(RECEIVED).minusDays(1), "ДЗ-1", false, null, "INPATIENT_OVER_3_MONTHS", null,
        null);
    ProcessInstance pi = flows.start(in);
    assertThat(pi).hasPassed("Task_DecideSupportingDocuments").isWaitingAt("Task_PrepareAnswer").variables()
        .hasEntrySatisfying("requiredDocumentsText", v -> Assertions.assertThat((String) v)
            .contains("больничного листа").contains("медицинской карты"));
    Assertions.assertThat(flows.view(pi).rules()).extracting(AppealView.RuleView::key).containsExactlyInAnyOrder(
        "appeal-handling", "registration", "appeal-routing", "answer-method", "answer-approval",
        "supporting-documents");
    assertThatThrownBy(() -> flows.answer(pi)).hasMessageContaining("нужны документы");
    complete(task(pi), withVariables("answerAction", "ANSWER", "answerOutcome", "NOT_SATISFIED",
        "answerText", "Отказ: документы о лечении не представлены, приостановить проценты нельзя.",
        "documentsWaiverReason", "Клиент отказался представить документы."));
    assertThat(pi).isWaitingAt("CallActivity_OutgoingLetter");
  }

  @Test
  void aComplaintForwardedByTheBankOfRussiaSendsACopyOfTheAnswerBack() throws Exception {
    NewAppeal in = new NewAppeal("RU", "COMPLAINT", "COLLECTION_ACTIONS", "EMAIL", OffsetDateTime.parse(RECEIVED),
        "ru", client(document()), "Жалоба через Банк России.", "Прекратить звонки", "дом",
        OffsetDateTime.parse(RECEIVED).minusDays(3), "ДЗ-7", false, null, null, null,
        new NewAppeal.Regulator("BANK_OF_RUSSIA", "ОГ-2026-77412", OffsetDateTime.parse("2026-11-19T12:00:00+03:00")));
    ProcessInstance pi = flows.start(in);
    assertThat(pi).variables().containsEntry("regulatorReference", "ОГ-2026-77412").hasEntrySatisfying(
        "regulatorText", v -> Assertions.assertThat((String) v).contains("Банк России").contains("ОГ-2026-77412"));
    flows.answer(pi);
    execute(job("Task_DeliverByEmail", pi));
    Assertions.assertThat(mailTexts(pi.getBusinessKey())).as("the client's answer names the regulator's reference")
        .anySatisfy(t -> Assertions.assertThat(t).contains("из Банка России (обращение № ОГ-2026-77412)"));
    assertThat(pi).isWaitingAt("Task_SendRegulatorCopy");
    assertThat(task(pi)).hasCandidateGroup("appeals-controller");
    complete(task(pi), withVariables("regulatorCopyChannel", "личный кабинет участника информационного обмена Банка России",
        "regulatorCopyReference", "исх. 15/11 от 20.11.2026", "regulatorCopyDate", "2026-11-20"));
    assertThat(pi).isEnded();
    AppealView view = flows.view(pi);
    Assertions.assertThat(view.regulator().reference()).isEqualTo("ОГ-2026-77412");
    Assertions.assertThat(view.regulator().copyProof()).contains("исх. 15/11");
  }

  // ------------------------------------------------------------------ Tasklist

  @Test
  void everyOpenTaskOfAnAppealHasAFormADueDateAFollowUpAndACandidateGroup() {
    ProcessInstance pi = start("RU", "COMPLAINT", "LOAN_TERMS", "EMAIL", client(document()), true, false);
    for (Task t : taskService.createTaskQuery().processInstanceId(pi.getId()).initializeFormKeys().list()) {
      Assertions.assertThat(t.getDueDate()).as(t.getTaskDefinitionKey()).isNotNull();
      Assertions.assertThat(t.getFollowUpDate()).as(t.getTaskDefinitionKey()).isNotNull();
      Assertions.assertThat(taskService.getIdentityLinksForTask(t.getId())).as(t.getTaskDefinitionKey()).isNotEmpty();
    }
  }

  @Test
  void anEmployeeEntersAPaperApplicationWithTheStartFormInTasklist() {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(AppealIntake.PROCESS_KEY, Map.ofEntries(
        Map.entry("jurisdiction", "RU"), Map.entry("appealType", "APPLICATION"),
        Map.entry("subjectApplication", "DEBT_CERTIFICATE"), Map.entry("channel", "OFFICE_WRITTEN"),
        Map.entry("language", "ru"), Map.entry("receivedOn", "2026-11-20T09:30"),
        Map.entry("clientFullName", "Кузнецова Ольга"), Map.entry("clientPhone", "+7 900 111-22-33"),
        Map.entry("appealContent", "Прошу выдать справку о задолженности.")));
    Assertions.assertThat(pi.getBusinessKey()).startsWith("RU-2026-");
    assertThat(pi).isWaitingAt("Task_RegisterAppeal").variables().containsEntry("subject", "DEBT_CERTIFICATE");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(AppealIntake.PROCESS_KEY, Map.of(
        "jurisdiction", "RU", "appealType", "COMPLAINT", "channel", "PIGEON", "appealContent", "x")))
        .hasMessageContaining("channel");
    // a refusal of the intake names the start form's keys, not the API's JSON fields
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(AppealIntake.PROCESS_KEY, Map.of(
        "jurisdiction", "RU", "appealType", "COMPLAINT", "channel", "EMAIL", "language", "ru",
        "clientFullName", "Кузнецова Ольга", "clientEmail", "не-адрес", "clientPostalCode", "1",
        "appealContent", "Прошу пересчитать пени по договору.")))
        .hasMessageContaining("clientEmail: ").hasMessageContaining("clientPostalCode: ")
        .hasMessageNotContaining("client.email");
  }
}
