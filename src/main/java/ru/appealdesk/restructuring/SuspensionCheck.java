package ru.appealdesk.restructuring;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${restructuringSuspensionCheck}} on {@code Task_RemindAboutDocuments}: consideration stays suspended until the
 * requested documents come (¶75, second numbering). The officer either reminded the client (how) or records that the
 * documents came in another way (in the office, by post: when).
 */
@Component("restructuringSuspensionCheck")
class SuspensionCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Submission s = new Submission(task);
    String action = s.text("suspensionAction");
    if ("DOCUMENTS_RECEIVED".equals(action)) {
      if (s.pastDate("documentsReceivedAt") == null) {
        s.problem("documentsReceivedAt", "укажите дату получения документов");
      }
    } else if ("REMINDED".equals(action)) {
      s.require("reminderChannel", "укажите, как клиенту напомнили о документах");
      Integer count = Vars.integer(s.value("documentsReminders"));
      s.set("documentsReminders", (count == null ? 0 : count) + 1);
      s.set("documentsLastReminderAt", s.now);
    }
    s.done();
  }
}
