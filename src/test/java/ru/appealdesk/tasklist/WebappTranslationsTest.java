package ru.appealdesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Russian locale files against the English ones Camunda ships in the webjar on the classpath: every key of
 * {@code en.json} has a non-empty Russian text with the same {{placeholders}}, no key is ours alone (a Camunda upgrade
 * that drops keys shows up here), the date settings cover every English one, and {@code config.js} offers Russian
 * as the available and fallback language.
 */
class WebappTranslationsTest {

  private static final String APP = "META-INF/resources/webjars/camunda/app/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");
  private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
  /** Texts that stay as they are in Russian (symbols, formats, product names). */
  private static final Set<String> SAME_IN_RUSSIAN =
      Set.of(".", "<", "<=", ">", ">=", "Appeal Desk", "CSV", "ID", "ID*", "JSON", "Optimize", "null");

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyShippedKeyHasARussianTextWithTheSamePlaceholders(String app) throws IOException {
    JsonNode en = shipped(app).path("labels");
    JsonNode ru = ours(app).path("labels");
    assertThat(en.size()).as("English keys of %s in the webjar", app).isGreaterThan(100);

    List<String> problems = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode text = ru.get(key);
      if (text == null || !text.isTextual() || text.asText().isBlank()) {
        problems.add(key + ": no Russian text");
        continue;
      }
      String russian = text.asText();
      if (!placeholders(e.getValue().asText()).equals(placeholders(russian))) {
        problems.add(key + ": placeholders " + placeholders(e.getValue().asText()) + " but " + placeholders(russian));
      }
      if (!CYRILLIC.matcher(russian).find() && !SAME_IN_RUSSIAN.contains(russian.strip())) {
        problems.add(key + ": not Russian: " + russian);
      }
    }
    for (Iterator<String> it = ru.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!en.has(key)) {
        problems.add(key + ": not a key of Camunda's en.json");
      }
    }
    assertThat(problems).as("locales/ru.json of %s", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void dateSettingsCoverEveryEnglishOneAndStartTheWeekOnMonday(String app) throws IOException {
    JsonNode en = shipped(app).path("dateLocales");
    JsonNode ru = ours(app).path("dateLocales");
    if (en.isMissingNode()) {
      assertThat(ru.isMissingNode()).isTrue();
      return;
    }
    List<String> missing = new ArrayList<>();
    missingPaths(en, ru, "dateLocales", missing);
    assertThat(missing).isEmpty();
    assertThat(ru.path("week").path("dow").asInt()).isEqualTo(1);
    assertThat(ru.path("longDateFormat").path("LT").asText()).isEqualTo("HH:mm");
    assertThat(ru.path("longDateFormat").path("L").asText()).isEqualTo("DD.MM.YYYY");
    assertThat(ru.path("months").path("format").get(11).asText()).isEqualTo("декабря");
    assertThat(ru.path("relativeTime").path("past").asText()).contains("%s").contains("назад");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configOffersRussianAsTheLanguageAndTheFallback(String app) throws IOException {
    String config = read(ourResource(APP + app + "/scripts/config.js"));

    assertThat(config).containsPattern("availableLocales:\\s*\\[\\s*'ru'\\s*]")
        .containsPattern("fallbackLocale:\\s*'ru'")
        .contains("customScripts: ['../../lib/appealdesk-ru']");
  }

  private JsonNode shipped(String app) throws IOException {
    URL url = null;
    for (URL u : Collections.list(getClass().getClassLoader().getResources(APP + app + "/locales/en.json"))) {
      if (u.toString().contains("camunda-webapp-webjar")) {
        url = u;
      }
    }
    assertThat(url).as("en.json of %s in camunda-webapp-webjar on the classpath", app).isNotNull();
    String text = read(url);
    return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  private JsonNode ours(String app) throws IOException {
    return json.readTree(read(ourResource(APP + app + "/locales/ru.json")));
  }

  private URL ourResource(String path) throws IOException {
    List<URL> found = Collections.list(getClass().getClassLoader().getResources(path));
    assertThat(found).as(path).isNotEmpty();
    // ours must come first on the classpath, or the webjar's file would be served instead
    assertThat(found.get(0).toString()).as(path).doesNotContain("camunda-webapp-webjar");
    return found.get(0);
  }

  private static String read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Map<String, Integer> placeholders(String text) {
    Map<String, Integer> names = new TreeMap<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.merge(m.group(1), 1, Integer::sum);
    }
    return names;
  }

  private static void missingPaths(JsonNode en, JsonNode ru, String path, List<String> missing) {
    if (en.isObject()) {
      for (Iterator<String> it = en.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!ru.has(name)) {
          missing.add(path + "." + name);
        } else {
          missingPaths(en.get(name), ru.get(name), path + "." + name, missing);
        }
      }
    } else if (en.isArray()) {
      // months may be one list or {format, standalone}: both have every month
      JsonNode list = ru.isObject() ? ru.path("format") : ru;
      if (list.size() != en.size()) {
        missing.add(path + " (" + en.size() + " entries, Russian " + list.size() + ")");
      }
    }
  }
}
