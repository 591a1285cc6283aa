package ru.appealdesk.form;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The expressions of a Camunda Form ({@code "=answerApproved = \"true\""}: conditions, read-only flags, dynamic
 * options, computed limits) evaluated with the FEEL engine the process engine ships (feel-scala, the engine behind
 * Camunda's DMN), not a parser of our own. Parsed expressions are cached; evaluation is thread-safe.
 */
final class Feel {

  static final Feel INSTANCE = new Feel();

  private static final Logger log = LoggerFactory.getLogger(Feel.class);

  private final FeelEngineApi engine = FeelEngineBuilder.forJava().build();
  private final Map<String, Optional<ParsedExpression>> parsed = new ConcurrentHashMap<>();

  private Feel() {}

  /** Whether a form property holds an expression rather than a literal ({@code "=…"}). */
  static boolean isExpression(Object property) {
    return property instanceof String s && s.startsWith("=");
  }

  /**
   * The value of a form expression ({@code "=…"}; the leading {@code =} is optional) in the given context, empty when
   * it does not parse or fails to evaluate (logged without the context: variables may hold personal data).
   */
  Optional<Object> evaluate(String expression, Map<String, Object> context) {
    String feel = expression.startsWith("=") ? expression.substring(1) : expression;
    Optional<ParsedExpression> expr = parsed.computeIfAbsent(feel, this::parse);
    if (expr.isEmpty()) {
      return Optional.empty();
    }
    EvaluationResult result = engine.evaluate(expr.get(), context);
    if (!result.isSuccess()) {
      log.warn("Form expression failed to evaluate: {} ({})", feel, result.failure().message());
      return Optional.empty();
    }
    return Optional.ofNullable(result.result());
  }

  /** True only when the expression evaluates to boolean {@code true} (as form-js treats a condition). */
  boolean isTrue(String expression, Map<String, Object> context) {
    return evaluate(expression, context).map(Boolean.TRUE::equals).orElse(false);
  }

  private Optional<ParsedExpression> parse(String feel) {
    ParseResult r = engine.parseExpression(feel);
    if (!r.isSuccess()) {
      log.warn("Form expression does not parse: {} ({})", feel, r.failure().message());
      return Optional.empty();
    }
    return Optional.of(r.parsedExpression());
  }
}
