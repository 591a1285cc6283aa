package ru.appealdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/**
 * What the outboxes (mail and the clients' status notifications) keep of a failed delivery: the technical reason, never
 * the address an SMTP server repeats in its answer.
 */
class MailFailureReasonTest {

  @Test
  void theServersAnswerIsKeptWithoutTheRecipientsAddress() {
    Exception e = new MailSendException("Failed messages",
        new MessagingException("550 5.1.1 <ivan.petrov@example.ru>: Recipient address rejected: user unknown"));
    String reason = MailOutbox.reasonOf(e);
    assertThat(reason).startsWith("MessagingException: 550 5.1.1").contains("<адрес>")
        .doesNotContain("ivan.petrov").doesNotContain("example.ru");
  }

  @Test
  void aLongAnswerIsCut() {
    assertThat(MailOutbox.reasonOf(new MessagingException("x".repeat(1000)))).hasSize(300);
  }
}
