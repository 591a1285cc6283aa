package ru.appealdesk.delivery;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
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
import org.springframework.web.util.UriUtils;
import ru.appealdesk.appeal.AppealStatusChanged;
import ru.appealdesk.deadline.Jurisdiction;
import ru.appealdesk.mail.MailOutbox;

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
 *
 * <p>The status {@code RECEIVED} — the first of every appeal, whether it came through the API, Tasklist or the public
 * page — is announced by {@code templates/appeal-received_<ru|kk>.txt} instead: the number and the absolute link to the
 * client's status page ({@code appealdesk.delivery.public-base-url} + {@code /status/{number}?token=…}), at most once
 * per appeal (purpose {@code STATUS_LINK}, unique per case number).
 */
@Service
public class ClientNotifications {

  private static final Logger log = LoggerFactory.getLogger(ClientNotifications.class);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  static final String RECEIVED = "RECEIVED";
  static final String STATUS = "STATUS";
  static final String STATUS_LINK = "STATUS_LINK";

  private final JavaMailSender mail;
  private final TextTemplates templates;
  private final DeliveryProperties properties;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final LetterDocuments documents;
  private final AppealFacts appeals;

  ClientNotifications(JavaMailSender mail, TextTemplates templates, DeliveryProperties properties, JdbcClient jdbc,
      PlatformTransactionManager transactions, LetterDocuments documents, AppealFacts appeals) {
    this.mail = mail;
    this.templates = templates;
    this.properties = properties;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.documents = documents;
    this.appeals = appeals;
  }

  /** Queues the notification of a status change in the caller's transaction; nothing when the client has no e-mail. */
  @Transactional
  public void enqueue(AppealStatusChanged event) {
    if (event.clientEmail() == null || event.clientEmail().isBlank()) {
      log.debug("Appeal {}: no e-mail address, status {} not notified", event.appealNumber(), event.status());
      return;
    }
    boolean link = RECEIVED.equals(event.status());
    jdbc.sql("""
            insert into client_notification (case_number, status, recipient, language, jurisdiction, client_name,
                changed_at, outcome, attempts, next_attempt_at, purpose)
            values (:caseNumber, :status, :recipient, :language, :jurisdiction, :clientName,
                :changedAt, 'PENDING', 0, now(), :purpose)
            on conflict (case_number) where purpose = 'STATUS_LINK' do nothing""")
        .param("purpose", link ? STATUS_LINK : STATUS)
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
                   purpose
            from client_notification
            where outcome = 'PENDING' and next_attempt_at <= now()
            order by next_attempt_at, id
            limit 1
            for update skip locked""")
        .query((rs, i) -> new Pending(rs.getLong("id"), rs.getString("case_number"), rs.getString("status"),
            rs.getString("recipient"), rs.getString("language"), rs.getString("jurisdiction"),
            rs.getString("client_name"), Optional.ofNullable(rs.getObject("changed_at", OffsetDateTime.class))
                .map(OffsetDateTime::toInstant).orElse(null), rs.getInt("attempts"), rs.getString("purpose")))
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
    Jurisdiction jurisdiction = "KZ".equalsIgnoreCase(n.jurisdiction()) ? Jurisdiction.KZ : Jurisdiction.RU;
    ZoneId zone = jurisdiction.zone();
    String company = documents.companyName(jurisdiction, language);
    Map<String, Object> values = new HashMap<>(Map.of(
        "appealNumber", n.caseNumber(),
        "clientFullName", n.clientName() == null ? "" : n.clientName(),
        "statusLabel", templates.label("appeal-status", language, n.status()),
        "changedAt", n.changedAt() == null ? "" : WHEN.format(n.changedAt().atZone(zone)),
        "companyName", company));
    TextTemplates.Rendered text;
    if (STATUS_LINK.equals(n.purpose())) {
      values.put("statusLink", appeals.statusToken(n.caseNumber()).map(token -> statusLink(n.caseNumber(), token))
          .orElse(""));
      text = templates.render("appeal-received", null, language, values);
    } else {
      text = templates.render("status-changed", null, language, values);
    }
    MimeMessage message = mail.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
    helper.setFrom(properties.from(), company);
    helper.setTo(new InternetAddress(n.recipient(), true));
    helper.setSubject(text.subject());
    helper.setText(text.body());
    mail.send(message);
  }

  /** The absolute link to the client's status page of an appeal. */
  String statusLink(String number, String token) {
    return properties.publicBaseUrl() + "/status/" + UriUtils.encodePathSegment(number, StandardCharsets.UTF_8)
        + "?token=" + UriUtils.encodeQueryParam(token, StandardCharsets.UTF_8);
  }

  private void failed(Pending n, Exception e) {
    int attempts = n.attempts() + 1;
    int max = properties.notifications().maxAttempts();
    String error = MailOutbox.reasonOf(e); // an SMTP server's message may name the recipient: not kept
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
      String jurisdiction, String clientName, Instant changedAt, int attempts, String purpose) {}
}
