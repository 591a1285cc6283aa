package ru.appealdesk.delivery;

import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Texts shown to clients, kept as plain UTF-8 files in {@code src/main/resources/templates/} so they can be edited without
 * touching Java. A template's first line is the subject (e-mail) or title (PDF), then an empty line, then the body.
 * Lookup: {@code <name>_<variant>_<language>.txt}, then {@code <name>_<language>.txt}, then the Russian one.
 *
 * <p>The files are <a href="https://freemarker.apache.org/">Apache FreeMarker</a> templates in plain-text mode:
 * {@code ${name}} is replaced by the value of {@code name} exactly as before (a missing or null value prints as nothing),
 * and a text can now also say <em>when</em> a sentence applies ({@code <#if claimAmount?? && claimAmount <= 500000>} …
 * {@code <#else>} … {@code </#if>}) or pull in a shared paragraph ({@code <#include "answer-remedies_ru.txt">}). Lines
 * holding only such a directive or a comment ({@code <#-- … -->}) leave no empty line behind. FreeMarker was chosen over
 * a hand-written conditional because it keeps the {@code ${name}} syntax every existing template uses, is small (one jar,
 * no dependencies) and has been maintained by Apache for two decades; calling Java from a template is switched off.
 */
@Component
public class TextTemplates {

  public static final String DEFAULT_LANGUAGE = "ru";
  private static final String ROOT = "templates/";

  private final Configuration freemarker;
  private final Map<String, Boolean> exists = new ConcurrentHashMap<>();

  public TextTemplates() {
    Configuration c = new Configuration(Configuration.VERSION_2_3_34);
    c.setClassLoaderForTemplateLoading(TextTemplates.class.getClassLoader(), ROOT);
    c.setDefaultEncoding(StandardCharsets.UTF_8.name());
    c.setOutputFormat(PlainTextOutputFormat.INSTANCE);
    c.setLocalizedLookup(false);
    // a missing or null value prints as an empty text, as the templates always did
    c.setClassicCompatible(true);
    c.setNumberFormat("computer");
    c.setBooleanFormat("c");
    c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    c.setLogTemplateExceptions(false);
    c.setWrapUncheckedExceptions(true);
    c.setAPIBuiltinEnabled(false);
    c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    this.freemarker = c;
  }

  /** @param variant e.g. the appeal type ({@code COMPLAINT}); null for none */
  public Rendered render(String name, String variant, String language, Map<String, ?> values) {
    String rendered = process(name, variant, language, values).stripLeading();
    int newline = rendered.indexOf('\n');
    if (newline < 0) {
      return new Rendered(rendered.strip(), "");
    }
    return new Rendered(rendered.substring(0, newline).strip(), rendered.substring(newline + 1).strip());
  }

  /** The whole text of a template without the subject convention (a paragraph, a signature line). */
  public String text(String name, String variant, String language, Map<String, ?> values) {
    return process(name, variant, language, values).strip();
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

  private String process(String name, String variant, String language, Map<String, ?> values) {
    String path = candidates(name, variant, language, ".txt").stream()
        .filter(p -> exists.computeIfAbsent(p, x -> new ClassPathResource(x).exists()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No template " + name + " for language " + language));
    Map<String, Object> model = new HashMap<>(values);
    model.putIfAbsent("language", language(language));
    try {
      Template template = freemarker.getTemplate(path.substring(ROOT.length()), locale(language));
      StringWriter out = new StringWriter();
      template.process(model, out);
      return out.toString().replace("\r", "");
    } catch (IOException e) {
      throw new UncheckedIOException("Template " + path + " could not be read", e);
    } catch (TemplateException e) {
      // the template's own mistake (a process owner's edit): the message names the file and line, never the values
      throw new IllegalStateException("Template " + path + " failed at line " + e.getLineNumber() + ": "
          + e.getBlamedExpressionString(), e);
    }
  }

  private static Locale locale(String language) {
    return "kk".equals(language(language)) ? Locale.forLanguageTag("kk-KZ") : Locale.forLanguageTag("ru-RU");
  }

  private static List<String> candidates(String name, String variant, String language, String ext) {
    String lang = language(language);
    List<String> list = new ArrayList<>();
    if (variant != null && !variant.isBlank()) {
      list.add(ROOT + name + "_" + variant + "_" + lang + ext);
    }
    list.add(ROOT + name + "_" + lang + ext);
    if (!lang.equals(DEFAULT_LANGUAGE)) {
      list.add(ROOT + name + "_" + DEFAULT_LANGUAGE + ext);
    }
    return list;
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
