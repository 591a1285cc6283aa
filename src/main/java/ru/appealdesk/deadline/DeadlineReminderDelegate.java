package ru.appealdesk.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** {@code ${deadlineReminder}}: e-mails the assignee of the late-soon task, or its candidate group. */
@Component("deadlineReminder")
class DeadlineReminderDelegate implements JavaDelegate {

  private final SlaNotifier notifier;

  DeadlineReminderDelegate(SlaNotifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SlaEvent event = SlaEvents.of(execution);
    Task task = execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(event.step()).active()
        .listPage(0, 1).stream().findFirst().orElse(null);
    notifier.remind(event, task == null ? null : task.getAssignee());
  }
}
