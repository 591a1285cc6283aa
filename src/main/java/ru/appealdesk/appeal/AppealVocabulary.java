package ru.appealdesk.appeal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Service;
import ru.appealdesk.platform.LatestDecisions;

/**
 * The words behind the codes of an appeal. The subjects a client may choose are the deployed {@code appeal-routing}
 * table's: every subject its rows name literally in the «Тема» column, for the types those rows admit, with the names
 * of outputs {@code subjectName} / {@code subjectNameKk} of the row that names the subject alone. A process owner who
 * adds a subject row in Modeler and deploys it makes the intake accept it, with no Java change. Types come from SPEC
 * ({@link AppealType}).
 */
@Service
public class AppealVocabulary {

  static final String ROUTING = "appeal-routing";
  private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");

  /** One code with its Russian and Kazakh names ({@code kk} may be null: then the Russian name is used). */
  public record Term(String code, String ru, String kk) {
    public String name(String language) {
      return "kk".equals(language) && kk != null ? kk : ru;
    }
  }

  private static final Map<AppealType, String> TYPE_KK = Map.of(
      AppealType.COMPLAINT, "Шағым", AppealType.APPLICATION, "Өтініш", AppealType.REQUEST, "Сұрау",
      AppealType.SUGGESTION, "Ұсыныс", AppealType.REVIEW, "Пікір", AppealType.GRATITUDE, "Алғыс",
      AppealType.CONSULTATION, "Кеңес алу үшін өтініш");

  private record Snapshot(String definitionId, Map<AppealType, List<Term>> byType, Map<String, Term> byCode) {}

  private final RepositoryService repository;
  private final LatestDecisions decisions;
  private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

  AppealVocabulary(RepositoryService repository, LatestDecisions decisions) {
    this.repository = repository;
    this.decisions = decisions;
  }

  /** The appeal types, named. */
  public List<Term> types() {
    return Arrays.stream(AppealType.values()).map(t -> new Term(t.name(), t.russianName(), TYPE_KK.get(t))).toList();
  }

  /**
   * The subjects a client or employee may choose for this type (empty: the type has none and takes no subject). The
   * vocabulary is shared by both jurisdictions; {@code jurisdiction} is accepted for callers that have it.
   */
  public List<Term> subjects(String jurisdiction, String type) {
    AppealType t;
    try {
      t = AppealType.valueOf(type);
    } catch (IllegalArgumentException | NullPointerException e) {
      return List.of();
    }
    return current().byType().getOrDefault(t, List.of());
  }

  /** The name of a subject code, if the deployed table knows it. */
  public Optional<Term> subject(String code) {
    return Optional.ofNullable(code == null ? null : current().byCode().get(code));
  }

  /**
   * The vocabulary of the latest deployed table. Which definition is the latest is asked once per transaction (an
   * intake, a report and a Tasklist page name many subjects in one); a redeploy, on any node, applies to the next one.
   */
  private Snapshot current() {
    String latestId = decisions.of(ROUTING).map(DecisionDefinition::getId).orElse(null);
    if (latestId == null) {
      return new Snapshot("", Map.of(), Map.of());
    }
    Snapshot s = snapshot.get();
    if (s != null && s.definitionId().equals(latestId)) {
      return s;
    }
    Snapshot fresh = read(latestId, repository.getDmnModelInstance(latestId));
    snapshot.set(fresh);
    return fresh;
  }

  static Snapshot read(String definitionId, DmnModelInstance model) {
    DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
    List<Input> inputs = new ArrayList<>(table.getInputs());
    List<Output> outputs = new ArrayList<>(table.getOutputs());
    int typeColumn = column(inputs, "appealType");
    int subjectColumn = column(inputs, "subject");
    int nameColumn = outputColumn(outputs, "subjectName");
    int kkColumn = outputColumn(outputs, "subjectNameKk");
    Map<String, Term> byCode = new LinkedHashMap<>();
    Map<AppealType, List<Term>> byType = new LinkedHashMap<>();
    List<String[]> pending = new ArrayList<>();
    for (Rule rule : table.getRules()) {
      List<InputEntry> in = new ArrayList<>(rule.getInputEntries());
      List<OutputEntry> out = new ArrayList<>(rule.getOutputEntries());
      List<String> subjects = literals(in.get(subjectColumn).getTextContent());
      if (subjects.isEmpty()) {
        continue;
      }
      List<String> types = literals(in.get(typeColumn).getTextContent());
      if (subjects.size() == 1 && nameColumn >= 0) {
        String ru = literals(out.get(nameColumn).getTextContent()).stream().findFirst().orElse(subjects.get(0));
        String kk = kkColumn < 0 ? null : literals(out.get(kkColumn).getTextContent()).stream().findFirst().orElse(null);
        byCode.putIfAbsent(subjects.get(0), new Term(subjects.get(0), ru, kk));
      }
      for (String subject : subjects) {
        pending.add(new String[] {String.join(",", types), subject});
      }
    }
    for (String[] p : pending) {
      Term term = byCode.computeIfAbsent(p[1], code -> new Term(code, code, null));
      for (AppealType t : AppealType.values()) {
        if (p[0].isEmpty() || Arrays.asList(p[0].split(",")).contains(t.name())) {
          List<Term> list = byType.computeIfAbsent(t, k -> new ArrayList<>());
          if (list.stream().noneMatch(x -> x.code().equals(term.code()))) {
            list.add(term);
          }
        }
      }
    }
    byType.replaceAll((k, v) -> List.copyOf(v));
    return new Snapshot(definitionId, Map.copyOf(byType), Map.copyOf(byCode));
  }

  private static int column(List<Input> inputs, String expression) {
    for (int i = 0; i < inputs.size(); i++) {
      if (expression.equals(inputs.get(i).getInputExpression().getText().getTextContent().strip())) {
        return i;
      }
    }
    throw new IllegalStateException("Table " + ROUTING + " has no input '" + expression + "'");
  }

  private static int outputColumn(List<Output> outputs, String name) {
    for (int i = 0; i < outputs.size(); i++) {
      if (name.equals(outputs.get(i).getName())) {
        return i;
      }
    }
    return -1;
  }

  /** The string literals of an input entry ({@code "A","B"}); a negation or an expression names none. */
  static List<String> literals(String entry) {
    if (entry == null || entry.isBlank() || entry.strip().startsWith("not(")) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    Matcher m = LITERAL.matcher(entry);
    while (m.find()) {
      values.add(m.group(1));
    }
    return values;
  }
}
