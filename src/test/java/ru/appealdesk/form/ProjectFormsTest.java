package ru.appealdesk.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every form of the project (forms/*.form) under the server rules: a submission that satisfies what the form declares
 * passes (so the validator cannot break a flow the form allows), and leaving out any required field that is visible
 * and editable is refused with that field's label.
 */
class ProjectFormsTest {

  static final FormRules RULES = FormRulesTest.RULES;

  static Stream<Path> forms() throws IOException {
    return Files.list(Path.of("forms")).filter(p -> p.toString().endsWith(".form")).sorted();
  }

  static FormSchema read(Path form) throws IOException {
    return FormSchema.parse(Files.readAllBytes(form));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void aSubmissionThatSatisfiesTheFormPasses(Path file) throws IOException {
    FormSchema form = read(file);
    assertThat(form.id()).isEqualTo(file.getFileName().toString().replace(".form", ""));
    Map<String, Object> submission = valid(form);

    assertThat(RULES.check(form, submission)).as(file + " with " + submission).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void eachRequiredInputLeftOutIsRefusedByItsLabel(Path file) throws IOException {
    FormSchema form = read(file);
    Map<String, Object> submission = valid(form);
    int required = 0;
    for (JsonNode field : form.fields()) {
      String key = FormSchema.key(field);
      if (!field.path("validate").path("required").asBoolean(false) || RULES.displayFields(form, submission)
          .contains(key) || !visible(form, submission, key)) {
        continue;
      }
      required++;
      Map<String, Object> without = new HashMap<>(submission);
      without.remove(key);
      assertThat(RULES.check(form, without)).as(file + ": without " + key)
          .extracting(FieldProblem::field, FieldProblem::label)
          .contains(org.assertj.core.groups.Tuple.tuple(key, FormSchema.rawLabel(field)));
    }
    if (!form.fields().stream().allMatch(f -> f.path("readonly").asBoolean(false)
        || f.path("disabled").asBoolean(false) || !f.path("validate").path("required").asBoolean(false))) {
      assertThat(required).as(file + " has required inputs").isPositive();
    }
  }

  /** A field is visible for the submission when making it invalid is noticed (a hidden field is never checked). */
  private static boolean visible(FormSchema form, Map<String, Object> submission, String key) {
    Map<String, Object> broken = new HashMap<>(submission);
    broken.put(key, null);
    return RULES.check(form, broken).stream().anyMatch(p -> p.field().equals(key));
  }

  /** Values that satisfy every rule the form declares (what a careful employee types in Tasklist). */
  static Map<String, Object> valid(FormSchema form) {
    Map<String, Object> values = new HashMap<>();
    for (JsonNode field : form.fields()) {
      Object value = validValue(field);
      if (value != null) {
        values.put(FormSchema.key(field), value);
      }
    }
    return values;
  }

  private static Object validValue(JsonNode f) {
    JsonNode v = f.path("validate");
    return switch (FormSchema.type(f)) {
      case "textfield", "textarea" -> text(v);
      case "number" -> {
        long n = v.has("min") ? Math.max(1, v.get("min").asLong()) : 1;
        yield v.has("max") ? Math.min(n, v.get("max").asLong()) : n;
      }
      case "checkbox" -> true;
      case "radio", "select" -> f.path("values").path(0).path("value").asText(null);
      case "checklist", "taglist" -> f.path("values").isEmpty() ? null
          : List.of(f.path("values").path(0).path("value").asText());
      case "datetime" -> switch (f.path("subtype").asText("date")) {
        case "datetime" -> "2026-11-20T10:30";
        case "time" -> "10:30";
        default -> "2026-11-20";
      };
      default -> null;
    };
  }

  /** A text of the form's length limits that matches its pattern (from samples of the shapes our forms use). */
  private static String text(JsonNode v) {
    int min = v.path("minLength").asInt(0);
    int max = v.path("maxLength").asInt(Integer.MAX_VALUE);
    List<String> candidates = new ArrayList<>(List.of("123456789012", "+7 701 123 45 67", "RA123456789RU",
        "client@example.kz"));
    candidates.add("Текст, которого достаточно. ".repeat(Math.max(1, min / 28 + 1)).strip());
    Pattern pattern = v.hasNonNull("pattern") ? Pattern.compile(v.get("pattern").asText()) : null;
    boolean email = "email".equals(v.path("validationType").asText());
    return candidates.stream()
        .filter(s -> s.strip().length() >= min && s.strip().length() <= max)
        .filter(s -> pattern == null || pattern.matcher(s).find())
        .filter(s -> !email || s.contains("@"))
        .findFirst().orElseThrow(() -> new AssertionError("no sample text for " + v));
  }
}
