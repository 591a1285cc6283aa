package ru.appealdesk.outage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders the client texts of an outage from {@code templates/outage/<name>.<language>.txt} (Russian and Kazakh). The
 * texts are rendered once per outage and stored; every channel reuses the stored text.
 */
@Component
class OutageMessages {

  static final List<String> LANGUAGES = List.of("ru", "kk");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private final OutageProperties properties;

  OutageMessages(OutageProperties properties) {
    this.properties = properties;
  }

  /** The information message of SPEC §6: what happened, how to contact, how to pay, what happens to overdue debt. */
  Bilingual outageMessage(OutageReport report) {
    return new Bilingual(outageMessage(report, "ru"), outageMessage(report, "kk"));
  }

  String outageMessage(OutageReport report, String language) {
    Map<String, String> values = common(language);
    values.put("since", time(report.since()));
    String what = "kk".equals(language) && report.whatKk() != null ? report.whatKk() : report.what();
    values.put("what", stripFinalDot(what));
    values.put("channels", String.join(", ", report.affectedChannels().stream().map(c -> c.label(language)).toList()));
    values.put("expectedRecovery", report.expectedRecovery() != null ? stripFinalDot(report.expectedRecovery())
        : ("kk".equals(language) ? "нақтылануда" : "уточняется"));
    return render("outage-message", language, values);
  }

  Bilingual restoredMessage(Instant restoredAt) {
    return new Bilingual(restoredMessage(restoredAt, "ru"), restoredMessage(restoredAt, "kk"));
  }

  String restoredMessage(Instant restoredAt, String language) {
    Map<String, String> values = common(language);
    values.put("restoredAt", time(restoredAt));
    return render("service-restored", language, values);
  }

  /** The body of the request to the SRO (always Russian): the request itself with the message attached. */
  String sroRequest(OutageReport report, String messageRu) {
    Map<String, String> values = common("ru");
    values.put("since", time(report.since()));
    values.put("message", messageRu);
    return render("sro-request", "ru", values);
  }

  private Map<String, String> common(String language) {
    Map<String, String> values = new HashMap<>();
    values.put("backupEmail", properties.backupEmail());
    values.put("hotline", properties.hotline());
    values.put("mirrorSite", properties.mirrorSite());
    values.put("graceDays", Integer.toString(properties.graceDays()));
    values.put("sroName", properties.sroName());
    return values;
  }

  private String time(Instant at) {
    return localTime(at, properties.zone());
  }

  /** {@code 21.11.2026 08:00 (UTC+03:00)}: how the texts and the forms state a moment. */
  static String localTime(Instant at, ZoneId zone) {
    var local = at.atZone(zone);
    return TIME.format(local) + " (UTC" + local.getOffset().getId().replace("Z", "+00:00") + ")";
  }

  private static String stripFinalDot(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  static String render(String name, String language, Map<String, String> values) {
    if (!LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("No outage texts in language " + language);
    }
    String template = load("templates/outage/" + name + "." + language + ".txt");
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("Template " + name + "." + language + " uses unknown {{" + m.group(1) + "}}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString().strip();
  }

  private static String load(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Missing template " + path, e);
    }
  }

  /** One text in both languages of the company's clients. */
  record Bilingual(String ru, String kk) {}
}
