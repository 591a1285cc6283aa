package ru.appealdesk.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${deadlineReminder}}: the clock's last working day has begun; queues a reminder to whoever holds the case
 * (the assignee of the holding task, else its groups) through the mail outbox. A reminder that fires after its deadline
 * sends nothing (see {@link SlaEvents#reminder}).
 */
@Component("deadlineReminder")
class DeadlineReminderDelegate implements JavaDelegate {

  private final SlaEvents events;
  private final SlaNotifier notifier;

  DeadlineReminderDelegate(SlaEvents events, SlaNotifier notifier) {
    this.events = events;
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    events.reminder(execution).ifPresent(r -> notifier.remind(r.event(), r.assignee()));
  }
}
