package ru.appealdesk.mail;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends what the outbox holds every {@code appealdesk.mail.poll-delay} (default 10 s). */
@Component
class MailOutboxPoller {

  private final MailOutbox outbox;

  MailOutboxPoller(MailOutbox outbox) {
    this.outbox = outbox;
  }

  @Scheduled(fixedDelayString = "${appealdesk.mail.poll-delay:10s}", initialDelayString = "${appealdesk.mail.poll-delay:10s}")
  void sendDue() {
    outbox.sendDue();
  }
}
