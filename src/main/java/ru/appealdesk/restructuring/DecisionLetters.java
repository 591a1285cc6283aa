package ru.appealdesk.restructuring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The texts for the borrower in the language of the application (¶74, second numbering): templates
 * {@code templates/restructuring/<name>_<ru|kk>.txt} with {@code {variable}} placeholders. Everything the letter
 * names comes in that language: the ¶69 options by their Kazakh or Russian labels, the remedies of a Kazakh borrower
 * (the microfinance ombudsman and the ARDFM). A line starting with {@code ?{variable}} is printed only when the
 * variable is set (not empty, not {@code false}). A text that already ends a sentence gets no second full stop.
 */
@Component("decisionLetters")
public class DecisionLetters {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)}");
  private static final Pattern CONDITION = Pattern.compile("^\\?\\{([A-Za-z0-9]+)}");

  /** The letter of an approved decision ({@code decision-<TYPE>_<language>.txt}). */
  public String decision(Map<String, Object> variables) {
    return render("decision-" + variables.get("decisionType"), variables);
  }

  /** Start listener of the ¶76 notice: the text of the refusal by operation of ¶76 ({@code refusalNoticeLetter}). */
  public void refusalBy76(DelegateExecution execution) {
    execution.setVariable("refusalNoticeLetter", render("refusal-by-76", execution.getVariables()));
  }

  String render(String name, Map<String, Object> variables) {
    String language = "kk".equals(variables.get("language")) ? "kk" : "ru";
    Map<String, Object> values = new HashMap<>(variables);
    values.put("decisionOptionsText", RestructuringOption.labelsOfCodes(
        Vars.codes(variables.get("decisionOptionCodes")), language));
    values.put("decisionDroppedOptionsText", RestructuringOption.labelsOfCodes(
        Vars.codes(variables.get("decisionDroppedOptions")), language));
    StringBuilder out = new StringBuilder();
    for (String line : load("templates/restructuring/" + name + "_" + language + ".txt").split("\n", -1)) {
      Matcher condition = CONDITION.matcher(line);
      if (condition.find()) {
        if (!isSet(values.get(condition.group(1)))) {
          continue;
        }
        line = line.substring(condition.end());
      }
      out.append(fill(line, values)).append('\n');
    }
    return out.toString().stripTrailing();
  }

  private static String fill(String line, Map<String, Object> values) {
    Matcher m = PLACEHOLDER.matcher(line);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      out.append(line, last, m.start());
      Object value = values.get(m.group(1));
      String text = value == null || value.toString().isBlank() ? "—" : value.toString().strip();
      out.append(text);
      last = m.end();
      if (text.matches("(?s).*[.!?…]$") && last < line.length() && line.charAt(last) == '.') {
        last++;
      }
    }
    return out.append(line.substring(last)).toString();
  }

  private static boolean isSet(Object value) {
    return value != null && !value.toString().isBlank() && !"false".equals(value.toString());
  }

  private static String load(String path) {
    try (InputStream in = DecisionLetters.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("No template " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
