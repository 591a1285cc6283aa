package ru.appealdesk.restructuring;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The officer recorded when the client received something from the company: that day starts the client's windows
 * (¶73 15 days to the ombudsman, ¶76 30 days to a mutually acceptable decision), so it cannot be in the future.
 */
final class ReceiptCheck {

  private ReceiptCheck() {}

  /** {@code ${restructuringDeliveryCheck}} on {@code Task_DeliverDecision}; the first receipt starts the ¶76 window. */
  @Component("restructuringDeliveryCheck")
  static class Delivery implements TaskListener {
    @Override
    public void notify(DelegateTask task) {
      Submission s = new Submission(task);
      java.util.Date received = s.pastDate("decisionReceivedAt");
      s.done();
      if (received != null && Vars.date(s.value("firstDecisionReceivedAt")) == null) {
        s.set("firstDecisionReceivedAt", received);
      }
    }
  }

  /** {@code ${restructuringRefusalNoticeCheck}} on {@code Task_NotifyRefusalBy76}. */
  @Component("restructuringRefusalNoticeCheck")
  static class RefusalNotice implements TaskListener {
    @Override
    public void notify(DelegateTask task) {
      Submission s = new Submission(task);
      s.pastDate("refusalReceivedAt");
      s.done();
    }
  }
}
