package ru.appealdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DecisionDefinitionQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;
import ru.appealdesk.support.NoResourceTransactions;

/** The latest versions of all decision tables: one query per transaction, whatever keys the transaction asks for. */
class LatestDecisionsTest {

  final RepositoryService repository = mock(RepositoryService.class);
  final DecisionDefinitionQuery query = mock(DecisionDefinitionQuery.class, RETURNS_SELF);
  final TransactionTemplate transaction = new TransactionTemplate(new NoResourceTransactions());
  final LatestDecisions decisions = new LatestDecisions(repository);

  @BeforeEach
  void deployed() {
    when(repository.createDecisionDefinitionQuery()).thenReturn(query);
    List<DecisionDefinition> latest = List.of(definition("registration", "registration:3:r", null),
        definition("appeal-routing", "appeal-routing:7:t", "tenant-a"),
        definition("appeal-routing", "appeal-routing:5:x", null));
    when(query.list()).thenReturn(latest);
  }

  static DecisionDefinition definition(String key, String id, String tenant) {
    DecisionDefinition d = mock(DecisionDefinition.class);
    when(d.getKey()).thenReturn(key);
    when(d.getId()).thenReturn(id);
    when(d.getTenantId()).thenReturn(tenant);
    return d;
  }

  @Test
  void oneTransactionAsksOnceForEveryKeyAndTheSharedTableWinsOverATenantsOne() {
    transaction.executeWithoutResult(s -> {
      assertThat(decisions.of("registration")).map(DecisionDefinition::getId).hasValue("registration:3:r");
      assertThat(decisions.of("appeal-routing")).map(DecisionDefinition::getId).hasValue("appeal-routing:5:x");
      assertThat(decisions.of("answer-method")).isEmpty();
    });
    verify(query, times(1)).latestVersion();
    verify(query, times(1)).list();
    verify(query, never()).decisionDefinitionKey(anyString());
  }

  @Test
  void theNextTransactionAsksAgain() {
    transaction.executeWithoutResult(s -> decisions.of("registration"));
    transaction.executeWithoutResult(s -> decisions.of("registration"));
    verify(query, times(2)).list();
  }
}
