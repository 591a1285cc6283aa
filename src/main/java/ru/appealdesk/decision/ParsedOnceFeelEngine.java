package ru.appealdesk.decision;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import camundajar.impl.scala.collection.immutable.Map$;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;

/**
 * The FEEL engine of the decision tables: Camunda's own ({@link ScalaFeelEngine}, same value mappers and functions),
 * except that each cell's text is parsed once instead of at every evaluation. A decision table is a fixed set of cells
 * evaluated for every case: the intake evaluates five tables, several hundred cells, and parsing was 9 % of its CPU
 * (issue 19, docs/bench.md). The result of an evaluation is the same: Camunda's {@code evalUnaryTests} and
 * {@code evalExpression} are "parse, then evaluate the parsed expression", which is what this does with the parse kept.
 * Plugged in through the DMN engine's documented {@code feelEngineFactory} by {@link DecisionRulesPlugin}.
 */
final class ParsedOnceFeelEngine extends ScalaFeelEngine {

  /** Far above the cells of all deployed tables; a process owner's redeployments only add a few each. */
  static final int MAX_CACHED = 20_000;

  private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
  private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

  ParsedOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders);
  }

  /** The factory the DMN engine asks once, when it is built (custom function providers are known by then). */
  static FeelEngineFactory factory(Supplier<List<FeelCustomFunctionProvider>> providers) {
    return () -> new ParsedOnceFeelEngine(Objects.requireNonNullElse(providers.get(), List.of()));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
    VariableProvider variables = new ContextVariableWrapper(variableContext);
    return (T) value(feelEngine.eval(parsed, contextOf(variables)));
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
    ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
    VariableProvider input = new StaticVariableProvider(Map$.MODULE$.<String, Object>empty()
        .updated(INPUT_VARIABLE_NAME, inputVariable));
    VariableProvider variables = new CompositeVariableProvider(toScalaList(input,
        new ContextVariableWrapper(variableContext)));
    return BoxesRunTime.unboxToBoolean(value(feelEngine.eval(parsed, contextOf(variables))));
  }

  /** How many distinct cell texts are held (tests). */
  int cached() {
    return expressions.size() + unaryTests.size();
  }

  private static ParsedExpression parsed(Map<String, Either<Failure, ParsedExpression>> cache, String expression,
      Function<String, Either<Failure, ParsedExpression>> parser) {
    Either<Failure, ParsedExpression> result = cache.get(expression);
    if (result == null) {
      result = parser.apply(expression);
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.put(expression, result);
    }
    return (ParsedExpression) value(result);
  }

  private static Object value(Either<?, ?> either) {
    if (either instanceof Right<?, ?> right) {
      return right.value();
    }
    throw LOGGER.evaluationException(((Failure) ((Left<?, ?>) either).value()).message());
  }

  private static CustomContext contextOf(VariableProvider variables) {
    return new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return variables;
      }
    };
  }
}
