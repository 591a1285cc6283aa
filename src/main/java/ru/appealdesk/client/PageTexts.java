package ru.appealdesk.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.AbstractMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The words of the client pages, kept in {@code templates/client/texts_ru.properties} and {@code texts_kk.properties}
 * (UTF-8) so they change without touching Java or HTML. A key missing in Kazakh falls back to Russian; a key missing in
 * both shows as {@code ??key??} (a test keeps both files complete).
 */
@Component
class PageTexts {

  static final String RU = "ru";
  static final String KK = "kk";

  private final Map<String, Texts> bundles = Map.of(RU, new Texts(RU, load(RU), Map.of()),
      KK, new Texts(KK, load(KK), load(RU)));

  /** {@code kk} or else Russian. */
  static String language(String language) {
    return KK.equalsIgnoreCase(language == null ? null : language.strip()) ? KK : RU;
  }

  Texts of(String language) {
    return bundles.get(language(language));
  }

  static Map<String, String> load(String language) {
    ClassPathResource resource = new ClassPathResource("templates/client/texts_" + language + ".properties");
    try (InputStream in = resource.getInputStream()) {
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> texts = new TreeMap<>();
      p.stringPropertyNames().forEach(k -> texts.put(k, p.getProperty(k)));
      return Map.copyOf(texts);
    } catch (IOException e) {
      throw new UncheckedIOException("client page texts missing: " + resource.getPath(), e);
    }
  }

  /** One language's texts; a map so templates read {@code ${t['form.submit']}}, plus {@link #format}. */
  static final class Texts extends AbstractMap<String, String> {

    private final String language;
    private final Map<String, String> own;
    private final Map<String, String> fallback;

    Texts(String language, Map<String, String> own, Map<String, String> fallback) {
      this.language = language;
      this.own = own;
      this.fallback = fallback;
    }

    String language() {
      return language;
    }

    @Override
    public String get(Object key) {
      String text = own.get(key);
      if (text == null) {
        text = fallback.get(key);
      }
      return text == null ? "??" + key + "??" : text;
    }

    @Override
    public boolean containsKey(Object key) {
      return true;
    }

    /** {@code {0}}, {@code {1}} … replaced by the arguments (MessageFormat: write {@code ''} for an apostrophe). */
    public String format(String key, Object... args) {
      Object[] plain = new Object[args.length];
      for (int i = 0; i < args.length; i++) {
        plain[i] = args[i] == null ? "" : String.valueOf(args[i]); // no locale digit grouping of numbers
      }
      return new MessageFormat(get(key), Locale.ROOT).format(plain);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
      return own.entrySet();
    }
  }
}
