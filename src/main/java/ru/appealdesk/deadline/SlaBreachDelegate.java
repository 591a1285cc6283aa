package ru.appealdesk.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${slaBreach}}: records the breach once per (case, clock), naming the step and group that hold the case, and
 * queues the escalation e-mail in the same transaction (the outbox sends it later; a mail server that is down delays
 * the e-mail, never the breach record or the escalation task that follows in the diagram). The escalation form reads
 * who held the case with {@code ${deadlines.heldBy(execution, clock)}}.
 */
@Component("slaBreach")
class SlaBreachDelegate implements JavaDelegate {

  private final SlaEvents events;
  private final SlaBreaches breaches;
  private final SlaNotifier notifier;

  SlaBreachDelegate(SlaEvents events, SlaBreaches breaches, SlaNotifier notifier) {
    this.events = events;
    this.breaches = breaches;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SlaEvent event = events.declared(execution);
    (SlaEvents.fixedStep(execution) ? breaches.record(event) : breaches.recordAgainstClock(event))
        .ifPresent(b -> notifier.escalate(event.withDueAt(b.getDueAt())));
  }
}
