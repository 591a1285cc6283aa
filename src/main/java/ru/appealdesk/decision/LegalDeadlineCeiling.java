package ru.appealdesk.decision;

import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.spi.transform.DmnTransformListener;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * SPEC §5a: no company table may set a longer answer deadline than the law. RU 442-FZ gives 15 working days, KZ ¶57 of
 * the policy 15 calendar days, so an output {@code deadlineDays} above {@value #MAX_DEADLINE_DAYS} (or one that is not a
 * plain whole number, which cannot be checked) makes the transformation, and with it the whole deployment, fail.
 */
public class LegalDeadlineCeiling implements DmnTransformListener {

  /** The statutory maximum of both jurisdictions (RU: working days, KZ: calendar days). */
  public static final int MAX_DEADLINE_DAYS = 15;

  static final String DEADLINE_OUTPUT = "deadlineDays";

  @Override
  public void transformDecision(Decision decision, DmnDecision dmnDecision) {
    if (!(decision.getExpression() instanceof DecisionTable table)) {
      return;
    }
    List<Output> outputs = List.copyOf(table.getOutputs());
    for (int column = 0; column < outputs.size(); column++) {
      if (DEADLINE_OUTPUT.equals(outputs.get(column).getName())) {
        checkColumn(decision, table, column);
      }
    }
  }

  private void checkColumn(Decision decision, DecisionTable table, int column) {
    int number = 0;
    for (Rule rule : table.getRules()) {
      number++;
      List<OutputEntry> entries = List.copyOf(rule.getOutputEntries());
      String text = entries.size() > column && entries.get(column).getText() != null
          ? entries.get(column).getText().getTextContent().trim() : "";
      if (text.isEmpty() || text.equals("null")) {
        continue;
      }
      BigDecimal days;
      try {
        days = new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw refusal(decision, rule, number, "значение «" + text + "» не целое число дней, соблюдение законного "
            + "предела нельзя проверить");
      }
      if (days.signum() < 0 || days.stripTrailingZeros().scale() > 0) {
        throw refusal(decision, rule, number, "значение " + text + " не целое неотрицательное число дней");
      }
      if (days.compareTo(BigDecimal.valueOf(MAX_DEADLINE_DAYS)) > 0) {
        throw refusal(decision, rule, number, "срок " + text + " дней превышает законный предел "
            + MAX_DEADLINE_DAYS + " дней (РФ, 442-ФЗ: 15 рабочих дней с регистрации; РК, п. 57 Политики: "
            + "15 календарных дней)");
      }
    }
  }

  private static LegalDeadlineExceededException refusal(Decision decision, Rule rule, int number, String what) {
    String description = rule.getDescription() == null ? "" : " «" + rule.getDescription().getTextContent().trim() + "»";
    return new LegalDeadlineExceededException("Таблица решений «" + decision.getName() + "» (" + decision.getId()
        + "), правило " + number + description + " (" + rule.getId() + "), выход " + DEADLINE_OUTPUT + ": " + what
        + ". Развёртывание отклонено: исправьте срок и разверните таблицу снова.");
  }

  @Override
  public void transformDecisionTableInput(Input input, DmnDecisionTableInputImpl dmnInput) {
    // nothing to check
  }

  @Override
  public void transformDecisionTableOutput(Output output, DmnDecisionTableOutputImpl dmnOutput) {
    // nothing to check
  }

  @Override
  public void transformDecisionTableRule(Rule rule, DmnDecisionTableRuleImpl dmnRule) {
    // checked per decision, where the output names are known
  }

  @Override
  public void transformDecisionRequirementsGraph(Definitions definitions, DmnDecisionRequirementsGraph graph) {
    // nothing to check
  }
}
