package ru.appealdesk.outage;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ru.appealdesk.delivery.TextTemplates;

/**
 * The client texts of an outage, from {@code templates/outage-message_<ru|kk>.txt},
 * {@code outage-service-restored_<ru|kk>.txt} and {@code outage-sro-request_ru.txt} (first line: the title). They are
 * rendered once per outage and stored; every channel reuses the stored text.
 */
@Component
class OutageMessages {

  static final List<String> LANGUAGES = List.of("ru", "kk");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private final OutageProperties properties;
  private final TextTemplates templates;

  OutageMessages(OutageProperties properties, TextTemplates templates) {
    this.properties = properties;
    this.templates = templates;
  }

  /** The information message of SPEC §6: what happened, how to contact, how to pay, what happens to overdue debt. */
  Bilingual outageMessage(OutageReport report) {
    return new Bilingual(outageMessage(report, "ru"), outageMessage(report, "kk"));
  }

  String outageMessage(OutageReport report, String language) {
    Map<String, String> values = common();
    values.put("since", localTime(report.since(), properties.zone()));
    String what = "kk".equals(language) && report.whatKk() != null ? report.whatKk() : report.what();
    values.put("what", stripFinalDot(what));
    values.put("channels", String.join(", ", report.affectedChannels().stream().map(c -> c.label(language)).toList()));
    values.put("expectedRecovery", report.expectedRecovery() != null ? stripFinalDot(report.expectedRecovery())
        : ("kk".equals(language) ? "нақтылануда" : "уточняется"));
    return text("outage-message", language, values);
  }

  Bilingual restoredMessage(Instant restoredAt) {
    return new Bilingual(restoredMessage(restoredAt, "ru"), restoredMessage(restoredAt, "kk"));
  }

  String restoredMessage(Instant restoredAt, String language) {
    Map<String, String> values = common();
    values.put("restoredAt", localTime(restoredAt, properties.zone()));
    return text("outage-service-restored", language, values);
  }

  /** The request to the SRO (always Russian): the request itself with the message attached. */
  TextTemplates.Rendered sroRequest(OutageReport report, String messageRu) {
    Map<String, String> values = common();
    values.put("since", localTime(report.since(), properties.zone()));
    values.put("message", messageRu);
    return templates.render("outage-sro-request", null, "ru", values);
  }

  /** {@code 21.11.2026 08:00 (UTC+03:00)}: how the texts and the forms state a moment. */
  static String localTime(Instant at, ZoneId zone) {
    var local = at.atZone(zone);
    return TIME.format(local) + " (UTC" + local.getOffset().getId().replace("Z", "+00:00") + ")";
  }

  private String text(String name, String language, Map<String, String> values) {
    if (!LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("No outage texts in language " + language);
    }
    TextTemplates.Rendered r = templates.render(name, null, language, values);
    return r.subject() + "\n\n" + r.body();
  }

  private Map<String, String> common() {
    Map<String, String> values = new HashMap<>();
    values.put("backupEmail", properties.backupEmail());
    values.put("hotline", properties.hotline());
    values.put("mirrorSite", properties.mirrorSite());
    values.put("graceDays", Integer.toString(properties.graceDays()));
    values.put("sroName", properties.sroName());
    return values;
  }

  private static String stripFinalDot(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** One text in both languages of the company's clients. */
  record Bilingual(String ru, String kk) {}
}
