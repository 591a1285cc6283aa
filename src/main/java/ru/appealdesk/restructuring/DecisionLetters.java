package ru.appealdesk.restructuring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The text of the decision for the borrower in the language of the application (¶74, second numbering): templates
 * {@code templates/restructuring/decision-<TYPE>_<ru|kk>.txt} with {@code {variable}} placeholders.
 */
@Component
class DecisionLetters {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)}");

  String decision(Map<String, Object> variables) {
    String language = "kk".equals(variables.get("language")) ? "kk" : "ru";
    String type = String.valueOf(variables.get("decisionType"));
    String template = load("templates/restructuring/decision-" + type + "_" + language + ".txt");
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object value = variables.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "—" : value.toString()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String load(String path) {
    try (InputStream in = DecisionLetters.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("No template " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
