package ru.appealdesk.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DecisionDefinitionQuery;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;
import ru.appealdesk.platform.LatestDecisions;
import ru.appealdesk.support.NoResourceTransactions;

/**
 * Which {@code appeal-routing} definition is the latest is asked once per transaction, not once per subject named;
 * the next transaction sees a redeploy.
 */
class AppealVocabularyTest {

  final RepositoryService repository = mock(RepositoryService.class);
  final DecisionDefinitionQuery query = mock(DecisionDefinitionQuery.class, RETURNS_SELF);
  final TransactionTemplate transaction = new TransactionTemplate(new NoResourceTransactions());
  final AppealVocabulary vocabulary = new AppealVocabulary(repository, new LatestDecisions(repository));
  DmnModelInstance shipped;

  @BeforeEach
  void deployedTable() throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("dmn/appeal-routing.dmn"))) {
      shipped = Dmn.readModelFromStream(in);
    }
    when(repository.createDecisionDefinitionQuery()).thenReturn(query);
    latestIs("appeal-routing:1:a");
    when(repository.getDmnModelInstance(anyString())).thenReturn(shipped);
  }

  void latestIs(String id) {
    DecisionDefinition d = mock(DecisionDefinition.class);
    when(d.getId()).thenReturn(id);
    when(d.getKey()).thenReturn("appeal-routing");
    when(query.list()).thenReturn(List.of(d));
  }

  @Test
  void oneTransactionAsksForTheLatestTableOnceHoweverManySubjectsItNames() {
    transaction.executeWithoutResult(s -> {
      assertThat(vocabulary.subject("LOAN_TERMS")).map(AppealVocabulary.Term::ru)
          .hasValue("Условия договора займа (срок, проценты, пени)");
      assertThat(vocabulary.subject("NO_SUCH_SUBJECT")).isEmpty();
      assertThat(vocabulary.subjects("RU", "COMPLAINT")).extracting(AppealVocabulary.Term::code)
          .contains("LOAN_TERMS");
    });
    verify(query, times(1)).list();
    verify(repository, times(1)).getDmnModelInstance("appeal-routing:1:a");
  }

  @Test
  void outsideATransactionEveryCallAsksAndTheNextTransactionSeesARedeploy() {
    vocabulary.subject("LOAN_TERMS");
    vocabulary.subject("LOAN_TERMS");
    verify(query, times(2)).list();
    verify(repository, times(1)).getDmnModelInstance("appeal-routing:1:a");

    latestIs("appeal-routing:2:b");
    transaction.executeWithoutResult(s -> vocabulary.subject("LOAN_TERMS"));
    verify(query, times(3)).list();
    verify(repository, times(1)).getDmnModelInstance("appeal-routing:2:b");
  }
}
