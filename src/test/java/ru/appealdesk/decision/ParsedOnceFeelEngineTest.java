package ru.appealdesk.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** The decision tables' FEEL engine answers exactly as Camunda's, and parses each text once. */
class ParsedOnceFeelEngineTest {

  private final ScalaFeelEngine camunda = new ScalaFeelEngine(List.of());
  private final ParsedOnceFeelEngine engine = new ParsedOnceFeelEngine(List.of());

  private static VariableContext vars(Map<String, Object> values) {
    return Variables.fromMap(values).asVariableContext();
  }

  @Test
  void unaryTestsAgreeWithCamundasEngine() {
    List<String> cells = List.of("\"COMPLAINT\"", "\"COMPLAINT\",\"APPLICATION\"", "not(\"RU\")", "-", "[1..5]",
        "> 3", "<= 10", "null", "true", "false", "date(\"2026-01-01\")..date(\"2026-12-31\")", "? > limit",
        "\"PHONE\",\"EMAIL\",\"LETTER\"", "not(null)");
    List<Object> inputs = java.util.Arrays.asList("COMPLAINT", "APPLICATION", "RU", "KZ", 3L, 7L, 12L, null, true,
        false, LocalDate.of(2026, 6, 1), "PHONE");
    for (String cell : cells) {
      for (Object input : inputs) {
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("cellInput", input);
        values.put("limit", 4L);
        Object expected = outcome(() -> camunda.evaluateSimpleUnaryTests(cell, "cellInput", vars(values)));
        for (int i = 0; i < 3; i++) {
          assertThat(outcome(() -> engine.evaluateSimpleUnaryTests(cell, "cellInput", vars(values))))
              .as("%s with %s", cell, input).isEqualTo(expected);
        }
      }
    }
    assertThat(engine.cached()).isEqualTo(cells.size());
  }

  @Test
  void expressionsAgreeWithCamundasEngine() {
    Map<String, Object> values = Map.of("jurisdiction", "KZ", "days", 15L, "receivedAt", LocalDate.of(2026, 8, 16),
        "flags", List.of("A", "B"));
    for (String expression : List.of("jurisdiction", "days * 2", "if jurisdiction = \"KZ\" then 15 else 30",
        "receivedAt + duration(\"P15D\")", "count(flags)", "list contains(flags, \"B\")", "upper case(jurisdiction)",
        "string(days) + \" дней\"", "null")) {
      Object expected = outcome(() -> camunda.evaluateSimpleExpression(expression, vars(values)));
      assertThat(outcome(() -> engine.evaluateSimpleExpression(expression, vars(values)))).as(expression)
          .isEqualTo(expected);
      assertThat(outcome(() -> engine.evaluateSimpleExpression(expression, vars(values)))).as(expression)
          .isEqualTo(expected);
    }
  }

  @Test
  void aCellThatDoesNotParseFailsAsInCamundasEngineEveryTime() {
    VariableContext v = vars(Map.of("cellInput", "X"));
    String message = catchMessage(() -> camunda.evaluateSimpleUnaryTests("\"open", "cellInput", v));
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> engine.evaluateSimpleUnaryTests("\"open", "cellInput", v))
          .isInstanceOf(FeelException.class).hasMessage(message);
    }
  }

  private static String catchMessage(Runnable r) {
    try {
      r.run();
    } catch (FeelException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a FeelException");
  }

  /** The value, or the failure's class and message, so a failing cell must fail the same way. */
  private static Object outcome(java.util.function.Supplier<Object> evaluation) {
    try {
      return String.valueOf(evaluation.get());
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
