package ru.appealdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.appealdesk.support.AbstractIntegrationTest;

/**
 * The tables evaluated in a transaction, as the engine ran them: what an appeal records as the rules that decided it
 * (issue 17). A redeploy right after an evaluation does not change which version is named.
 */
class EvaluatedDecisionsTest extends AbstractIntegrationTest {

  static final Map<String, Object> LOAN_TERMS_COMPLAINT =
      Map.of("jurisdiction", "RU", "appealType", "COMPLAINT", "subject", "LOAN_TERMS");

  @Autowired
  DecisionService decisionService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  PlatformTransactionManager transactionManager;

  @Test
  void theVersionAnEvaluationRanOnIsNamedNotTheOneDeployedAfterIt() throws Exception {
    String xml = new String(getClass().getResourceAsStream("/dmn/appeal-routing.dmn").readAllBytes(),
        StandardCharsets.UTF_8).replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"evaluated-probe\"");
    String[] deployment = new String[1];
    try {
      List<List<DecisionDefinition>> seen = new TransactionTemplate(transactionManager).execute(s -> {
        DecisionDefinition ran = latest("appeal-routing");
        decisionService.evaluateDecisionByKey("appeal-routing").variables(LOAN_TERMS_COMPLAINT).evaluate();
        decisionService.evaluateDecisionByKey("appeal-routing").variables(LOAN_TERMS_COMPLAINT).evaluate();
        decisionService.evaluateDecisionByKey("escalation").variables(Map.of("jurisdiction", "KZ")).evaluate();
        deployment[0] = repositoryService.createDeployment().name("evaluated-probe")
            .addString("appeal-routing.dmn", xml).deploy().getId();
        assertThat(latest("appeal-routing").getId()).isNotEqualTo(ran.getId());
        assertThat(latest("appeal-routing").getVersionTag()).isEqualTo("evaluated-probe");
        return List.of(List.of(ran), EvaluatedDecisions.of(Set.of("appeal-routing", "answer-method")),
            EvaluatedDecisions.of(Set.of(EvaluatedDecisions.ANY)));
      });
      DecisionDefinition ran = seen.get(0).get(0);
      // evaluated twice, named once; the table nobody named (escalation) is left out
      assertThat(seen.get(1)).extracting(DecisionDefinition::getId).containsExactly(ran.getId());
      assertThat(seen.get(1).get(0).getVersion()).isEqualTo(ran.getVersion());
      assertThat(seen.get(2)).extracting(DecisionDefinition::getKey).containsExactly("appeal-routing", "escalation");
    } finally {
      if (deployment[0] != null) {
        repositoryService.deleteDeployment(deployment[0], true);
      }
    }
  }

  @Test
  void anEvaluationIsRememberedOnlyForItsOwnTransaction() {
    decisionService.evaluateDecisionByKey("escalation").variables(Map.of("jurisdiction", "RU")).evaluate();
    assertThat(EvaluatedDecisions.of(Set.of(EvaluatedDecisions.ANY))).isEmpty();
    List<DecisionDefinition> next = new TransactionTemplate(transactionManager)
        .execute(s -> EvaluatedDecisions.of(Set.of(EvaluatedDecisions.ANY)));
    assertThat(next).isEmpty();
  }

  private DecisionDefinition latest(String key) {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
        .singleResult();
  }
}
