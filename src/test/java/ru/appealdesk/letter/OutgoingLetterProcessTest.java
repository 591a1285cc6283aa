package ru.appealdesk.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.casefile.CaseDocument;
import ru.appealdesk.casefile.CaseFile;
import ru.appealdesk.casefile.DocumentKind;
import ru.appealdesk.support.AbstractIntegrationTest;

class OutgoingLetterProcessTest extends AbstractIntegrationTest {

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;
  @Autowired
  OutgoingLetters letters;
  @Autowired
  CaseFile caseFile;

  @Test
  void registeredLetterWithApprovalIsDraftedApprovedSignedRegisteredSentAndFiled() throws IOException {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-16T09:00:00Z")));
    String caseNumber = "RU-2026-" + unique();
    ProcessInstance pi = start(caseNumber, "ANSWER", "legal");

    assertThat(pi).isWaitingAt("Task_DraftLetter");
    assertThat(task(pi)).hasCandidateGroup("branch-head").hasDueDate(Date.from(Instant.parse("2026-03-17T20:59:59Z")));
    complete(task(pi), withVariables("letterBody", "Сообщаем, что Ваша заявка рассмотрена. Задолженность отсутствует."));

    assertThat(pi).isWaitingAt("Task_ApproveLetter");
    assertThat(task(pi)).hasCandidateGroup("legal");
    complete(task(pi), withVariables("approved", "true"));

    assertThat(pi).isWaitingAt("Task_SignLetter");
    assertThat(task(pi)).hasCandidateGroup("general-director");
    asUser("director", "general-director", () -> complete(task(pi), withVariables("signed", true)));

    assertThat(pi).isWaitingAt("Task_RegisterLetter");
    assertThat(task(pi)).hasCandidateGroup("office-manager");
    asUser("officemanager", "office-manager", () -> complete(task(pi), withVariables("registrationConfirmed", true)));

    assertThat(pi).hasPassed("Task_AssignOutgoingNumber").isWaitingAt("Task_SendLetter");
    String number = (String) runtimeService.getVariable(pi.getId(), "outgoingNumber");
    assertThat(number).matches("OUT-2026-\\d{6}");
    assertThat((Date) runtimeService.getVariable(pi.getId(), "outgoingDate")).isEqualTo(ClockUtil.getCurrentTime());
    assertThat(task(pi)).hasCandidateGroup("office-manager");
    complete(task(pi), withVariables("dispatchMethod", "REGISTERED_MAIL", "trackingNumber", "80081234567890"));

    assertThat(pi).isWaitingAt("Task_FileSignedCopy");
    execute(job());
    assertThat(pi).isEnded().hasPassedInOrder("Task_DraftLetter", "Task_ApproveLetter", "Task_SignLetter",
        "Task_RegisterLetter", "Task_AssignOutgoingNumber", "Task_SendLetter", "Task_FileSignedCopy");

    OutgoingLetter letter = letters.byProcessInstance(pi.getId()).orElseThrow();
    assertThat(letter.outgoingNumber()).isEqualTo(number);
    assertThat(letter.outgoingDate()).isEqualTo(LocalDate.of(2026, 3, 16));
    assertThat(letter.signedBy()).isEqualTo("director");
    assertThat(letter.registeredBy()).isEqualTo("officemanager");
    assertThat(letter.trackingNumber()).isEqualTo("80081234567890");
    assertThat(letter.body()).startsWith("Сообщаем");

    List<CaseDocument> documents = caseFile.list(caseNumber);
    assertThat(documents).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(DocumentKind.SIGNED_LETTER);
      assertThat(d.fileName()).isEqualTo(number + ".pdf");
    });
    String pdfText = pdfText(caseFile.content(caseNumber, documents.get(0).id()).orElseThrow());
    assertThat(pdfText).contains("Исх. № " + number + " от 16.03.2026").contains("Задолженность отсутствует")
        .contains("Генеральный директор").contains("Геннадий Директоров").contains("ООО МКК «Пример Финанс»");
  }

  @Test
  void rejectionAtApprovalAndAtSignatureReturnsTheLetterToTheDrafterWithTheComment() {
    ProcessInstance pi = start("RU-2026-" + unique(), "NOTICE", "legal");
    complete(task(pi));

    assertThat(pi).isWaitingAt("Task_ApproveLetter");
    assertThatThrownBy(() -> complete(task(pi), withVariables("approved", false)))
        .hasMessageContaining("Замечания для исполнителя: обязательное поле");
    assertThat(pi).isWaitingAt("Task_ApproveLetter");
    complete(task(pi), withVariables("approved", "false", "approvalComment", "Укажите сумму задолженности"));

    assertThat(pi).hasPassed("Gateway_Approved").isWaitingAt("Task_DraftLetter");
    assertThat((String) runtimeService.getVariable(pi.getId(), "rejectionComment"))
        .contains("Согласование").contains("Укажите сумму задолженности");
    complete(task(pi), withVariables("letterBody", "Сумма задолженности: 0 руб."));
    assertThat(runtimeService.getVariable(pi.getId(), "rejectionComment")).isNull();

    complete(task(pi), withVariables("approved", true, "approvalComment", null));
    assertThat(pi).isWaitingAt("Task_SignLetter");
    complete(task(pi), withVariables("signed", false, "signatureComment", "Нужна ссылка на договор"));

    assertThat(pi).isWaitingAt("Task_DraftLetter");
    assertThat((String) runtimeService.getVariable(pi.getId(), "rejectionComment"))
        .startsWith("Подпись").contains("Нужна ссылка на договор");
    assertThat(letters.byProcessInstance(pi.getId()).orElseThrow().body()).isEqualTo("Сумма задолженности: 0 руб.");
  }

  @Test
  void nonRegisteredKindSkipsRegistrationAndWithoutApprovalGoesStraightToSignature() throws IOException {
    String caseNumber = "RU-2026-" + unique();
    ProcessInstance pi = start(caseNumber, "GREETING", null);
    assertThat((Boolean) runtimeService.getVariable(pi.getId(), "registrationRequired")).isFalse();
    complete(task(pi));

    assertThat(pi).isWaitingAt("Task_SignLetter");
    complete(task(pi), withVariables("signed", true));

    assertThat(pi).isWaitingAt("Task_SendLetter");
    assertThat(pi).hasNotPassed("Task_ApproveLetter", "Task_RegisterLetter", "Task_AssignOutgoingNumber");
    assertThat(runtimeService.getVariable(pi.getId(), "outgoingNumber")).isNull();
    assertThatThrownBy(() -> complete(task(pi), withVariables("dispatchMethod", "REGISTERED_MAIL")))
        .hasMessageContaining("Номер почтового отправления (ШПИ): обязательное поле");
    complete(task(pi), withVariables("dispatchMethod", "COURIER"));
    execute(job());
    assertThat(pi).isEnded();

    CaseDocument copy = caseFile.list(caseNumber).get(0);
    assertThat(pdfText(caseFile.content(caseNumber, copy.id()).orElseThrow())).contains("К делу № " + caseNumber)
        .doesNotContain("Исх. №");
    assertThat(letters.byProcessInstance(pi.getId()).orElseThrow().outgoingNumber()).isNull();
  }

  @Test
  void outgoingNumbersFollowEachOtherWithinTheYearAndRestartInTheNext() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-12-31T10:00:00Z")));
    String first = registerLetterToTheEnd();
    String second = registerLetterToTheEnd();
    assertThat(first).startsWith("OUT-2031-");
    assertThat(Integer.parseInt(second.substring(9))).isEqualTo(Integer.parseInt(first.substring(9)) + 1);

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-12-31T21:30:00Z"))); // 00:30 on 1 Jan in Moscow
    assertThat(registerLetterToTheEnd()).isEqualTo("OUT-2032-000001");
  }

  @Test
  void kazakhLetterIsRenderedInKazakhAndRegisteredOnTheAlmatyDate() throws IOException {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-05-20T20:00:00Z"))); // 21 May 01:00 in Almaty
    String caseNumber = "KZ-2026-" + unique();
    Map<String, Object> vars = letterVariables(caseNumber, "ANSWER", null);
    vars.put("language", "kk");
    vars.put("jurisdiction", "KZ");
    vars.put("letterBody", "Сіздің өтінішіңіз қаралды.");
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("outgoing-letter", vars);
    complete(task(pi));
    complete(task(pi), withVariables("signed", true));
    complete(task(pi), withVariables("registrationConfirmed", true));
    complete(task(pi), withVariables("dispatchMethod", "HAND_DELIVERY"));
    execute(job());
    assertThat(pi).isEnded();

    OutgoingLetter letter = letters.byProcessInstance(pi.getId()).orElseThrow();
    assertThat(letter.outgoingDate()).isEqualTo(LocalDate.of(2026, 5, 21));
    String text = pdfText(caseFile.content(caseNumber, caseFile.list(caseNumber).get(0).id()).orElseThrow());
    assertThat(text).contains("Шығыс № " + letter.outgoingNumber()).contains("Сіздің өтінішіңіз қаралды.");
  }

  @Test
  void startedAloneWithoutCaseTheLetterBecomesItsOwnCase() {
    ProcessInstance pi = start(null, "REGULATOR", null);
    String caseNumber = (String) runtimeService.getVariable(pi.getId(), "caseNumber");
    assertThat(caseNumber).matches("LTR-\\d{4}-\\d{6}");
    assertThat(letters.byProcessInstance(pi.getId()).orElseThrow().caseNumber()).isEqualTo(caseNumber);
    assertThat(pi).isWaitingAt("Task_DraftLetter");
  }

  @Test
  void invalidInputIsRefusedWithTheReasons() {
    Map<String, Object> vars = letterVariables("RU-2026-" + unique(), "LOVE_LETTER", null);
    vars.put("signatoryGroup", "office-staff");
    vars.put("approvalGroup", "nobody");
    vars.put("language", "de");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("outgoing-letter", vars))
        .isInstanceOf(InvalidLetterException.class)
        .hasMessageContaining("неизвестный вид письма")
        .hasMessageContaining("генеральный директор")
        .hasMessageContaining("группа согласования «nobody»")
        .hasMessageContaining("ru или kk");

    ProcessInstance pi = start("RU-2026-" + unique(), "ANSWER", null);
    assertThatThrownBy(() -> complete(task(pi), withVariables("letterBody", "")))
        .hasMessageContaining("Текст письма: обязательное поле");
    assertThat(pi).isWaitingAt("Task_DraftLetter");
    complete(task(pi));
    assertThatThrownBy(() -> complete(task(pi), withVariables("signed", "maybe")))
        .hasMessageContaining("Решение: недопустимое значение");
    complete(task(pi), withVariables("signed", true));
    assertThatThrownBy(() -> complete(task(pi))).hasMessageContaining("отметьте этот пункт");
    assertThat(pi).isWaitingAt("Task_RegisterLetter");
  }

  @Test
  void calledWithoutTextOrAddressTheDrafterMustCompleteThemBeforeTheLetterMovesOn() {
    Map<String, Object> vars = letterVariables("KZ-2026-" + unique(), "ANSWER", null);
    vars.put("letterBody", null);
    vars.put("recipientAddress", null);
    vars.put("signatoryGroup", "client-rights-officer");
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("outgoing-letter", vars);
    assertThat(pi).isWaitingAt("Task_DraftLetter");

    assertThatThrownBy(() -> complete(task(pi), withVariables("letterBody", "Текст")))
        .hasMessageContaining("Адрес получателя (с индексом) или e-mail: обязательное поле");
    complete(task(pi), withVariables("letterBody", "Текст", "recipientAddress", "050000, г. Алматы, пр. Абая, 1"));
    assertThat(pi).isWaitingAt("Task_SignLetter");
    assertThat(task(pi)).hasCandidateGroup("client-rights-officer");
    assertThat(letters.byProcessInstance(pi.getId()).orElseThrow().recipientAddress()).startsWith("050000");
  }

  private String registerLetterToTheEnd() {
    ProcessInstance pi = start("RU-2031-" + unique(), "INFORMATION_REQUEST", null);
    complete(task(pi));
    complete(task(pi), withVariables("signed", true));
    complete(task(pi), withVariables("registrationConfirmed", true));
    return (String) runtimeService.getVariable(pi.getId(), "outgoingNumber");
  }

  private ProcessInstance start(String caseNumber, String kind, String approvalGroup) {
    return runtimeService.startProcessInstanceByKey("outgoing-letter",
        letterVariables(caseNumber, kind, approvalGroup));
  }

  private static Map<String, Object> letterVariables(String caseNumber, String kind, String approvalGroup) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("caseNumber", caseNumber);
    vars.put("letterKind", kind);
    vars.put("letterSubject", "О рассмотрении обращения");
    vars.put("letterBody", "Проект ответа");
    vars.put("language", "ru");
    vars.put("approvalGroup", approvalGroup);
    vars.put("signatoryGroup", "general-director");
    vars.put("recipientName", "Иванов Иван Иванович");
    vars.put("recipientAddress", "123456, г. Москва, ул. Тверская, д. 1, кв. 2");
    return vars;
  }

  private void asUser(String user, String group, Runnable action) {
    identityService.setAuthentication(user, List.of(group));
    try {
      action.run();
    } finally {
      identityService.clearAuthentication();
    }
  }

  static String pdfText(byte[] pdf) throws IOException {
    try (var doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
