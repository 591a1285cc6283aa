package ru.appealdesk.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Camunda Form declares, enforced on the server for one submission: {@code validate.required},
 * {@code minLength}/{@code maxLength}, {@code pattern}, {@code validationType} (email, phone), {@code min}/{@code max},
 * {@code decimalDigits} and {@code increment} of numbers, the options of select/radio/checklist/taglist (static
 * {@code values}, {@code valuesKey}, {@code valuesExpression}), the formats of datetime subtypes and
 * {@code disallowPassedDates}. Fields hidden by {@code conditional.hide} are neither required nor checked; read-only
 * and disabled fields are display, not input. Groups (with or without a data {@code path}) and dynamic lists are
 * walked with the context form-js gives their expressions. Every problem of the submission is returned, in the order
 * of the form.
 *
 * <p>Values are read as the form holds them: a radio with options {@code "true"}/{@code "false"} accepts the boolean
 * {@code true} of an API caller, a checklist accepts a JSON array or a Java list, a checkbox the string
 * {@code "true"}.
 */
final class FormRules {

  static final FormRules INSTANCE = new FormRules(Feel.INSTANCE, Clock.systemDefaultZone());

  private static final Logger log = LoggerFactory.getLogger(FormRules.class);

  private static final Set<String> TEXT = Set.of("textfield", "textarea");
  private static final Set<String> SINGLE_CHOICE = Set.of("radio", "select");
  private static final Set<String> MULTI_CHOICE = Set.of("checklist", "taglist");
  private static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "checkbox", "radio", "select",
      "checklist", "taglist", "datetime");
  /** Own, simple shapes of what form-js calls an e-mail and an international phone number. */
  private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+$");
  private static final Pattern PHONE = Pattern.compile("^(\\+|00)[1-9][0-9]{6,20}$");
  private static final int SHOWN_OPTIONS = 10;

  private final Feel feel;
  private final Clock clock;
  private final Map<String, Optional<Pattern>> patterns = new ConcurrentHashMap<>();

  FormRules(Feel feel, Clock clock) {
    this.feel = feel;
    this.clock = clock;
  }

  /** Every problem of a submission; {@code variables} are the task's (or new instance's) variables after it. */
  List<FieldProblem> check(FormSchema form, Map<String, ?> variables) {
    Map<String, Object> data = FormValues.plain(variables);
    coerce(form.components(), data);
    List<FieldProblem> problems = new ArrayList<>();
    walk(form.components(), new Scope(data, data, "", ""), problems);
    return problems;
  }

  /**
   * The variables a submission may not change: keys of read-only or disabled fields (their flags evaluated against the
   * data), where the key is a variable name of its own (not a path into a JSON variable or a dynamic list).
   */
  Set<String> displayFields(FormSchema form, Map<String, ?> variables) {
    Map<String, Object> data = FormValues.plain(variables);
    coerce(form.components(), data);
    Set<String> keys = new LinkedHashSet<>();
    collectDisplay(form.components(), data, keys);
    return keys;
  }

  // ------------------------------------------------------------------------------------------------ walking the form

  /** Where the walk is: the map keys resolve in, the FEEL context, the data path and label prefixes. */
  private record Scope(Map<String, Object> values, Map<String, Object> context, String prefix, String labelPrefix) {}

  private void walk(JsonNode components, Scope scope, List<FieldProblem> problems) {
    for (JsonNode c : components) {
      if (hidden(c, scope.context())) {
        continue;
      }
      String type = FormSchema.type(c);
      if ("group".equals(type)) {
        String path = FormSchema.path(c);
        if (path == null) {
          walk(c.path("components"), scope, problems);
        } else {
          walk(c.path("components"), new Scope(asMap(get(scope.values(), path)), scope.context(),
              scope.prefix() + path + ".", scope.labelPrefix()), problems);
        }
      } else if ("dynamiclist".equals(type)) {
        dynamicList(c, scope, problems);
      } else if (INPUTS.contains(type) && FormSchema.key(c) != null && !display(c, scope.context())) {
        field(c, scope, problems);
      }
    }
  }

  private void dynamicList(JsonNode list, Scope scope, List<FieldProblem> problems) {
    String path = FormSchema.path(list);
    if (path == null) {
      return;
    }
    Object value = get(scope.values(), path);
    String label = label(list, scope.context(), path);
    if (value != null && !(value instanceof List<?>)) {
      problems.add(new FieldProblem(scope.prefix() + path, scope.labelPrefix() + label, "ожидается список"));
      return;
    }
    List<?> items = value == null ? List.of() : (List<?>) value;
    for (int i = 0; i < items.size(); i++) {
      Map<String, Object> item = asMap(items.get(i));
      Map<String, Object> context = new HashMap<>(scope.context());
      context.putAll(item);
      context.put("this", item);
      context.put("_this_", item);
      context.put("parent", scope.context());
      context.put("_parent_", scope.context());
      context.putIfAbsent("_root_", scope.context());
      walk(list.path("components"), new Scope(item, context, scope.prefix() + path + "[" + i + "].",
          scope.labelPrefix() + label + ", строка " + (i + 1) + " — "), problems);
    }
  }

  private void field(JsonNode c, Scope scope, List<FieldProblem> problems) {
    String key = FormSchema.key(c);
    String type = FormSchema.type(c);
    Object value = get(scope.values(), key);
    Map<String, Object> ctx = scope.context();
    JsonNode rules = c.path("validate");
    Problems p = new Problems(problems, scope.prefix() + key, scope.labelPrefix() + label(c, ctx, key));

    if (isEmpty(type, value)) {
      if (flag(rules.get("required"), ctx)) {
        p.add(switch (type) {
          case "checkbox" -> "отметьте этот пункт";
          case "radio", "select", "checklist", "taglist" -> "выберите значение";
          default -> "обязательное поле";
        });
      }
      return;
    }
    if (value == FormValues.OPAQUE) {
      p.add("неверный формат значения");
      return;
    }
    switch (type) {
      case "textfield", "textarea" -> text(value, rules, ctx, p);
      case "number" -> number(value, c, rules, ctx, p);
      case "checkbox" -> {
        if (!(value instanceof Boolean)) {
          p.add("ожидается отметка «да» или «нет»");
        }
      }
      case "radio", "select" -> {
        if (!isScalar(value) || !optionValues(c, ctx).contains(text(value))) {
          p.add(notAllowed(c, ctx));
        }
      }
      case "checklist", "taglist" -> {
        if (!(value instanceof List<?> list)) {
          p.add("ожидается список значений");
        } else {
          Set<String> allowed = optionValues(c, ctx);
          if (list.stream().anyMatch(v -> !isScalar(v) || !allowed.contains(text(v)))) {
            p.add(notAllowed(c, ctx));
          }
        }
      }
      case "datetime" -> dateTime(value, c, p);
      default -> log.debug("No server rules for form field type {}", type);
    }
  }

  private void text(Object value, JsonNode rules, Map<String, Object> ctx, Problems p) {
    if (!isScalar(value)) {
      p.add("неверный формат значения");
      return;
    }
    String s = text(value);
    int length = s.strip().length();
    Integer min = integer(rules.get("minLength"), ctx);
    Integer max = integer(rules.get("maxLength"), ctx);
    if (min != null && length < min) {
      p.add("не короче " + min + " " + characters(min) + " (введено " + length + ")");
    }
    if (max != null && length > max) {
      p.add("не длиннее " + max + " " + characters(max) + " (введено " + length + ")");
    }
    String pattern = string(rules.get("pattern"), ctx);
    if (pattern != null && !pattern.isEmpty()) {
      compiled(pattern).ifPresent(re -> {
        if (!re.matcher(s).find()) {
          p.add("значение не соответствует формату поля");
        }
      });
    }
    String validationType = string(rules.get("validationType"), ctx);
    if ("email".equals(validationType) && !EMAIL.matcher(s.strip()).matches()) {
      p.add("неверный адрес электронной почты");
    }
    if ("phone".equals(validationType) && !PHONE.matcher(s.strip()).matches()) {
      p.add("неверный номер телефона: нужен международный формат, например +77011234567");
    }
  }

  private void number(Object value, JsonNode c, JsonNode rules, Map<String, Object> ctx, Problems p) {
    BigDecimal n = decimal(value);
    if (n == null) {
      p.add("должно быть числом");
      return;
    }
    BigDecimal min = decimal(literal(rules.get("min"), ctx));
    BigDecimal max = decimal(literal(rules.get("max"), ctx));
    if (min != null && n.compareTo(min) < 0) {
      p.add("не меньше " + plain(min));
    }
    if (max != null && n.compareTo(max) > 0) {
      p.add("не больше " + plain(max));
    }
    Integer digits = integer(c.get("decimalDigits"), ctx);
    if (digits != null && digits >= 0 && Math.max(0, n.stripTrailingZeros().scale()) > digits) {
      p.add(digits == 0 ? "должно быть целым числом"
          : "не больше " + digits + " " + plural(digits, "знака", "знаков") + " после запятой");
    }
    BigDecimal increment = decimal(literal(c.get("increment"), ctx));
    if (increment != null && increment.signum() > 0 && n.remainder(increment).signum() != 0) {
      p.add("должно быть кратно " + plain(increment));
    }
  }

  private void dateTime(Object value, JsonNode c, Problems p) {
    String subtype = c.path("subtype").asText("date");
    LocalDate date;
    if (value instanceof Date d) {
      date = d.toInstant().atZone(clock.getZone()).toLocalDate();
    } else if (value instanceof String s) {
      date = switch (subtype) {
        case "time" -> time(s) ? LocalDate.now(clock) : null;
        case "datetime" -> dateTime(s);
        default -> date(s);
      };
      if (date == null) {
        p.add(switch (subtype) {
          case "time" -> "неверное время, нужен формат ЧЧ:ММ";
          case "datetime" -> "неверные дата и время, нужен формат ГГГГ-ММ-ДДTЧЧ:ММ";
          default -> "неверная дата, нужен формат ГГГГ-ММ-ДД";
        });
        return;
      }
    } else {
      p.add("неверный формат даты");
      return;
    }
    if (!"time".equals(subtype) && c.path("disallowPassedDates").asBoolean(false)
        && date.isBefore(LocalDate.now(clock))) {
      p.add("дата не может быть раньше сегодняшней");
    }
  }

  private static LocalDate date(String s) {
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      return dateTime(s);
    }
  }

  private static LocalDate dateTime(String s) {
    String t = s.strip();
    try {
      return OffsetDateTime.parse(t).toLocalDate();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(t).toLocalDate();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private static boolean time(String s) {
    String t = s.strip();
    try {
      LocalTime.parse(t);
      return true;
    } catch (DateTimeParseException e) {
      try {
        OffsetTime.parse(t);
        return true;
      } catch (DateTimeParseException e2) {
        return false;
      }
    }
  }

  // ------------------------------------------------------------------------------------------------ form properties

  private boolean hidden(JsonNode c, Map<String, Object> context) {
    String hide = c.path("conditional").path("hide").asText("");
    return !hide.isBlank() && feel.isTrue(hide, context);
  }

  private boolean display(JsonNode c, Map<String, Object> context) {
    return flag(c.get("readonly"), context) || flag(c.get("disabled"), context);
  }

  /** A boolean property: {@code true}, {@code "true"} or an expression that evaluates to {@code true}. */
  private boolean flag(JsonNode node, Map<String, Object> context) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return false;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    String s = node.asText("");
    return Feel.isExpression(s) ? feel.isTrue(s, context) : "true".equalsIgnoreCase(s.strip());
  }

  /** A property as a value: its literal, or what its expression evaluates to. */
  private Object literal(JsonNode node, Map<String, Object> context) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    String s = node.asText();
    return Feel.isExpression(s) ? feel.evaluate(s, context).orElse(null) : s;
  }

  private Integer integer(JsonNode node, Map<String, Object> context) {
    BigDecimal d = decimal(literal(node, context));
    return d == null ? null : d.intValue();
  }

  private String string(JsonNode node, Map<String, Object> context) {
    Object v = literal(node, context);
    return v == null ? null : v.toString();
  }

  private String label(JsonNode c, Map<String, Object> context, String fallback) {
    String label = FormSchema.rawLabel(c);
    if (label != null && Feel.isExpression(label)) {
      label = feel.evaluate(label, context).map(Object::toString).orElse(null);
    }
    return label == null || label.isBlank() ? fallback : label;
  }

  private record Option(String value, String label) {}

  private List<Option> options(JsonNode c, Map<String, Object> context) {
    Object source;
    if (c.hasNonNull("valuesKey")) {
      source = get(context, c.get("valuesKey").asText());
    } else if (c.hasNonNull("valuesExpression")) {
      source = feel.evaluate(c.get("valuesExpression").asText(), context).orElse(null);
    } else {
      source = FormValues.plainValue(c.path("values"));
    }
    if (source instanceof String s && s.strip().startsWith("[")) {
      source = FormValues.json(s);
    }
    List<Option> options = new ArrayList<>();
    if (source instanceof Collection<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m && m.get("value") != null) {
          Object label = m.get("label");
          options.add(new Option(text(m.get("value")), label == null ? text(m.get("value")) : label.toString()));
        } else if (o != null && isScalar(o)) {
          options.add(new Option(text(o), text(o)));
        }
      }
    }
    return options;
  }

  private Set<String> optionValues(JsonNode c, Map<String, Object> context) {
    return options(c, context).stream().map(Option::value).collect(Collectors.toSet());
  }

  private String notAllowed(JsonNode c, Map<String, Object> context) {
    List<Option> options = options(c, context);
    if (options.isEmpty()) {
      return "недопустимое значение: в форме нет вариантов для выбора";
    }
    String shown = options.stream().limit(SHOWN_OPTIONS).map(Option::label).collect(Collectors.joining(", "));
    return "недопустимое значение; выберите из списка: " + shown + (options.size() > SHOWN_OPTIONS ? ", …" : "");
  }

  private void collectDisplay(JsonNode components, Map<String, Object> data, Set<String> keys) {
    for (JsonNode c : components) {
      String type = FormSchema.type(c);
      if ("group".equals(type) && FormSchema.path(c) == null) {
        collectDisplay(c.path("components"), data, keys);
      } else if (INPUTS.contains(type) && FormSchema.key(c) != null && !FormSchema.key(c).contains(".")
          && display(c, data)) {
        keys.add(FormSchema.key(c));
      }
    }
  }

  // ------------------------------------------------------------------------------------------------ values

  /** Brings submitted values to the types the form holds them in, so that expressions and checks see form data. */
  private void coerce(JsonNode components, Map<String, Object> values) {
    for (JsonNode c : components) {
      String type = FormSchema.type(c);
      if ("group".equals(type)) {
        String path = FormSchema.path(c);
        Object nested = path == null ? values : get(values, path);
        if (nested instanceof Map<?, ?>) {
          coerce(c.path("components"), asMap(nested));
        }
      } else if ("dynamiclist".equals(type) && FormSchema.path(c) != null) {
        Object list = get(values, FormSchema.path(c));
        if (list instanceof String s && s.strip().startsWith("[")) {
          list = FormValues.json(s);
          set(values, FormSchema.path(c), list);
        }
        if (list instanceof List<?> items) {
          for (Object item : items) {
            if (item instanceof Map<?, ?>) {
              coerce(c.path("components"), asMap(item));
            }
          }
        }
      } else if (INPUTS.contains(type) && FormSchema.key(c) != null) {
        String key = FormSchema.key(c);
        Object value = get(values, key);
        if (value != null) {
          Object coerced = coerceValue(type, c, value);
          if (coerced != value) {
            set(values, key, coerced);
          }
        }
      }
    }
  }

  private Object coerceValue(String type, JsonNode c, Object value) {
    if ("checkbox".equals(type) && value instanceof String s
        && ("true".equalsIgnoreCase(s.strip()) || "false".equalsIgnoreCase(s.strip()))) {
      return Boolean.valueOf(s.strip().toLowerCase());
    }
    if ("number".equals(type) && value instanceof String s) {
      BigDecimal d = decimal(s);
      return d == null ? value : d;
    }
    if (SINGLE_CHOICE.contains(type) && (value instanceof Boolean || value instanceof Number)) {
      return text(value);
    }
    if (MULTI_CHOICE.contains(type)) {
      Object list = value;
      if (value instanceof String s) {
        list = s.strip().startsWith("[") ? FormValues.json(s) : splitList(s);
      }
      if (list instanceof List<?> l) {
        List<Object> out = new ArrayList<>(l.size());
        l.forEach(o -> out.add(o instanceof Boolean || o instanceof Number ? text(o) : o));
        return out;
      }
      return list;
    }
    if ("datetime".equals(type) && value instanceof Date d) {
      var at = d.toInstant().atZone(clock.getZone());
      return switch (c.path("subtype").asText("date")) {
        case "datetime" -> at.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC).toString();
        case "time" -> at.toLocalTime().toString();
        default -> at.toLocalDate().toString();
      };
    }
    return value;
  }

  private static List<Object> splitList(String s) {
    List<Object> out = new ArrayList<>();
    for (String part : s.split(",")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  private static boolean isEmpty(String type, Object value) {
    return value == null
        || value instanceof String s && s.isBlank()
        || value instanceof Collection<?> c && c.isEmpty()
        || "checkbox".equals(type) && Boolean.FALSE.equals(value);
  }

  private static boolean isScalar(Object value) {
    return value instanceof String || value instanceof Number || value instanceof Boolean;
  }

  private static String text(Object value) {
    if (value instanceof BigDecimal d) {
      return plain(d);
    }
    if (value instanceof Double || value instanceof Float) {
      BigDecimal d = decimal(value);
      return d == null ? value.toString() : plain(d);
    }
    return String.valueOf(value);
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }

  private static BigDecimal decimal(Object value) {
    try {
      if (value instanceof BigDecimal d) {
        return d;
      }
      if (value instanceof Number n) {
        return new BigDecimal(n.toString());
      }
      if (value instanceof String s && !s.isBlank()) {
        return new BigDecimal(s.strip().replace(',', '.'));
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return null;
  }

  private static String characters(int n) {
    return plural(n, "символа", "символов");
  }

  /** The genitive after «не короче N» / «не больше N»: 1, 21, 31 … take the singular; 11 and the rest the plural. */
  private static String plural(int n, String one, String many) {
    return n % 10 == 1 && n % 100 != 11 ? one : many;
  }

  private Optional<Pattern> compiled(String regex) {
    return patterns.computeIfAbsent(regex, r -> {
      try {
        return Optional.of(Pattern.compile(r));
      } catch (PatternSyntaxException e) {
        log.warn("Form pattern is not a valid regular expression, not checked: {}", r);
        return Optional.empty();
      }
    });
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new HashMap<>();
  }

  /** A value by a form key: the key itself, or a dotted path into nested objects. */
  static Object get(Map<String, Object> values, String path) {
    if (values.containsKey(path) || !path.contains(".")) {
      return values.get(path);
    }
    Object current = values;
    for (String segment : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(segment);
    }
    return current;
  }

  private static void set(Map<String, Object> values, String path, Object value) {
    if (values.containsKey(path) || !path.contains(".")) {
      values.put(path, value);
      return;
    }
    String[] segments = path.split("\\.");
    Object current = values;
    for (int i = 0; i < segments.length - 1; i++) {
      if (!(current instanceof Map<?, ?> m)) {
        return;
      }
      current = m.get(segments[i]);
    }
    if (current instanceof Map<?, ?>) {
      asMap(current).put(segments[segments.length - 1], value);
    }
  }

  /** Collects the problems of one field under its key and label. */
  private record Problems(List<FieldProblem> all, String field, String label) {
    void add(String reason) {
      all.add(new FieldProblem(field, label, reason));
    }
  }
}
