package ru.appealdesk.restructuring;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The ombudsman case (¶78): the decision as the officer records it, then its execution. */
final class OmbudsmanCheck {

  private OmbudsmanCheck() {}

  /**
   * {@code ${restructuringOmbudsmanCheck}} on {@code Task_RecordOmbudsmanDecision}: a decision the company must carry
   * out needs its execution date, which cannot be in the past.
   */
  @Component("restructuringOmbudsmanCheck")
  static class Decision implements TaskListener {
    @Override
    public void notify(DelegateTask task) {
      Submission s = new Submission(task);
      s.pastDate("ombudsmanDecisionAt");
      boolean execution = s.flag("ombudsmanExecutionRequired");
      s.set("ombudsmanExecutionRequired", execution);
      if (execution) {
        Date due = s.date("ombudsmanExecutionDueAt");
        if (due == null) {
          s.problem("ombudsmanExecutionDueAt", "укажите срок исполнения решения омбудсмана");
        } else if (due.before(s.now) && !sameDay(due, s.now)) {
          s.problem("ombudsmanExecutionDueAt", "срок исполнения не может быть в прошлом");
        }
      }
      s.done();
    }
  }

  /**
   * {@code ${recordOmbudsmanExecution}} on {@code Task_ExecuteOmbudsmanDecision}: when the decision was carried out and
   * whether on time (the confirmation itself is the form's required checkbox).
   */
  @Component("recordOmbudsmanExecution")
  static class Execution implements TaskListener {
    @Override
    public void notify(DelegateTask task) {
      Submission s = new Submission(task);
      Date due = Vars.date(s.value("ombudsmanExecutionDueAt"));
      s.set("ombudsmanExecutedAt", s.now);
      s.set("ombudsmanExecutedLate", due != null && s.now.after(endOfDay(due)));
    }
  }

  private static boolean sameDay(Date a, Date b) {
    return a.toInstant().atZone(Vars.ALMATY).toLocalDate().equals(b.toInstant().atZone(Vars.ALMATY).toLocalDate());
  }

  private static Date endOfDay(Date d) {
    return Date.from(d.toInstant().atZone(Vars.ALMATY).toLocalDate().plusDays(1).atStartOfDay(Vars.ALMATY).toInstant());
  }
}
