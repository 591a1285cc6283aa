package ru.appealdesk.restructuring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.letter.InvalidLetterException;
import ru.appealdesk.restructuring.RestructuringApplication.Borrower;
import ru.appealdesk.support.AbstractIntegrationTest;

/**
 * ¶75: while a restructuring application is considered, a letter demanding early repayment is refused where letters
 * are prepared (the draft of {@code outgoing-letter}); other letters, and the same letter once the case is closed, go.
 */
class EarlyRepaymentBanTest extends AbstractIntegrationTest {

  static final String DEMAND = "Требуем досрочно погасить всю сумму задолженности в течение 10 дней.";

  @Autowired
  RestructuringService service;
  @Autowired
  RuntimeService runtime;
  @Autowired
  EarlyRepaymentBan ban;

  String contract;
  String borrower;

  String openCase() {
    ClockUtil.setCurrentTime(Date.from(KzRestructuringProcessTest.RECEIVED.toInstant()));
    contract = "MK-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    borrower = "Жанибекова Салтанат " + UUID.randomUUID().toString().substring(0, 4);
    return service.apply(new RestructuringApplication(new Borrower(borrower, "900101400122", "+77010000000", null,
        null), contract, "ru", KzRestructuringProcessTest.RECEIVED, List.of("PAYMENT_DEFERRAL"), "Болезнь",
        IncomeDropTest.incomes("100", "100"), false, false, false));
  }

  ProcessInstance letter(String caseNumber, String recipient, String body) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("caseNumber", caseNumber);
    vars.put("letterKind", "NOTICE");
    vars.put("letterSubject", "Уведомление о задолженности");
    vars.put("letterBody", body);
    vars.put("language", "ru");
    vars.put("signatoryGroup", "client-rights-officer");
    vars.put("recipientName", recipient);
    vars.put("recipientAddress", "050000, г. Алматы, ул. Абая, 1");
    ProcessInstance pi = runtime.startProcessInstanceByKey("outgoing-letter", vars);
    assertThat(pi).isWaitingAt("Task_DraftLetter");
    return pi;
  }

  @Test
  void aDemandOfEarlyRepaymentToABorrowerWithAnOpenCaseIsRefusedAtTheDraft() {
    String number = openCase();
    ProcessInstance byCase = letter(number, "Клиент", DEMAND);
    assertThatThrownBy(() -> complete(task(byCase))).hasRootCauseInstanceOf(InvalidLetterException.class)
        .hasMessageContaining("п. 75").hasMessageContaining(number).hasMessageNotContaining(borrower);
    assertThat(byCase).isWaitingAt("Task_DraftLetter");

    // a stand-alone letter that names the contract, or is addressed to the borrower, is recognised as well
    ProcessInstance byContract = letter(null, "Клиент", DEMAND + " Договор № " + contract + ".");
    assertThatThrownBy(() -> complete(task(byContract))).hasMessageContaining(number);
    ProcessInstance byName = letter(null, borrower.toUpperCase(), DEMAND);
    assertThatThrownBy(() -> complete(task(byName))).hasMessageContaining(number);
    ProcessInstance kazakh = letter(number, "Клиент", "Микрокредитті мерзімінен бұрын өтеуді талап етеміз.");
    assertThatThrownBy(() -> complete(task(kazakh))).hasMessageContaining(number);

    // the drafter takes the demand out: the letter goes on
    complete(task(byCase), withVariables("letterBody", "Напоминаем о дате очередного платежа."));
    assertThat(byCase).isWaitingAt("Task_SignLetter");
    // telling the client about the ban is no demand
    ProcessInstance explains = letter(number, "Клиент",
        "Пока заявление рассматривается, мы не вправе требовать досрочного погашения микрокредита.");
    complete(task(explains));
    assertThat(explains).isWaitingAt("Task_SignLetter");
  }

  @Test
  void onceTheCaseIsClosedTheBanNoLongerApplies() {
    String number = openCase();
    assertThat(ban.refusal(number, "Клиент", DEMAND)).isPresent();
    assertThat(ban.refusal("LTR-2026-000001", "Другой клиент", DEMAND + " Договор № MK-OTHER-1.")).isEmpty();
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "заявление отозвано"));
    assertThat(ban.refusal(number, "Клиент", DEMAND)).isEmpty();
    ProcessInstance pi = letter(number, borrower, DEMAND);
    complete(task(pi));
    assertThat(pi).isWaitingAt("Task_SignLetter");
  }

  @Test
  void aContractNumberCountsOnlyAsAWholeWord() {
    assertThat(EarlyRepaymentBan.mentions("договор № mk-12", "mk-12")).isTrue();
    assertThat(EarlyRepaymentBan.mentions("договор № mk-123", "mk-12")).isFalse();
    assertThat(EarlyRepaymentBan.mentions("иин 900101400122.", "900101400122")).isTrue();
    assertThat(EarlyRepaymentBan.mentions("x1900101400122", "900101400122")).isFalse();
  }
}
