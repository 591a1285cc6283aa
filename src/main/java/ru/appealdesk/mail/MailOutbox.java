package ru.appealdesk.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mails that must never hold up (or be lost with) the work that causes them: reminders, escalations, deadline
 * notices. {@link #enqueue} writes rows in the caller's transaction (a breach record and its escalation e-mail commit
 * together, with or without a mail server); {@link #sendDue} sends due rows one by one, each in a transaction of its
 * own that holds the row lock ({@code for update skip locked}, so several nodes never send one row twice), and retries
 * a failure with a growing pause; after {@code max-attempts} (or at once for an invalid address) the row is
 * FAILED_PERMANENTLY with a Russian reason. Logs carry the case number and purpose, never addresses or texts.
 */
@Service
public class MailOutbox {

  private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
  private static final Pattern EMAIL = Pattern.compile("[^\\s<>\"',;:]+@[^\\s<>\"',;:]+");

  private final JavaMailSender mail;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final MailOutboxProperties properties;

  MailOutbox(JavaMailSender mail, JdbcClient jdbc, PlatformTransactionManager transactions,
      MailOutboxProperties properties) {
    this.mail = mail;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.properties = properties;
  }

  /** One e-mail per recipient, written in the caller's transaction; blank and duplicate addresses are skipped. */
  public int enqueue(String caseNumber, String purpose, Collection<String> recipients, String subject, String body) {
    int queued = 0;
    for (String to : new LinkedHashSet<>(recipients)) {
      if (to == null || to.isBlank()) {
        continue;
      }
      jdbc.sql("""
              insert into mail_outbox (case_number, purpose, recipient, subject, body)
              values (:caseNumber, :purpose, :recipient, :subject, :body)""")
          .param("caseNumber", caseNumber).param("purpose", purpose).param("recipient", to.strip())
          .param("subject", subject.length() > 500 ? subject.substring(0, 500) : subject).param("body", body)
          .update();
      queued++;
    }
    return queued;
  }

  /**
   * Sends up to {@code batch-size} due e-mails, each in its own transaction.
   *
   * @return how many rows were worked on (sent, rescheduled or given up)
   */
  public int sendDue() {
    int worked = 0;
    while (worked < properties.batchSize() && Boolean.TRUE.equals(transaction.execute(tx -> sendNext()))) {
      worked++;
    }
    return worked;
  }

  /** How many e-mails wait and how many were given up (for health and the controller). */
  public Counts counts() {
    return jdbc.sql("""
            select count(*) filter (where outcome = 'PENDING') as pending,
                   count(*) filter (where outcome = 'FAILED_PERMANENTLY') as failed
            from mail_outbox""")
        .query((rs, i) -> new Counts(rs.getLong("pending"), rs.getLong("failed"))).single();
  }

  public record Counts(long pending, long failed) {}

  private boolean sendNext() {
    Optional<Pending> claimed = jdbc.sql("""
            select id, case_number, purpose, recipient, subject, body, attempts
            from mail_outbox
            where outcome = 'PENDING' and next_attempt_at <= now()
            order by next_attempt_at, id
            limit 1
            for update skip locked""")
        .query((rs, i) -> new Pending(rs.getLong("id"), rs.getString("case_number"), rs.getString("purpose"),
            rs.getString("recipient"), rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")))
        .optional();
    if (claimed.isEmpty()) {
      return false;
    }
    Pending p = claimed.get();
    try {
      MimeMessage message = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(properties.from(), properties.senderName());
      helper.setTo(new InternetAddress(p.recipient(), true));
      helper.setSubject(p.subject());
      helper.setText(p.body());
      mail.send(message);
    } catch (Exception e) {
      failed(p, e);
      return true;
    }
    jdbc.sql("""
            update mail_outbox set outcome = 'SENT', attempts = attempts + 1, sent_at = now(), last_attempt_at = now(),
                error = null where id = :id""")
        .param("id", p.id()).update();
    return true;
  }

  private void failed(Pending p, Exception e) {
    int attempts = p.attempts() + 1;
    boolean invalid = e instanceof AddressException;
    if (invalid || attempts >= properties.maxAttempts()) {
      String reason = invalid
          ? "Адрес получателя недействителен: исправьте e-mail сотрудника или клиента, письмо не отправлено."
          : "Почтовый сервер не принял письмо после " + attempts + " попыток (" + reasonOf(e)
              + "). Проверьте настройки SMTP (SMTP_HOST, SMTP_PORT, учётную запись) и доступность сервера.";
      jdbc.sql("""
              update mail_outbox set outcome = 'FAILED_PERMANENTLY', attempts = :attempts, last_attempt_at = now(),
                  error = :error where id = :id""")
          .param("attempts", attempts).param("error", reason).param("id", p.id()).update();
      log.error("Mail {} of case {} NOT delivered, given up after {} attempt(s): {}", p.purpose(), p.caseNumber(),
          attempts, e.getClass().getSimpleName());
      return;
    }
    long pause = Math.min(properties.maxBackoff().toSeconds(),
        properties.firstBackoff().toSeconds() * (1L << Math.min(attempts - 1, 20)));
    jdbc.sql("""
            update mail_outbox set attempts = :attempts, last_attempt_at = now(), error = :error,
                next_attempt_at = now() + make_interval(secs => :pause) where id = :id""")
        .param("attempts", attempts)
        .param("error", "Почтовый сервер недоступен (" + reasonOf(e) + "), повтор через " + pause + " с.")
        .param("pause", pause).param("id", p.id()).update();
    log.warn("Mail {} of case {} not sent, attempt {} of {}, next in {} s: {}", p.purpose(), p.caseNumber(), attempts,
        properties.maxAttempts(), pause, e.getClass().getSimpleName());
  }

  /**
   * The technical reason without any address in it (no personal data in an outbox's error column or in logs): the root
   * cause's class and message, addresses replaced, at most 300 characters. The client notifications' outbox uses it too.
   */
  public static String reasonOf(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : ": " + EMAIL.matcher(root.getMessage()).replaceAll("<адрес>");
    String text = root.getClass().getSimpleName() + message;
    return text.length() > 300 ? text.substring(0, 300) : text;
  }

  private record Pending(long id, String caseNumber, String purpose, String recipient, String subject, String body,
      int attempts) {}
}
