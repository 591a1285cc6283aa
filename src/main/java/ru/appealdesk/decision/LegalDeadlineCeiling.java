package ru.appealdesk.decision;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.ModelException;

/**
 * SPEC §5a: no company table may set a longer answer deadline than the law. RU 442-FZ gives 15 working days, KZ ¶57 of
 * the policy 15 calendar days, so a decision-table output {@code deadlineDays} above {@value #MAX_DEADLINE_DAYS}, or one
 * that is not a plain whole number (which cannot be checked), refuses the whole deployment. It runs as a pre-deployer,
 * before the engine's own DMN deployer, so the refusal reaches Camunda Modeler as a 400 with this exact message.
 */
public class LegalDeadlineCeiling implements Deployer {

  /** The statutory maximum of both jurisdictions (RU: working days, KZ: calendar days). */
  public static final int MAX_DEADLINE_DAYS = 15;

  static final String DEADLINE_OUTPUT = "deadlineDays";

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return; // re-reading a stored deployment into the cache: it was checked when it was deployed
    }
    for (ResourceEntity resource : deployment.getResources().values()) {
      String name = resource.getName();
      if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
        DmnModelInstance model;
        try {
          model = Dmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
        } catch (ModelException e) {
          continue; // not readable: the engine's DMN deployer reports the parse error itself
        }
        check(model);
      }
    }
  }

  /** Throws {@link LegalDeadlineExceededException} naming the first rule above the ceiling. */
  public static void check(DmnModelInstance model) {
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (decision.getExpression() instanceof DecisionTable table) {
        List<Output> outputs = List.copyOf(table.getOutputs());
        for (int column = 0; column < outputs.size(); column++) {
          if (DEADLINE_OUTPUT.equals(outputs.get(column).getName())) {
            checkColumn(decision, table, column);
          }
        }
      }
    }
  }

  private static void checkColumn(Decision decision, DecisionTable table, int column) {
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
}
