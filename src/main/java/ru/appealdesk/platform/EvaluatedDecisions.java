package ru.appealdesk.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decision tables evaluated in the current transaction, each with the exact deployed version the engine used and
 * the tables it required (a DRD): what an appeal records as the rules that decided it (issue 17). The version is the
 * one the evaluation itself ran on, never a second "which one is the latest" asked afterwards, which a redeploy in
 * between would answer differently. Outside a transaction nothing is remembered ({@link TransactionMemo}).
 *
 * <p>A case that starts in this transaction is {@link #mark marked}; {@link #since} then gives exactly what was
 * evaluated from its start on. A case that started in an earlier transaction (an asynchronous step between its start
 * and the point that asks) is not marked here, and the caller reads the earlier evaluations from the engine's history.
 */
public final class EvaluatedDecisions {

  private static final Logger log = LoggerFactory.getLogger(EvaluatedDecisions.class);

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
  private record Evaluation(DecisionDefinition decision, List<DecisionDefinition> required) {}

  /** The listener that remembers every evaluation (registered on the engine's DMN engine by the decision plugin). */
  public static DmnDecisionEvaluationListener listener() {
    return EvaluatedDecisions::remember;
  }

  private record Mark(Object caseKey) {}

  /** Whether {@code key} is one of {@code keys} (or they hold {@link #ANY}). */
  public static boolean named(Set<String> keys, String key) {
    return keys.contains(ANY) || keys.contains(key);
  }

  /** Marks that the case {@code caseKey} starts now, in this transaction (no-op outside one). */
  public static void mark(Object caseKey) {
    List<Evaluation> evaluations = TransactionMemo.get(MEMO, ArrayList::new);
    TransactionMemo.put(new Mark(caseKey), evaluations.size());
  }

  /**
   * What was evaluated since the case's {@link #mark} for a table whose key is one of {@code keys}, with the tables it
   * required: every definition once, in the order of evaluation. Empty when the case was not marked in this
   * transaction.
   */
  public static Optional<List<DecisionDefinition>> since(Object caseKey, Set<String> keys) {
    Integer mark = TransactionMemo.known(new Mark(caseKey));
    List<Evaluation> evaluations = TransactionMemo.known(MEMO);
    if (mark == null || evaluations == null) {
      return Optional.empty();
    }
    return Optional.of(decided(evaluations.subList(mark, evaluations.size()), keys));
  }

  /** Everything evaluated in this transaction for the named tables (see {@link #since}). */
  public static List<DecisionDefinition> of(Set<String> keys) {
    List<Evaluation> evaluations = TransactionMemo.known(MEMO);
    return evaluations == null ? List.of() : decided(evaluations, keys);
  }

  private static List<DecisionDefinition> decided(List<Evaluation> evaluations, Set<String> keys) {
    Map<String, DecisionDefinition> found = new LinkedHashMap<>();
    for (Evaluation e : evaluations) {
      if (named(keys, e.decision().getKey())) {
        found.putIfAbsent(e.decision().getId(), e.decision());
        e.required().forEach(r -> found.putIfAbsent(r.getId(), r));
      }
    }
    return List.copyOf(found.values());
  }

  private static void remember(DmnDecisionEvaluationEvent event) {
    DecisionDefinition decision = deployed(event.getDecisionResult().getDecision());
    if (decision == null) {
      return;
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
    if (decision instanceof DecisionDefinition d) {
      return d;
    }
    // Camunda 7.24 evaluates deployed tables as their DecisionDefinitionEntity; should that change, say so
    log.warn("Decision {} was evaluated without its deployed definition: it is not recorded among a case's rules",
        decision == null ? null : decision.getKey());
    return null;
  }
}
