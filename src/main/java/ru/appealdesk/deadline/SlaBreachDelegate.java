package ru.appealdesk.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${slaBreach}}: records the breach once per (case, step) and e-mails the escalation group. */
@Component("slaBreach")
class SlaBreachDelegate implements JavaDelegate {

  private final SlaBreaches breaches;
  private final SlaNotifier notifier;

  SlaBreachDelegate(SlaBreaches breaches, SlaNotifier notifier) {
    this.breaches = breaches;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SlaEvent event = SlaEvents.of(execution);
    breaches.record(event).ifPresent(b -> notifier.escalate(event));
  }
}
