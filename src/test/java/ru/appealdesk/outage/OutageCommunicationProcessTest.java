package ru.appealdesk.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.casefile.CaseFile;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.support.AbstractIntegrationTest;

class OutageCommunicationProcessTest extends AbstractIntegrationTest {

  static final Instant NOW = Instant.parse("2026-11-21T06:00:00Z");
  static final List<String> CHANNEL_TASKS = List.of("Task_ActivateBackupEmail", "Task_PublishMirrorSite",
      "Task_SwitchBackupInternetChannel", "Task_PostOnSiteAndCabinet", "Task_PostOnSocialNetworks",
      "Task_PrepareSroRequest", "Task_PhoneAutoInformer");

  /** The checklist each channel task must tick (besides the text fields), as in its form. */
  static final Map<String, Map<String, Object>> CHECKLISTS = Map.of(
      "Task_ActivateBackupEmail", Map.of("backupMailboxActive", true, "backupAddressBaseConnected", true,
          "clientsNotifiedByEmail", true, "backupMailboxWatched", true),
      "Task_PublishMirrorSite", Map.of("mirrorSiteAddress", "https://reserve.example", "mirrorSitePublished", true,
          "mirrorMessagePosted", true, "mirrorPaymentDetails", true, "mirrorContactsChecked", true),
      "Task_SwitchBackupInternetChannel", Map.of("backupChannelAddress", "203.0.113.10", "backupChannelSwitched", true,
          "backupChannelChecked", true),
      "Task_PostOnSiteAndCabinet", Map.of("siteCabinetChecked", true, "siteWorks", false, "cabinetWorks", true,
          "cabinetPosted", true),
      "Task_PostOnSocialNetworks", Map.of("socialPosted", true, "socialCommentsWatched", true,
          "socialLinks", "https://vk.com/mfo/post1"),
      "Task_PrepareSroRequest", Map.of("sroMessageAttached", true, "sroRecipientChecked", true),
      "Task_PhoneAutoInformer", Map.of("autoInformerRecorded", true, "operatorsBriefed", true, "staffingRaised", true,
          "extraOperators", 4L));

  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  OutageService outages;
  @Autowired
  CaseFile caseFile;
  @Autowired
  OutageCaseNumbers caseNumbers;

  @BeforeEach
  void freezeClock() {
    ClockUtil.setCurrentTime(Date.from(NOW));
  }

  ProcessInstance start(String... channels) {
    return runtime.startProcessInstanceByKey("outage-communication", Variables.createVariables()
        .putValue("what", "DoS-атака на сайт и личный кабинет")
        .putValue("since", "2026-11-21T08:00:00+03:00")
        .putValue("affectedChannels", SpinValues.jsonValue(
            "[" + String.join(",", List.of(channels).stream().map(c -> "\"" + c + "\"").toList()) + "]").create())
        .putValue("expectedRecovery", "до 15:00"));
  }

  @Test
  void startRegistersTheOutageAndOpensEveryChannelTaskForItsGroup() {
    ProcessInstance pi = start("WEBSITE", "PERSONAL_CABINET");

    assertThat(pi).isWaitingAt(CHANNEL_TASKS.toArray(String[]::new)).isWaitingAt("Timer_RecheckStatus")
        .hasPassed("Task_RegisterOutage");
    String number = (String) runtime.getVariable(pi.getId(), "outageNumber");
    assertThat(number).matches("OUTAGE-2026-\\d{4,}");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey())
        .isEqualTo(number);

    Outage outage = outages.get(number);
    assertThat(outage.status()).isEqualTo(Outage.Status.OPEN);
    assertThat(outage.affectedChannels()).containsExactly("WEBSITE", "PERSONAL_CABINET");
    assertThat(outage.since()).isEqualTo(Instant.parse("2026-11-21T05:00:00Z"));
    assertThat(outage.processInstanceId()).isEqualTo(pi.getId());
    assertThat(outage.messageRu()).contains("DoS-атака на сайт и личный кабинет").contains("до 15:00");
    assertThat(outage.messageKk()).startsWith("Техникалық іркіліс").contains("Құрметті клиенттер!");
    // prepared once: every channel task reads the same stored text
    assertThat(runtime.getVariable(pi.getId(), "outageMessageRu")).isEqualTo(outage.messageRu());
    assertThat(runtime.getVariable(pi.getId(), "outageMessageKk")).isEqualTo(outage.messageKk());
    assertThat(runtime.getVariable(pi.getId(), "siteWorks")).isEqualTo(false);
    assertThat(runtime.getVariable(pi.getId(), "cabinetWorks")).isEqualTo(false);
    assertThat((String) runtime.getVariable(pi.getId(), "sroLetterBody")).endsWith(outage.messageRu());

    Map<String, String> groups = Map.of("Task_ActivateBackupEmail", "internet-marketer",
        "Task_PublishMirrorSite", "internet-marketer", "Task_SwitchBackupInternetChannel", "internet-marketer",
        "Task_PostOnSiteAndCabinet", "internet-marketer", "Task_PostOnSocialNetworks", "marketing",
        "Task_PrepareSroRequest", "legal", "Task_PhoneAutoInformer", "contact-center");
    groups.forEach((taskKey, group) -> {
      Task t = task(taskKey, pi);
      assertThat(t).as(taskKey).hasCandidateGroup(group);
      assertThat(t.getDueDate()).as(taskKey).isEqualTo(Date.from(NOW.plusSeconds(2 * 3600)));
    });
    Job timer = job("Timer_RecheckStatus", pi);
    assertThat(timer.getDuedate()).isEqualTo(Date.from(NOW.plusSeconds(3 * 3600)));
  }

  @Test
  void aStartWithBadInputIsRefusedOnTheServerAndStartsNothing() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("outage-communication").count();

    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("outage-communication", Variables.createVariables()
        .putValue("what", "Сбой").putValue("since", "2026-11-21 08:00")
        .putValue("affectedChannels", SpinValues.jsonValue("[]").create())))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.problems())
            .extracting(BadRequestException.FieldProblem::field).containsExactly("since", "affectedChannels"));
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("outage-communication").count())
        .isEqualTo(before);
  }

  @Test
  void aChecklistWithAnUntickedItemIsRefusedOnTheServer() {
    ProcessInstance pi = start("EMAIL");
    Task email = task("Task_ActivateBackupEmail", pi);
    Map<String, Object> partial = new HashMap<>(CHECKLISTS.get("Task_ActivateBackupEmail"));
    partial.put("clientsNotifiedByEmail", false);

    assertThatThrownBy(() -> tasks.complete(email.getId(), partial))
        .hasRootCauseInstanceOf(ru.appealdesk.form.FormRefusedException.class)
        .hasMessageContaining("Информационное сообщение разослано клиентам по резервной базе");
    assertThat(pi).isWaitingAt("Task_ActivateBackupEmail");

    Task phone = task("Task_PhoneAutoInformer", pi);
    Map<String, Object> noOperators = new HashMap<>(CHECKLISTS.get("Task_PhoneAutoInformer"));
    noOperators.put("extraOperators", 0L);
    assertThatThrownBy(() -> tasks.complete(phone.getId(), noOperators))
        .hasMessageContaining("не меньше 1");
    Map<String, Object> noLinks = new HashMap<>(CHECKLISTS.get("Task_PostOnSocialNetworks"));
    noLinks.remove("socialLinks");
    assertThatThrownBy(() -> tasks.complete(task("Task_PostOnSocialNetworks", pi).getId(), noLinks))
        .hasMessageContaining("Ссылки на публикации: обязательное поле");

    complete(email, CHECKLISTS.get("Task_ActivateBackupEmail"));
    assertThat(pi).hasPassed("Task_ActivateBackupEmail");
  }

  @Test
  void siteAndCabinetArePostedOnlyWhereTheyWork() {
    ProcessInstance pi = start("EMAIL");
    // the site and the cabinet are not among the affected channels, so the form starts with both working
    assertThat(runtime.getVariable(pi.getId(), "siteWorks")).isEqualTo(true);
    Task siteTask = task("Task_PostOnSiteAndCabinet", pi);

    assertThatThrownBy(() -> tasks.complete(siteTask.getId(), Map.of("siteCabinetChecked", true,
        "siteWorks", true, "cabinetWorks", true, "cabinetPosted", true)))
        .hasMessageContaining("Сообщение размещено на официальном сайте")
        .hasMessageNotContaining("личном кабинете");

    complete(siteTask, withVariables("siteCabinetChecked", true, "siteWorks", false, "cabinetWorks", true,
        "cabinetPosted", true));
    assertThat(pi).hasPassed("Task_PostOnSiteAndCabinet");
  }

  @Test
  void theStatusIsRecheckedEveryFewHoursUntilRecoveryIsConfirmed() {
    ProcessInstance pi = start("PHONE");

    execute(job("Timer_RecheckStatus", pi));
    assertThat(pi).hasPassed("Task_LinkAppeals").isWaitingAt("Task_CheckRecovery");
    Task check = task("Task_CheckRecovery", pi);
    assertThat(check).hasCandidateGroup("appeals-controller");
    assertThatThrownBy(() -> tasks.complete(check.getId(), Map.of("serviceRestored", false)))
        .hasMessageContaining("Что проверено и каково состояние");

    ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(3 * 3600)));
    // an unticked checkbox may be missing from a REST submission: it counts as "not restored"
    complete(check, withVariables("statusNote", "АТС ещё не работает"));
    assertThat(runtime.getVariable(pi.getId(), "serviceRestored")).isEqualTo(false);
    assertThat(pi).isWaitingAt("Timer_RecheckStatus");
    assertThat(job("Timer_RecheckStatus", pi).getDuedate()).isEqualTo(Date.from(NOW.plusSeconds(6 * 3600)));

    execute(job("Timer_RecheckStatus", pi));
    complete(task("Task_CheckRecovery", pi), withVariables("serviceRestored", true, "statusNote", "АТС работает"));
    // recovery confirmed, but the playbook waits until every channel group has finished its checklist
    assertThat(pi).isWaitingAt(CHANNEL_TASKS.toArray(String[]::new)).isNotWaitingAt("Timer_RecheckStatus");
    assertThat(outages.get((String) runtime.getVariable(pi.getId(), "outageNumber")).status())
        .isEqualTo(Outage.Status.OPEN);
  }

  @Test
  void everyBranchThenRecoveryPostsTheServiceRestoredMessage() {
    ProcessInstance pi = start("WEBSITE", "EMAIL");
    String number = (String) runtime.getVariable(pi.getId(), "outageNumber");

    ProcessInstance letter = completeEveryChannelTask(pi, runtime);
    assertThat(letter).isEnded();
    assertThat(pi).hasPassed("Activity_SroLetter");
    assertThat((String) runtime.getVariable(pi.getId(), "sroOutgoingNumber")).startsWith("OUT-2026-");
    // the signed letter is filed in the outage's case, which the case file knows
    assertThat(caseFile.list(number)).isNotEmpty();
    assertThat(caseNumbers.recognises(number)).isTrue();
    assertThat(caseNumbers.exists(number)).isTrue();
    assertThat(caseNumbers.exists("OUTAGE-1999-0000")).isFalse();

    execute(job("Timer_RecheckStatus", pi));
    ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(4 * 3600)));
    complete(task("Task_CheckRecovery", pi), withVariables("serviceRestored", true, "statusNote", "Всё работает"));
    assertThat(pi).hasPassed("Gateway_PlaybookDone").isWaitingAt("Task_CloseOutage");
    execute(job("Task_CloseOutage", pi));

    Outage outage = outages.get(number);
    assertThat(outage.status()).isEqualTo(Outage.Status.RESTORED);
    assertThat(outage.restoredAt()).isEqualTo(NOW.plusSeconds(4 * 3600));
    assertThat(outage.restoredMessageRu()).contains("восстановлена 21.11.2026 13:00 (UTC+03:00)");
    assertThat(outage.restoredMessageKk()).contains("21.11.2026 13:00 (UTC+03:00) қалпына келтірілді");
    Task post = task("Task_PostRestoredMessage", pi);
    assertThat(post).hasCandidateGroup("marketing");
    assertThat(runtime.getVariable(pi.getId(), "restoredMessageRu")).isEqualTo(outage.restoredMessageRu());
    complete(post, withVariables("restoredOnSiteAndCabinet", true, "restoredOnMirror", true,
        "restoredOnSocialNetworks", true, "restoredAutoInformer", true, "restoredClientsEmailed", true));
    assertThat(pi).isEnded().hasPassed("Event_ServiceRestored");
  }

  /**
   * Works every channel checklist of a playbook, including the SRO letter (drafted by legal, signed by the director,
   * registered, sent, filed). Returns the letter's process instance.
   */
  static ProcessInstance completeEveryChannelTask(ProcessInstance pi, RuntimeService runtime) {
    String number = (String) runtime.getVariable(pi.getId(), "outageNumber");
    for (String taskKey : CHANNEL_TASKS) {
      complete(task(taskKey, pi), CHECKLISTS.get(taskKey));
    }
    assertThat(pi).isWaitingAt("Activity_SroLetter");
    ProcessInstance letter = calledProcessInstance("outgoing-letter", pi);
    assertThat(letter).isWaitingAt("Task_DraftLetter")
        .variables().containsEntry("caseNumber", number).containsEntry("letterKind", "REGULATOR")
        .containsEntry("recipientName", "СРО «МиР»").containsEntry("signatoryGroup", "general-director")
        .containsEntry("letterSubject", "О размещении информации о техническом сбое");
    assertThat(task("Task_DraftLetter", letter)).hasCandidateGroup("legal");
    complete(task("Task_DraftLetter", letter), withVariables(
        "letterSubject", runtime.getVariable(pi.getId(), "sroLetterSubject"),
        "letterBody", runtime.getVariable(pi.getId(), "sroLetterBody")));
    complete(task("Task_SignLetter", letter), withVariables("signed", true, "signatureComment", "Подписано"));
    complete(task("Task_RegisterLetter", letter), withVariables("registrationConfirmed", true));
    complete(task("Task_SendLetter", letter), withVariables("dispatchMethod", "EMAIL"));
    execute(job("Task_FileSignedCopy", letter));
    return letter;
  }
}
