package ru.appealdesk.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.util.HtmlUtils;
import ru.appealdesk.appeal.AppealVariables;
import ru.appealdesk.letter.OutgoingLetterVariables;
import ru.appealdesk.outage.OutageVariables;
import ru.appealdesk.restructuring.RestructuringVariables;
import ru.appealdesk.support.AbstractIntegrationTest;

/**
 * Issue 15: every {@code ${…}} / {@code #{…}} expression of a diagram in {@code bpmn/} names only Spring beans, the
 * engine's own names ({@code execution}, {@code task}, {@code decisionResult}) and process variables declared in that
 * process's one variables class. A variable renamed on one side fails here, not in a running case.
 */
class DiagramVariablesTest extends AbstractIntegrationTest {

  /** The one variables class of each process. */
  static final Map<String, Set<String>> DECLARED = Map.of(
      "appeal-handling.bpmn", AppealVariables.all(),
      "kz-restructuring.bpmn", RestructuringVariables.all(),
      "outgoing-letter.bpmn", OutgoingLetterVariables.all(),
      "outage-communication.bpmn", OutageVariables.all());

  /** Names the engine itself resolves in an expression. */
  static final Set<String> ENGINE = Set.of("execution", "task", "decisionResult", "variableScope",
      "authenticatedUserId", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");

  private static final Set<String> JUEL_WORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "div",
      "mod", "eq", "ne", "lt", "gt", "le", "ge", "instanceof");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern STRING_LITERAL = Pattern.compile("'(?:\\\\.|[^'\\\\])*'|\"(?:\\\\.|[^\"\\\\])*\"");

  @Autowired
  ApplicationContext context;

  @Test
  void everyDiagramHasItsVariablesClass() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bpmn")))
          .containsExactlyInAnyOrderElementsOf(DECLARED.keySet());
    }
  }

  @Test
  void everyVariableADiagramUsesIsDeclaredInItsProcesssVariablesClass() throws IOException {
    Map<String, Set<String>> undeclared = new TreeMap<>();
    for (var process : DECLARED.entrySet()) {
      String xml = Files.readString(Path.of("bpmn", process.getKey()));
      for (String expression : expressions(xml)) {
        for (String name : identifiers(expression)) {
          if (!process.getValue().contains(name) && !ENGINE.contains(name) && !context.containsBean(name)) {
            undeclared.computeIfAbsent(process.getKey(), k -> new TreeSet<>()).add(name);
          }
        }
      }
    }
    assertThat(undeclared).as("identifiers in diagram expressions that are neither beans nor declared variables")
        .isEmpty();
  }

  @Test
  void noDeclaredVariableIsShadowedByABean() {
    DECLARED.forEach((diagram, names) -> assertThat(names.stream().filter(context::containsBean))
        .as(diagram + ": a variable named like a bean resolves to the bean").isEmpty());
  }

  @Test
  void theParserFindsVariablesAndSkipsBeansMethodsAndStrings() {
    String xml = "<x a=\"${deadlines.due(jurisdiction, receivedAt, 'WORKING_DAYS')}\" b=\"#{x.y == &quot;z}&quot;"
        + " &amp;&amp; !approvalNeeded}\">${decisionResult.getSingleResult().registrationMode}</x>";
    List<String> found = expressions(xml);
    assertThat(found).hasSize(3);
    Set<String> names = new TreeSet<>();
    found.forEach(e -> names.addAll(identifiers(e)));
    assertThat(names).containsExactly("approvalNeeded", "deadlines", "decisionResult", "jurisdiction", "receivedAt",
        "x");
  }

  /** The bodies of {@code ${…}} and {@code #{…}}, with the XML entities decoded; a brace inside a string is text. */
  static List<String> expressions(String xml) {
    String text = HtmlUtils.htmlUnescape(xml);
    List<String> found = new ArrayList<>();
    int i = 0;
    while (true) {
      int start = indexOfExpression(text, i);
      if (start < 0) {
        return found;
      }
      int k = start + 2;
      char quote = 0;
      for (; k < text.length(); k++) {
        char c = text.charAt(k);
        if (quote != 0) {
          if (c == '\\') {
            k++;
          } else if (c == quote) {
            quote = 0;
          }
        } else if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '}') {
          break;
        }
      }
      found.add(text.substring(start + 2, Math.min(k, text.length())));
      i = k + 1;
    }
  }

  private static int indexOfExpression(String text, int from) {
    int dollar = text.indexOf("${", from);
    int hash = text.indexOf("#{", from);
    return dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
  }

  /** The top-level identifiers of a JUEL expression: not after a dot (properties, methods), not in strings. */
  static Set<String> identifiers(String expression) {
    String code = STRING_LITERAL.matcher(expression).replaceAll("''");
    Set<String> names = new LinkedHashSet<>();
    Matcher m = IDENTIFIER.matcher(code);
    while (m.find()) {
      String before = code.substring(0, m.start()).stripTrailing();
      boolean member = before.endsWith(".");
      boolean partOfNumber = m.start() > 0 && Character.isDigit(code.charAt(m.start() - 1));
      if (!member && !partOfNumber && !JUEL_WORDS.contains(m.group())) {
        names.add(m.group());
      }
    }
    return names;
  }
}
