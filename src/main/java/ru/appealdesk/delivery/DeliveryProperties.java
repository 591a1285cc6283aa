package ru.appealdesk.delivery;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sender of client e-mails. The SMTP server itself is {@code spring.mail.*} (SMTP_HOST, SMTP_PORT, SMTP_USERNAME,
 * SMTP_PASSWORD).
 *
 * @param from the From address of answers and notifications
 * @param companyName names the sender of answers and notifications where no company profile ({@code /api/company}) is
 *     filled in for the jurisdiction
 * @param notifications the outbox of client status notifications ({@code appealdesk.delivery.notifications.*})
 * @param publicBaseUrl where clients reach the application ({@code https://appeals.example.ru}); the status link
 *     e-mailed to a client is {@code <publicBaseUrl>/status/<number>?token=…} (default {@code http://localhost:8080})
 */
@ConfigurationProperties("appealdesk.delivery")
public record DeliveryProperties(String from, String companyName, Notifications notifications, String publicBaseUrl) {

  public DeliveryProperties {
    if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
      publicBaseUrl = "http://localhost:8080";
    }
    publicBaseUrl = publicBaseUrl.strip().replaceAll("/+$", "");
    if (from == null || from.isBlank()) {
      from = "no-reply@appealdesk.local";
    }
    if (companyName == null || companyName.isBlank()) {
      companyName = "Appeal Desk";
    }
    if (notifications == null) {
      notifications = new Notifications(null, 0, 0, null);
    }
  }

  /**
   * The outbox poller of {@code client_notification}. The poll delay itself is read by {@code @Scheduled} from
   * {@code appealdesk.delivery.notifications.poll-delay} (default {@code 10s}).
   *
   * @param pollDelay pause between two polls (documentation of the key; default 10 s)
   * @param batchSize at most this many notifications are sent per poll (default 20)
   * @param maxAttempts after this many failed attempts a notification is FAILED_PERMANENTLY (default 10)
   * @param backoff pause after the 1st, 2nd, … failed attempt; the last one repeats (default 1m, 5m, 15m, 1h)
   */
  public record Notifications(Duration pollDelay, int batchSize, int maxAttempts, List<Duration> backoff) {

    public Notifications {
      if (pollDelay == null) {
        pollDelay = Duration.ofSeconds(10);
      }
      if (batchSize <= 0) {
        batchSize = 20;
      }
      if (maxAttempts <= 0) {
        maxAttempts = 10;
      }
      if (backoff == null || backoff.isEmpty()) {
        backoff = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1));
      }
      backoff = List.copyOf(backoff);
    }

    /** @return the pause after the given number of failed attempts (1-based) */
    public Duration backoffAfter(int failedAttempts) {
      return backoff.get(Math.min(Math.max(failedAttempts, 1), backoff.size()) - 1);
    }
  }
}
