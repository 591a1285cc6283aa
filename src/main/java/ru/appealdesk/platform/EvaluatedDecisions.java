package ru.appealdesk.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * The decision tables evaluated in the current transaction, each with the exact deployed version the engine used and
 * the tables it required (a DRD): what an appeal records as the rules that decided it (issue 17). The version is the
 * one the evaluation itself ran on, never a second "which one is the latest" asked afterwards, which a redeploy in
 * between would answer differently. Outside a transaction nothing is remembered ({@link TransactionMemo}).
 */
public final class EvaluatedDecisions {

  private static final Object MEMO = new Object() {
    @Override
    public String toString() {
      return "appealdesk.evaluatedDecisions";
    }
  };

  /** A key that stands for every table (a step that names its table by an expression). */
  public static final String ANY = "*";

  private EvaluatedDecisions() {}

  /** One evaluation: the table a step asked for, and the tables it required, in the order they were evaluated. */
  public record Evaluation(DecisionDefinition decision, List<DecisionDefinition> required) {}

  /** The listener that remembers every evaluation (registered on the engine's DMN engine by the decision plugin). */
  public static DmnDecisionEvaluationListener listener() {
    return EvaluatedDecisions::remember;
  }

  /**
   * What was evaluated in this transaction for a table whose key is one of {@code keys}, with the tables it required:
   * every definition once, in the order of evaluation.
   */
  public static List<DecisionDefinition> of(Set<String> keys) {
    Map<String, DecisionDefinition> found = new LinkedHashMap<>();
    List<Evaluation> evaluations = TransactionMemo.known(MEMO);
    if (evaluations != null) {
      for (Evaluation e : evaluations) {
        if (keys.contains(ANY) || keys.contains(e.decision().getKey())) {
          found.putIfAbsent(e.decision().getId(), e.decision());
          e.required().forEach(r -> found.putIfAbsent(r.getId(), r));
        }
      }
    }
    return List.copyOf(found.values());
  }

  private static void remember(DmnDecisionEvaluationEvent event) {
    DecisionDefinition decision = deployed(event.getDecisionResult().getDecision());
    if (decision == null) {
      return; // a table evaluated by a DMN engine of its own, not deployed in the process engine
    }
    List<DecisionDefinition> required = new ArrayList<>();
    for (DmnDecisionLogicEvaluationEvent r : event.getRequiredDecisionResults()) {
      DecisionDefinition d = deployed(r.getDecision());
      if (d != null) {
        required.add(d);
      }
    }
    List<Evaluation> evaluations = TransactionMemo.get(MEMO, ArrayList::new);
    evaluations.add(new Evaluation(decision, List.copyOf(required)));
  }

  /** The process engine's decisions are its deployed definitions (Camunda's entity implements both interfaces). */
  private static DecisionDefinition deployed(DmnDecision decision) {
    return decision instanceof DecisionDefinition d ? d : null;
  }
}
