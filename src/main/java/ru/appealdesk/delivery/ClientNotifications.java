package ru.appealdesk.delivery;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import ru.appealdesk.appeal.AppealStatusChanged;
import ru.appealdesk.deadline.Jurisdiction;

/**
 * SPEC §7: the client is told of every status change of the appeal by e-mail, in the appeal's language
 * ({@code templates/status-changed_<ru|kk>.txt}, status names from {@code templates/appeal-status_<ru|kk>.properties}).
 *
 * <p>A transactional outbox: {@link #enqueue} writes a PENDING row into {@code client_notification} in the transaction
 * of the status change (a rolled-back change leaves no row, a committed one is never lost); {@link #sendDue} sends due
 * rows one by one, each in its own transaction that holds the row lock ({@code for update skip locked}) and marks it SENT
 * right after the SMTP server accepted it. A failed attempt is retried with backoff; after
 * {@code appealdesk.delivery.notifications.max-attempts} (or at once for an invalid address) the row is
 * FAILED_PERMANENTLY and an ERROR is logged. Logs carry case numbers only, never addresses or names.
 */
@Service
public class ClientNotifications {

  private static final Logger log = LoggerFactory.getLogger(ClientNotifications.class);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private final JavaMailSender mail;
  private final TextTemplates templates;
  private final DeliveryProperties properties;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  ClientNotifications(JavaMailSender mail, TextTemplates templates, DeliveryProperties properties, JdbcClient jdbc,
      PlatformTransactionManager transactions) {
    this.mail = mail;
    this.templates = templates;
    this.properties = properties;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Queues the notification of a status change in the caller's transaction; nothing when the client has no e-mail. */
  @Transactional
  public void enqueue(AppealStatusChanged event) {
    enqueueMessage(null, event, null);
  }

  /**
   * Queues a message of another kind (e.g. {@code client/appeal-accepted}: the status link after an online appeal) in
   * the same outbox: {@code templates/<template>_<ru|kk>.txt} gets the values of a status e-mail plus
   * {@code statusUrl}. A null template is the status-change notification.
   */
  @Transactional
  public void enqueueMessage(String template, AppealStatusChanged event, String statusUrl) {
    if (event.clientEmail() == null || event.clientEmail().isBlank()) {
      log.debug("Appeal {}: no e-mail address, status {} not notified", event.appealNumber(), event.status());
      return;
    }
    jdbc.sql("""
            insert into client_notification (case_number, status, recipient, language, jurisdiction, client_name,
                changed_at, outcome, attempts, next_attempt_at, template, status_url)
            values (:caseNumber, :status, :recipient, :language, :jurisdiction, :clientName,
                :changedAt, 'PENDING', 0, now(), :template, :statusUrl)""")
        .param("template", template)
        .param("statusUrl", statusUrl)
        .param("caseNumber", event.appealNumber())
        .param("status", event.status())
        .param("recipient", event.clientEmail().strip())
        .param("language", TextTemplates.language(event.language()))
        .param("jurisdiction", event.jurisdiction())
        .param("clientName", event.clientFullName())
        .param("changedAt", event.at() == null ? null : OffsetDateTime.ofInstant(event.at(), ZoneId.of("UTC")))
        .update();
  }

  /**
   * Sends up to {@code batch-size} due notifications, each in its own transaction.
   *
   * @return how many rows were worked on (sent, rescheduled or given up)
   */
  public int sendDue() {
    int worked = 0;
    while (worked < properties.notifications().batchSize() && Boolean.TRUE.equals(transaction.execute(tx -> sendNext()))) {
      worked++;
    }
    return worked;
  }

  private boolean sendNext() {
    Optional<Pending> claimed = jdbc.sql("""
            select id, case_number, status, recipient, language, jurisdiction, client_name, changed_at, attempts,
                   template, status_url
            from client_notification
            where outcome = 'PENDING' and next_attempt_at <= now()
            order by next_attempt_at, id
            limit 1
            for update skip locked""")
        .query((rs, i) -> new Pending(rs.getLong("id"), rs.getString("case_number"), rs.getString("status"),
            rs.getString("recipient"), rs.getString("language"), rs.getString("jurisdiction"),
            rs.getString("client_name"), Optional.ofNullable(rs.getObject("changed_at", OffsetDateTime.class))
                .map(OffsetDateTime::toInstant).orElse(null), rs.getInt("attempts"), rs.getString("template"),
            rs.getString("status_url")))
        .optional();
    if (claimed.isEmpty()) {
      return false;
    }
    Pending n = claimed.get();
    try {
      send(n);
    } catch (Exception e) {
      failed(n, e);
      return true;
    }
    jdbc.sql("""
            update client_notification
            set outcome = 'SENT', attempts = attempts + 1, sent_at = now(), last_attempt_at = now(), error = null
            where id = :id""")
        .param("id", n.id()).update();
    return true;
  }

  private void send(Pending n) throws Exception {
    String language = TextTemplates.language(n.language());
    ZoneId zone = ("KZ".equalsIgnoreCase(n.jurisdiction()) ? Jurisdiction.KZ : Jurisdiction.RU).zone();
    Map<String, Object> values = Map.of(
        "appealNumber", n.caseNumber(),
        "clientFullName", n.clientName() == null ? "" : n.clientName(),
        "statusLabel", templates.label("appeal-status", language, n.status()),
        "changedAt", n.changedAt() == null ? "" : WHEN.format(n.changedAt().atZone(zone)),
        "companyName", properties.companyName(),
        "statusUrl", n.statusUrl() == null ? "" : n.statusUrl());
    TextTemplates.Rendered text = templates.render(n.template() == null ? "status-changed" : n.template(), null,
        language, values);
    MimeMessage message = mail.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
    helper.setFrom(properties.from(), properties.companyName());
    helper.setTo(new InternetAddress(n.recipient(), true));
    helper.setSubject(text.subject());
    helper.setText(text.body());
    mail.send(message);
  }

  private void failed(Pending n, Exception e) {
    int attempts = n.attempts() + 1;
    int max = properties.notifications().maxAttempts();
    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
    error = error.substring(0, Math.min(error.length(), 1000));
    if (e instanceof AddressException || attempts >= max) {
      jdbc.sql("""
              update client_notification
              set outcome = 'FAILED_PERMANENTLY', attempts = :attempts, last_attempt_at = now(), error = :error
              where id = :id""")
          .param("attempts", attempts).param("error", error).param("id", n.id()).update();
      log.error("Appeal {}: status notification ({}) NOT delivered to the client, given up after {} attempt(s): {}",
          n.caseNumber(), n.status(), attempts, e.getClass().getSimpleName());
      return;
    }
    long pause = properties.notifications().backoffAfter(attempts).toSeconds();
    jdbc.sql("""
            update client_notification
            set attempts = :attempts, last_attempt_at = now(), error = :error,
                next_attempt_at = now() + make_interval(secs => :pause)
            where id = :id""")
        .param("attempts", attempts).param("error", error).param("pause", pause).param("id", n.id()).update();
    log.warn("Appeal {}: status notification ({}) not sent, attempt {} of {}, next in {} s: {}", n.caseNumber(),
        n.status(), attempts, max, pause, e.getClass().getSimpleName());
  }

  private record Pending(long id, String caseNumber, String status, String recipient, String language,
      String jurisdiction, String clientName, Instant changedAt, int attempts, String template, String statusUrl) {}
}
