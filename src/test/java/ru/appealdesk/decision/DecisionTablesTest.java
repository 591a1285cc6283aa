package ru.appealdesk.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.support.AbstractIntegrationTest;

/**
 * Every row of every table of {@code dmn/}, evaluated by the engine's {@link DecisionService}, against the values of
 * SPEC.md typed into {@code src/test/resources/dmn-fixtures}. The engine's decision history tells which rules the
 * fixture hit, so a row nobody expects anything of (or a row the fixture cannot reach) fails the test.
 */
class DecisionTablesTest extends AbstractIntegrationTest {

  static final List<String> KEYS = List.of("appeal-routing", "registration", "answer-method", "supporting-documents",
      "kz-mandatory-restructuring", "answer-approval", "escalation",
      "letter-signatories");

  @Autowired
  DecisionService decisionService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  HistoryService historyService;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"appeal-routing", "registration", "answer-method", "supporting-documents",
      "kz-mandatory-restructuring", "answer-approval", "escalation", "letter-signatories"})
  void everyRowGivesWhatTheSpecSays(String key) {
    DmnFixture fixture = DmnFixture.load(key);
    DecisionDefinition definition = latest(key);
    // a moment no other test uses: the history of exactly these evaluations can be found again
    Date moment = Date.from(Instant.parse("2091-01-01T00:00:00Z").plusSeconds(KEYS.indexOf(key) * 60L));
    ClockUtil.setCurrentTime(moment);

    SoftAssertions softly = new SoftAssertions();
    for (DmnFixture.Case c : fixture.cases()) {
      DmnDecisionResult result = decisionService.evaluateDecisionById(definition.getId()).variables(c.inputs())
          .evaluate();
      if (isCollect(definition)) {
        String output = c.expected().keySet().iterator().next();
        softly.assertThat(result.collectEntries(output)).as(c.name())
            .containsExactlyInAnyOrderElementsOf(DmnFixture.collected(c.expected().get(output)));
        continue;
      }
      softly.assertThat(result.size()).as(c.name() + ": one result (FIRST)").isEqualTo(1);
      if (result.size() != 1) {
        continue;
      }
      Map<String, Object> row = result.getSingleResult().getEntryMap();
      c.expected().forEach((output, expected) -> {
        softly.assertThat(row).as(c.name() + ": output " + output + " present even when null").containsKey(output);
        Object actual = row.get(output);
        softly.assertThat(actual == null ? null : String.valueOf(actual)).as(c.name() + ": " + output)
            .isEqualTo(expected);
        if (expected != null && expected.matches("\\d+")) {
          softly.assertThat(actual).as(c.name() + ": " + output + " is an integer").isInstanceOf(Integer.class);
        }
        if ("true".equals(expected) || "false".equals(expected)) {
          softly.assertThat(actual).as(c.name() + ": " + output + " is a boolean").isInstanceOf(Boolean.class);
        }
      });
    }
    softly.assertAll();

    Set<String> hitRules = historyService.createHistoricDecisionInstanceQuery()
        .decisionDefinitionId(definition.getId())
        .evaluatedAfter(new Date(moment.getTime() - 1)).evaluatedBefore(new Date(moment.getTime() + 1))
        .includeOutputs().list().stream()
        .map(HistoricDecisionInstance::getOutputs).flatMap(List::stream)
        .map(HistoricDecisionOutputInstance::getRuleId).filter(Objects::nonNull)
        .collect(Collectors.toSet());
    assertThat(hitRules).as("rules of %s reached by the fixture", key).containsExactlyInAnyOrderElementsOf(ruleIds(definition));
  }

  @Test
  void theFiveDecisionsAreDeployedWithVersionTagAndHistoryTimeToLive() {
    for (String key : KEYS) {
      DecisionDefinition d = latest(key);
      assertThat(d.getVersionTag()).as(key).isNotBlank();
      assertThat(d.getHistoryTimeToLive()).as(key).isNotNull().isPositive();
      assertThat(d.getResourceName()).as(key).endsWith("dmn/" + key + ".dmn");
      Decision decision = repositoryService.getDmnModelInstance(d.getId()).getModelElementById(key);
      for (Rule rule : table(decision).getRules()) {
        assertThat(rule.getDescription()).as(key + " " + rule.getId() + " has a Russian annotation").isNotNull();
        assertThat(rule.getDescription().getTextContent()).as(key + " " + rule.getId())
            .matches(".*[А-Яа-яЁё]{3,}.*");
      }
    }
  }

  @Test
  void hitPoliciesAreTheDeliberateOnes() {
    Map<String, HitPolicy> expected = Map.of("appeal-routing", HitPolicy.FIRST, "registration", HitPolicy.FIRST,
        "answer-method", HitPolicy.FIRST, "supporting-documents", HitPolicy.COLLECT,
        "kz-mandatory-restructuring", HitPolicy.FIRST);
    expected.forEach((key, policy) -> assertThat(table(model(key)).getHitPolicy()).as(key).isEqualTo(policy));
  }

  @Test
  void anUnknownJurisdictionFailsLoudlyInsteadOfAnsweringNothing() {
    assertThatThrownBy(() -> decisionService.evaluateDecisionByKey("appeal-routing")
        .variables(Map.of("jurisdiction", "BY", "appealType", "COMPLAINT", "subject", "LOAN_TERMS")).evaluate())
        .isInstanceOf(ProcessEngineException.class)
        .rootCause().isInstanceOf(NoMatchingRuleGuard.NoMatchingRuleException.class)
        .hasMessageContaining("appeal-routing")
        .hasMessageContaining("не нашла ни одного подходящего правила")
        .hasMessageContaining("BY");
    assertThatThrownBy(() -> decisionService.evaluateDecisionByKey("appeal-routing")
        .variables(Map.of("appealType", "COMPLAINT", "subject", "LOAN_TERMS")).evaluate())
        .rootCause().isInstanceOf(NoMatchingRuleGuard.NoMatchingRuleException.class);
  }

  @Test
  void noRowOfTheDeployedRoutingExceedsTheLegalCeiling() {
    DecisionDefinition d = latest("appeal-routing");
    Set<Integer> days = new HashSet<>();
    for (DmnFixture.Case c : DmnFixture.load("appeal-routing").cases()) {
      days.add((Integer) decisionService.evaluateDecisionById(d.getId()).variables(c.inputs()).evaluate()
          .getSingleResult().getEntry("deadlineDays"));
    }
    assertThat(days).allMatch(n -> n >= 0 && n <= LegalDeadlineCeiling.MAX_DEADLINE_DAYS).contains(0, 3, 5, 7, 10, 15);
  }

  private DecisionDefinition latest(String key) {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
        .singleResult();
  }

  private Decision model(String key) {
    return repositoryService.getDmnModelInstance(latest(key).getId()).getModelElementById(key);
  }

  private boolean isCollect(DecisionDefinition d) {
    return table(model(d.getKey())).getHitPolicy() == HitPolicy.COLLECT;
  }

  private List<String> ruleIds(DecisionDefinition d) {
    return table(model(d.getKey())).getRules().stream().map(Rule::getId).toList();
  }

  private static DecisionTable table(Decision decision) {
    return (DecisionTable) decision.getExpression();
  }
}
