package ru.appealdesk.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sender of client e-mails. The SMTP server itself is {@code spring.mail.*} (SMTP_HOST, SMTP_PORT, SMTP_USERNAME,
 * SMTP_PASSWORD).
 *
 * @param from the From address of answers and notifications
 * @param companyName signs answers and notifications
 */
@ConfigurationProperties("appealdesk.delivery")
public record DeliveryProperties(String from, String companyName) {

  public DeliveryProperties {
    if (from == null || from.isBlank()) {
      from = "no-reply@appealdesk.local";
    }
    if (companyName == null || companyName.isBlank()) {
      companyName = "Appeal Desk";
    }
  }
}
