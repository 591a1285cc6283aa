package ru.appealdesk.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${deadlineReminder}}: e-mails the assignee of the task whose deadline is near, or its candidate group. */
@Component("deadlineReminder")
class DeadlineReminderDelegate implements JavaDelegate {

  private final SlaNotifier notifier;

  DeadlineReminderDelegate(SlaNotifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifier.remind(SlaEvents.of(execution));
  }
}
