package ru.appealdesk.restructuring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every row of {@code dmn/kz-early-repayment-demand.dmn}: which letters demand early repayment (¶75). Evaluated as
 * {@link EarlyRepaymentBan} evaluates it: by the DMN engine, on the normalised text.
 */
class EarlyRepaymentDemandTableTest {

  static final DmnModelInstance MODEL = Dmn.readModelFromFile(new File("dmn/kz-early-repayment-demand.dmn"));
  static final Set<String> HIT = new HashSet<>();
  static final DmnEngine ENGINE;
  static final DmnDecision DECISION;

  static {
    DefaultDmnEngineConfiguration config = (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration
        .createDefaultDmnEngineConfiguration();
    List<DmnDecisionTableEvaluationListener> listeners = new ArrayList<>();
    listeners.add((DmnDecisionTableEvaluationEvent e) -> e.getMatchingRules().stream()
        .map(DmnEvaluatedDecisionRule::getId).forEach(HIT::add));
    config.customPostDecisionTableEvaluationListeners(listeners);
    ENGINE = config.buildEngine();
    DECISION = ENGINE.parseDecision(EarlyRepaymentBan.DECISION_KEY, MODEL);
  }

  static boolean demand(String text) {
    Object result = ENGINE.evaluateDecision(DECISION, Variables.createVariables().putValue("letterText",
        EarlyRepaymentBan.normalize(text))).getSingleResult().getEntry("earlyRepaymentDemand");
    return Boolean.TRUE.equals(result);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Rule_BanStatedRu | false | Пока заявление рассматривается, организация не вправе требовать досрочного погашения микрокредита.
      Rule_BanStatedRu | false | Мы не будем требовать от Вас досрочного возврата займа.
      Rule_BanStatedKk | false | Өтінішіңіз қаралып жатқан кезеңде ұйым микрокредитті мерзімінен бұрын өтеуді талап етуге құқылы емес.
      Rule_DemandRu | true | Требуем досрочно погасить всю сумму задолженности по договору в течение 10 дней.
      Rule_DemandRu | true | Направляем требование о досрочном возврате микрокредита.
      Rule_DemandRu | true | Просим Вас ДОСРОЧНО   погасить микрокредит.
      Rule_RecoveryRu | true | Уведомляем о досрочном взыскании задолженности.
      Rule_DemandKk | true | Микрокредитті мерзімінен бұрын өтеуді талап етеміз.
      Rule_DemandKk | true | Сізден 10 күн ішінде қарызды мерзімінен бұрын қайтаруды талап етеміз.
      Rule_DemandKkReversed | true | Талап етеміз: микрокредитті 10 күн ішінде мерзімінен бұрын өтеңіз.
      Rule_NoDemand | false | Вы вправе досрочно погасить микрокредит без комиссии.
      Rule_NoDemand | false | Напоминаем о дате платежа. Досрочное погашение возможно в любой день.
      Rule_NoDemand | false | Ваше обращение рассмотрено.
      """)
  void eachRow(String rule, boolean demand, String text) {
    HIT.remove(rule);
    assertThat(demand(text)).as(text).isEqualTo(demand);
    assertThat(HIT).as("row hit by: " + text).contains(rule);
  }

  @Test
  void aDemandInAnotherSentenceThanTheWordRequireIsNotMistakenForOne() {
    assertThat(demand("Мы требуем вежливости. Досрочное погашение — Ваше право.")).isFalse();
  }

  @AfterAll
  static void everyRowIsReached() {
    Set<String> rows = new HashSet<>(MODEL.getModelElementsByType(Rule.class).stream().map(Rule::getId).toList());
    rows.removeAll(HIT);
    assertThat(rows).as("rows no case reached").isEmpty();
  }
}
