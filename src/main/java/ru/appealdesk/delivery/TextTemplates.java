package ru.appealdesk.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Texts shown to clients, kept as plain UTF-8 files in {@code src/main/resources/templates/} so they can be edited without
 * touching Java. A template's first line is the subject (e-mail) or title (PDF), then an empty line, then the body;
 * {@code ${name}} is replaced by the value of {@code name}. Lookup: {@code <name>_<variant>_<language>.txt}, then
 * {@code <name>_<language>.txt}, then the Russian one.
 */
@Component
public class TextTemplates {

  public static final String DEFAULT_LANGUAGE = "ru";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

  private final Map<String, String> cache = new ConcurrentHashMap<>();

  /** @param variant e.g. the appeal type ({@code COMPLAINT}); null for none */
  public Rendered render(String name, String variant, String language, Map<String, ?> values) {
    String text = load(name, variant, language);
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object value = values.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value.toString()));
    }
    m.appendTail(out);
    String rendered = out.toString().replace("\r", "");
    int newline = rendered.indexOf('\n');
    if (newline < 0) {
      return new Rendered(rendered.strip(), "");
    }
    return new Rendered(rendered.substring(0, newline).strip(), rendered.substring(newline + 1).strip());
  }

  /** Labels (e.g. of appeal statuses) from {@code <name>_<language>.properties}; the key itself when missing. */
  public String label(String name, String language, String key) {
    for (String candidate : candidates(name, null, language, ".properties")) {
      Properties p = properties(candidate);
      if (p != null && p.getProperty(key) != null) {
        return p.getProperty(key);
      }
    }
    return key;
  }

  public static String language(String language) {
    return "kk".equalsIgnoreCase(language) ? "kk" : DEFAULT_LANGUAGE;
  }

  private String load(String name, String variant, String language) {
    for (String candidate : candidates(name, variant, language, ".txt")) {
      String text = cache.computeIfAbsent(candidate, TextTemplates::read);
      if (!text.isEmpty()) {
        return text;
      }
    }
    throw new IllegalStateException("No template " + name + " for language " + language);
  }

  private static List<String> candidates(String name, String variant, String language, String ext) {
    String lang = language(language);
    List<String> list = new ArrayList<>();
    if (variant != null && !variant.isBlank()) {
      list.add("templates/" + name + "_" + variant + "_" + lang + ext);
    }
    list.add("templates/" + name + "_" + lang + ext);
    if (!lang.equals(DEFAULT_LANGUAGE)) {
      list.add("templates/" + name + "_" + DEFAULT_LANGUAGE + ext);
    }
    return list;
  }

  private static String read(String path) {
    ClassPathResource resource = new ClassPathResource(path);
    if (!resource.exists()) {
      return "";
    }
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Properties properties(String path) {
    ClassPathResource resource = new ClassPathResource(path);
    if (!resource.exists()) {
      return null;
    }
    try (InputStream in = resource.getInputStream()) {
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @param subject the first line (e-mail subject, PDF title) */
  public record Rendered(String subject, String body) {}
}
