package ru.appealdesk.delivery;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.appealdesk.appeal.AppealStatusChanged;

/**
 * SPEC §7: the client is told of every status change of the appeal by e-mail, in the appeal's language
 * ({@code templates/status-changed_<ru|kk>.txt}, status names from {@code templates/appeal-status_<ru|kk>.properties}).
 * Each attempt is recorded in {@code client_notification} (SENT or FAILED with the reason); a failure is logged and never
 * undoes the status change.
 */
@Service
public class ClientNotifications {

  private static final Logger log = LoggerFactory.getLogger(ClientNotifications.class);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private final JavaMailSender mail;
  private final TextTemplates templates;
  private final DeliveryProperties properties;
  private final JdbcClient jdbc;

  ClientNotifications(JavaMailSender mail, TextTemplates templates, DeliveryProperties properties, JdbcClient jdbc) {
    this.mail = mail;
    this.templates = templates;
    this.properties = properties;
    this.jdbc = jdbc;
  }

  /** @return true when the e-mail was accepted by the SMTP server */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public boolean notifyClient(AppealStatusChanged event) {
    if (event.clientEmail() == null || event.clientEmail().isBlank()) {
      log.debug("Appeal {}: no e-mail address, status {} not notified", event.appealNumber(), event.status());
      return false;
    }
    String language = TextTemplates.language(event.language());
    ZoneId zone = "KZ".equalsIgnoreCase(event.jurisdiction()) ? ZoneId.of("Asia/Almaty") : ZoneId.of("Europe/Moscow");
    Map<String, Object> values = Map.of(
        "appealNumber", event.appealNumber(),
        "clientFullName", event.clientFullName() == null ? "" : event.clientFullName(),
        "statusLabel", templates.label("appeal-status", language, event.status()),
        "changedAt", event.at() == null ? "" : WHEN.format(event.at().atZone(zone)),
        "companyName", properties.companyName());
    TextTemplates.Rendered text = templates.render("status-changed", null, language, values);
    String outcome = "SENT";
    String error = null;
    try {
      MimeMessage message = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(properties.from(), properties.companyName());
      helper.setTo(new InternetAddress(event.clientEmail().strip(), true));
      helper.setSubject(text.subject());
      helper.setText(text.body());
      mail.send(message);
    } catch (Exception e) {
      outcome = "FAILED";
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
      log.warn("Appeal {}: status notification to {} failed: {}", event.appealNumber(), event.clientEmail(), error);
    }
    jdbc.sql("""
            insert into client_notification (case_number, status, recipient, language, outcome, error)
            values (:caseNumber, :status, :recipient, :language, :outcome, :error)""")
        .param("caseNumber", event.appealNumber())
        .param("status", event.status())
        .param("recipient", event.clientEmail().strip())
        .param("language", language)
        .param("outcome", outcome)
        .param("error", error == null ? null : error.substring(0, Math.min(error.length(), 1000)))
        .update();
    return error == null;
  }
}
