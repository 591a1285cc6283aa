package ru.appealdesk.decision;

import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Issue 4: a decision whose inputs match no row must not silently return nothing. Every table of {@code dmn/} has a
 * fallback row, so this fires only for inputs nobody planned for (an unknown jurisdiction, a table edited without its
 * fallback): the evaluation fails, the calling transaction rolls back and, in an asynchronous step, an incident appears
 * in Cockpit with this message.
 */
public class NoMatchingRuleGuard implements DmnDecisionEvaluationListener {

  @Override
  public void notify(DmnDecisionEvaluationEvent event) {
    check(event.getDecisionResult());
    event.getRequiredDecisionResults().forEach(NoMatchingRuleGuard::check);
  }

  private static void check(DmnDecisionLogicEvaluationEvent result) {
    if (result instanceof DmnDecisionTableEvaluationEvent table && table.getMatchingRules().isEmpty()) {
      String inputs = table.getInputs().stream()
          .map(i -> (i.getName() == null ? i.getInputVariable() : i.getName()) + "=" + i.getValue().getValue())
          .collect(Collectors.joining(", "));
      throw new NoMatchingRuleException("Таблица решений «" + table.getDecision().getName() + "» ("
          + table.getDecision().getKey() + ") не нашла ни одного подходящего правила для входных данных: " + inputs
          + ". Проверьте данные обращения или добавьте правило в таблицу.");
    }
  }

  /** Raised when a decision table has no answer for its inputs. */
  public static class NoMatchingRuleException extends ProcessEngineException {
    public NoMatchingRuleException(String message) {
      super(message);
    }
  }
}
