package ru.appealdesk.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * The latest deployed version of every decision table, asked in one query, once per transaction (outside one: on
 * every call): the one place that asks which version of a table is current, for the subjects' vocabulary of the
 * routing table. (Which versions decided a case is not asked here but taken from the evaluations themselves,
 * {@link EvaluatedDecisions}.) A redeploy, on any node, applies to the next transaction.
 */
@Component
public class LatestDecisions {

  private static final Object MEMO = new Object() {
    @Override
    public String toString() {
      return "appealdesk.latestDecisions";
    }
  };

  private final RepositoryService repository;

  public LatestDecisions(RepositoryService repository) {
    this.repository = repository;
  }

  /** The latest version of the table with this key, if one is deployed. */
  public Optional<DecisionDefinition> of(String key) {
    return Optional.ofNullable(TransactionMemo.get(MEMO, this::query).get(key));
  }

  private Map<String, DecisionDefinition> query() {
    Map<String, DecisionDefinition> latest = new HashMap<>();
    for (DecisionDefinition d : repository.createDecisionDefinitionQuery().latestVersion().list()) {
      // the application deploys without tenants; a tenant's table never stands in for the shared one
      latest.merge(d.getKey(), d, (known, other) -> known.getTenantId() == null ? known : other);
    }
    return Map.copyOf(latest);
  }
}
