package ru.appealdesk.delivery;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import ru.appealdesk.appeal.AppealStatusChanged;

/**
 * Listens to {@link AppealStatusChanged} once the status change is committed (never for a rolled-back change) and
 * e-mails the client on a background thread, so a slow or absent SMTP server never slows down the employee's click.
 */
@Component
class ClientNotifier {

  private final ClientNotifications notifications;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "client-notifier");
    t.setDaemon(true);
    return t;
  });

  ClientNotifier(ClientNotifications notifications) {
    this.notifications = notifications;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void onStatusChanged(AppealStatusChanged event) {
    executor.execute(() -> notifications.notifyClient(event));
  }

  @PreDestroy
  void stop() throws InterruptedException {
    executor.shutdown();
    executor.awaitTermination(10, TimeUnit.SECONDS);
  }
}
