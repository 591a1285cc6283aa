package ru.appealdesk.outage;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import ru.appealdesk.appeal.AppealStatusChanged;

/**
 * Links an appeal to the outage it was received in as soon as it is received, besides the links made at every status
 * re-check and at recovery (which make sure none is missed). Never in the way of the intake: the link runs on its own
 * thread once the intake has committed and given its database connection back (run in the request thread it needed a
 * second connection while holding the first, and concurrent intakes exhausted the pool), bursts of intakes are
 * coalesced into one run, and a failure is only logged.
 */
@Component
class AppealsDuringOutage {

  private static final Logger log = LoggerFactory.getLogger(AppealsDuringOutage.class);
  static final String RECEIVED = "RECEIVED";

  private final OutageService outages;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "outage-linker");
    t.setDaemon(true);
    return t;
  });

  AppealsDuringOutage(OutageService outages) {
    this.outages = outages;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void onAppealStatusChanged(AppealStatusChanged event) {
    if (RECEIVED.equals(event.status()) && scheduled.compareAndSet(false, true)) {
      executor.execute(this::link);
    }
  }

  private void link() {
    scheduled.set(false); // appeals committed from now on schedule another run
    try {
      outages.linkAppealsToRecentOutages();
    } catch (RuntimeException e) {
      log.warn("Appeals not linked to an outage now (the next re-check links them): {}", e.getClass().getName());
    }
  }

  @PreDestroy
  void stop() throws InterruptedException {
    executor.shutdown();
    executor.awaitTermination(10, TimeUnit.SECONDS);
  }
}
