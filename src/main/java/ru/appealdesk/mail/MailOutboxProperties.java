package ru.appealdesk.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code appealdesk.mail.*}: sender, batch size, attempts and back-off of the outbox.
 *
 * @param pollDelay how often the outbox is sent
 */
@ConfigurationProperties("appealdesk.mail")
public record MailOutboxProperties(String from, String senderName, Duration pollDelay, int batchSize, int maxAttempts,
    Duration firstBackoff, Duration maxBackoff) {

  public MailOutboxProperties {
    from = from == null || from.isBlank() ? "appeal-desk@appealdesk.local" : from;
    senderName = senderName == null || senderName.isBlank() ? "Appeal Desk" : senderName;
    pollDelay = pollDelay == null ? Duration.ofSeconds(10) : pollDelay;
    batchSize = batchSize <= 0 ? 50 : batchSize;
    maxAttempts = maxAttempts <= 0 ? 12 : maxAttempts;
    firstBackoff = firstBackoff == null ? Duration.ofSeconds(30) : firstBackoff;
    maxBackoff = maxBackoff == null ? Duration.ofHours(1) : maxBackoff;
  }
}
