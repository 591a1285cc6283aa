package ru.appealdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    DecisionDefinition ran = latest("appeal-routing");
    Map<String, Object> seen = new TransactionTemplate(transactionManager).execute(s -> {
      decisionService.evaluateDecisionByKey("escalation").variables(Map.of("jurisdiction", "RU")).evaluate();
      EvaluatedDecisions.mark("RU-TEST-1");
      decisionService.evaluateDecisionByKey("appeal-routing").variables(LOAN_TERMS_COMPLAINT).evaluate();
      decisionService.evaluateDecisionByKey("appeal-routing").variables(LOAN_TERMS_COMPLAINT).evaluate();
      decisionService.evaluateDecisionByKey("escalation").variables(Map.of("jurisdiction", "KZ")).evaluate();
      String deployment = repositoryService.createDeployment().name("evaluated-probe")
          .addString("appeal-routing.dmn", xml).deploy().getId();
      return Map.of("deployment", deployment, "latestAfter", latest("appeal-routing"),
          "named", EvaluatedDecisions.since("RU-TEST-1", Set.of("appeal-routing", "answer-method")).orElseThrow(),
          "all", EvaluatedDecisions.since("RU-TEST-1", Set.of(EvaluatedDecisions.ANY)).orElseThrow(),
          "wholeTransaction", EvaluatedDecisions.of(Set.of("escalation")),
          "notMarked", EvaluatedDecisions.since("RU-TEST-2", Set.of(EvaluatedDecisions.ANY)));
    });
    try {
      DecisionDefinition latestAfter = (DecisionDefinition) seen.get("latestAfter");
      assertThat(latestAfter.getVersionTag()).isEqualTo("evaluated-probe");
      assertThat(latestAfter.getId()).isNotEqualTo(ran.getId());
      // evaluated twice, named once, in the version it ran on; the table nobody named (escalation) is left out
      assertThat(definitions(seen.get("named"))).extracting(DecisionDefinition::getId).containsExactly(ran.getId());
      // since the mark: the escalation evaluated before it is not the case's
      assertThat(definitions(seen.get("all"))).extracting(DecisionDefinition::getKey)
          .containsExactly("appeal-routing", "escalation");
      assertThat(definitions(seen.get("wholeTransaction"))).hasSize(1);
      assertThat(seen.get("notMarked")).isEqualTo(Optional.empty());
    } finally {
      repositoryService.deleteDeployment((String) seen.get("deployment"), true);
    }
  }

  @Test
  void anEvaluationIsRememberedOnlyForItsOwnTransaction() {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    List<DecisionDefinition> inside = transaction.execute(s -> {
      decisionService.evaluateDecisionByKey("escalation").variables(Map.of("jurisdiction", "RU")).evaluate();
      return EvaluatedDecisions.of(Set.of(EvaluatedDecisions.ANY));
    });
    assertThat(inside).extracting(DecisionDefinition::getKey).containsExactly("escalation");
    List<DecisionDefinition> next = transaction.execute(s -> EvaluatedDecisions.of(Set.of(EvaluatedDecisions.ANY)));
    assertThat(next).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static List<DecisionDefinition> definitions(Object value) {
    return (List<DecisionDefinition>) value;
  }

  private DecisionDefinition latest(String key) {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
        .singleResult();
  }
}
