package ru.appealdesk.delivery;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ru.appealdesk.appeal.AppealStatusChanged;

/**
 * SPEC §7 as a transactional outbox. {@link AppealStatusChanged} is published synchronously inside the transaction of
 * the status change, so this plain listener queues the notification in that same transaction (rolled back with it,
 * committed with it). A scheduled poller sends what is due ({@code appealdesk.delivery.notifications.poll-delay},
 * default 10 s), so a slow or absent SMTP server never slows down the employee's click and a crash loses nothing.
 */
@Component
class ClientNotifier {

  private final ClientNotifications notifications;

  ClientNotifier(ClientNotifications notifications) {
    this.notifications = notifications;
  }

  @EventListener
  void onStatusChanged(AppealStatusChanged event) {
    notifications.enqueue(event);
  }

  @Scheduled(fixedDelayString = "${appealdesk.delivery.notifications.poll-delay:10s}",
      initialDelayString = "${appealdesk.delivery.notifications.poll-delay:10s}")
  void sendDue() {
    notifications.sendDue();
  }
}
