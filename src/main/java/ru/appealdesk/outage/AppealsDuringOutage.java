package ru.appealdesk.outage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import ru.appealdesk.appeal.AppealStatusChanged;

/**
 * Links an appeal to the outage it was received in as soon as it is received (after its transaction commits), besides
 * the links made at every status re-check and at recovery. Never in the way of the intake: a failure is only logged.
 */
@Component
class AppealsDuringOutage {

  private static final Logger log = LoggerFactory.getLogger(AppealsDuringOutage.class);
  static final String RECEIVED = "RECEIVED";

  private final OutageService outages;

  AppealsDuringOutage(OutageService outages) {
    this.outages = outages;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void onAppealStatusChanged(AppealStatusChanged event) {
    if (!RECEIVED.equals(event.status())) {
      return;
    }
    try {
      outages.linkAppealsToRecentOutages();
    } catch (RuntimeException e) {
      log.warn("Appeal {}: not linked to an outage now (the next re-check links it): {}", event.appealNumber(),
          e.toString());
    }
  }
}
