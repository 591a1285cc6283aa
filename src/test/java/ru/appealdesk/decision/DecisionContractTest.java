package ru.appealdesk.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.appeal.AppealType;
import ru.appealdesk.appeal.AppealVariables;
import ru.appealdesk.appeal.AppealVocabulary;
import ru.appealdesk.appeal.Channel;
import ru.appealdesk.deadline.Jurisdiction;
import ru.appealdesk.support.AbstractIntegrationTest;

/**
 * The contract between the intake and the tables {@code appeal-handling} evaluates (issue 15): every appeal the intake
 * accepts — each jurisdiction, type, subject of the deployed vocabulary and channel taken in that jurisdiction, with
 * and without a written answer requested, complete details and a client e-mail — is decided by a specific row of every
 * table, never by a fallback row ({@code Rule_Fallback_…}, the safety net for inputs nobody planned); and every other
 * row of these tables is reached by some accepted appeal (a row no appeal can reach is dead rule text). The deployed
 * decisions are evaluated with {@link DecisionService}; the engine's decision history tells which row answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionContractTest extends AbstractIntegrationTest {

  /** The tables of {@code appeal-handling} decided by the appeal's own data, in the diagram's order. */
  static final List<String> FLOW_TABLES = List.of("registration", "appeal-routing", "answer-method", "answer-approval");
  static final String FALLBACK = "Rule_Fallback_";

  @Autowired
  DecisionService decisionService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  HistoryService historyService;
  @Autowired
  AppealVocabulary vocabulary;

  /** Rule id hit → the inputs of the first accepted appeal that hit it, per table. */
  private final Map<String, Map<String, Map<String, String>>> hits = new LinkedHashMap<>();
  private int appeals;
  private final Set<String> signatories = new TreeSet<>();

  @BeforeAll
  void evaluateEveryAcceptedAppeal() {
    Map<String, DecisionDefinition> definitions = new LinkedHashMap<>();
    FLOW_TABLES.forEach(key -> definitions.put(key, latest(key)));
    Date moment = Date.from(Instant.parse("2093-03-03T00:00:00Z"));
    ClockUtil.setCurrentTime(moment);
    try {
      Map<String, Map<Map<String, Object>, Map<String, Object>>> evaluated = new HashMap<>();
      for (Jurisdiction j : Jurisdiction.values()) {
        for (AppealType type : AppealType.values()) {
          List<String> subjects = new ArrayList<>(vocabulary.subjects(j.name(), type.name()).stream()
              .map(AppealVocabulary.Term::code).toList());
          if (subjects.isEmpty()) {
            subjects.add(null);
          }
          for (String subject : subjects) {
            for (Channel channel : Channel.values()) {
              if (!channel.acceptedIn(j)) {
                continue;
              }
              for (boolean written : new boolean[] {true, false}) {
                for (boolean complete : new boolean[] {true, false}) {
                  for (boolean email : new boolean[] {true, false}) {
                    appeals++;
                    Map<String, Object> v = new HashMap<>();
                    v.put(AppealVariables.JURISDICTION, j.name());
                    v.put(AppealVariables.APPEAL_TYPE, type.name());
                    v.put(AppealVariables.SUBJECT, subject);
                    v.put(AppealVariables.CHANNEL, channel.name());
                    v.put(AppealVariables.WRITTEN_ANSWER_REQUESTED, written);
                    v.put(AppealVariables.DETAILS_COMPLETE, complete);
                    v.put(AppealVariables.CLIENT_HAS_EMAIL, email);
                    Map<String, Object> registration = evaluate(definitions.get("registration"), v, evaluated);
                    Map<String, Object> routing = evaluate(definitions.get("appeal-routing"), v, evaluated);
                    v.put(AppealVariables.APPROVAL_GROUP, routing.get("approvalGroup"));
                    Map<String, Object> method = evaluate(definitions.get("answer-method"), v, evaluated);
                    v.put(AppealVariables.WRITTEN_ANSWER, method.get("writtenAnswer"));
                    Object signatory = evaluate(definitions.get("answer-approval"), v, evaluated)
                        .get("signatoryGroup");
                    if (signatory != null) {
                      signatories.add(signatory.toString());
                    }
                    assertThat(registration).containsKey("registrationMode");
                  }
                }
              }
            }
          }
        }
      }
      for (String key : FLOW_TABLES) {
        hits.put(key, rulesHit(definitions.get(key), moment));
      }
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void theContractCoversEveryTableTheAppealFlowEvaluatesFromTheAppealsData() {
    BpmnModelInstance diagram = repositoryService.getBpmnModelInstance(repositoryService
        .createProcessDefinitionQuery().processDefinitionKey("appeal-handling").latestVersion().singleResult().getId());
    Set<String> evaluatedByTheDiagram = diagram.getModelElementsByType(BusinessRuleTask.class).stream()
        .map(BusinessRuleTask::getCamundaDecisionRef).collect(Collectors.toCollection(TreeSet::new));
    // supporting-documents reads only the application's reason: DecisionTablesTest reaches each of its rows
    assertThat(evaluatedByTheDiagram).containsExactlyInAnyOrderElementsOf(
        concat(FLOW_TABLES, List.of("supporting-documents")));
    assertThat(appeals).as("accepted appeals enumerated").isGreaterThan(2000);
  }

  @Test
  void everyAcceptedAppealIsDecidedByASpecificRowOfEveryTable() {
    Map<String, String> fallbackHits = new LinkedHashMap<>();
    hits.forEach((key, byRule) -> byRule.forEach((rule, inputs) -> {
      if (rule.startsWith(FALLBACK)) {
        fallbackHits.put(key + " " + rule, inputs.toString());
      }
    }));
    assertThat(fallbackHits).as("accepted appeals (first of each) that only a fallback row answers").isEmpty();
  }

  @Test
  void everyRowOfTheFlowTablesIsReachedByAnAcceptedAppeal() {
    Map<String, List<String>> unreachable = new LinkedHashMap<>();
    for (String key : FLOW_TABLES) {
      List<String> dead = table(key).getRules().stream().map(Rule::getId)
          .filter(id -> !id.startsWith(FALLBACK) && !hits.get(key).containsKey(id)).toList();
      if (!dead.isEmpty()) {
        unreachable.put(key, dead);
      }
    }
    assertThat(unreachable).as("rows no accepted appeal reaches").isEmpty();
  }

  @Test
  void everySignatoryTheApprovalTableNamesMaySignLetters() {
    assertThat(signatories).isNotEmpty();
    for (String group : signatories) {
      assertThat(decisionService.evaluateDecisionByKey("letter-signatories").variables(Map.of("signatoryGroup", group))
          .evaluate().getSingleResult().<Boolean>getEntry("maySign")).as("letter-signatories: " + group).isTrue();
    }
  }

  @Test
  void everyFlowTableKeepsExactlyItsFallbackRowsLast() {
    for (String key : FLOW_TABLES) {
      List<String> ids = table(key).getRules().stream().map(Rule::getId).toList();
      List<String> fallbacks = ids.stream().filter(id -> id.startsWith(FALLBACK)).toList();
      assertThat(ids.subList(ids.size() - fallbacks.size(), ids.size())).as(key + ": fallback rows come last")
          .containsExactlyElementsOf(fallbacks);
    }
  }

  /** Evaluates once per distinct input map (the history then holds one row per distinct appeal of that table). */
  private Map<String, Object> evaluate(DecisionDefinition d, Map<String, Object> variables,
      Map<String, Map<Map<String, Object>, Map<String, Object>>> evaluated) {
    Map<String, Object> inputs = new HashMap<>();
    for (String input : inputNames(d.getKey())) {
      inputs.put(input, variables.get(input));
    }
    return evaluated.computeIfAbsent(d.getKey(), k -> new HashMap<>()).computeIfAbsent(inputs, in -> {
      DmnDecisionResult result = decisionService.evaluateDecisionById(d.getId()).variables(in).evaluate();
      assertThat(result).as(d.getKey() + " " + in).hasSize(1);
      return result.getSingleResult().getEntryMap();
    });
  }

  private final Map<String, List<String>> inputNames = new HashMap<>();

  private List<String> inputNames(String key) {
    return inputNames.computeIfAbsent(key, k -> table(k).getInputs().stream()
        .map(i -> i.getInputExpression().getText().getTextContent().strip()).toList());
  }

  private Map<String, Map<String, String>> rulesHit(DecisionDefinition d, Date moment) {
    Map<String, Map<String, String>> byRule = new LinkedHashMap<>();
    List<HistoricDecisionInstance> instances = historyService.createHistoricDecisionInstanceQuery()
        .decisionDefinitionId(d.getId()).evaluatedAfter(new Date(moment.getTime() - 1))
        .evaluatedBefore(new Date(moment.getTime() + 1)).includeInputs().includeOutputs().list();
    for (HistoricDecisionInstance hdi : instances) {
      String rule = hdi.getOutputs().stream().map(HistoricDecisionOutputInstance::getRuleId).findFirst()
          .orElse("(none)");
      byRule.computeIfAbsent(rule, r -> hdi.getInputs().stream().collect(Collectors.toMap(
          HistoricDecisionInputInstance::getClauseName, i -> String.valueOf(i.getValue()), (a, b) -> a,
          LinkedHashMap::new)));
    }
    return byRule;
  }

  private DecisionDefinition latest(String key) {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
        .singleResult();
  }

  private DecisionTable table(String key) {
    return repositoryService.getDmnModelInstance(latest(key).getId()).getModelElementsByType(DecisionTable.class)
        .iterator().next();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return Arrays.asList(all.toArray(String[]::new));
  }
}
