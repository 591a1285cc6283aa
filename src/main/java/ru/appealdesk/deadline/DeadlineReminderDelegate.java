package ru.appealdesk.deadline;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * {@code ${deadlineReminder}}: the clock's last working day has begun; queues a reminder to whoever holds the case
 * (the assignee of the holding task, else its groups) through the mail outbox.
 */
@Component("deadlineReminder")
class DeadlineReminderDelegate implements JavaDelegate {

  private final SlaEvents events;
  private final SlaNotifier notifier;
  private final TaskService tasks;

  DeadlineReminderDelegate(SlaEvents events, SlaNotifier notifier, TaskService tasks) {
    this.events = events;
    this.notifier = notifier;
    this.tasks = tasks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SlaEvent e = events.of(execution);
    String assignee = tasks.createTaskQuery().processInstanceBusinessKey(e.caseNumber()).taskDefinitionKey(e.step())
        .active().listPage(0, 1).stream().findFirst().map(Task::getAssignee).orElse(null);
    notifier.remind(e, assignee);
  }
}
