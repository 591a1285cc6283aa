package ru.appealdesk.restructuring;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${restructuringApprovalCheck}} on {@code Task_ApproveDecision} (¶72: the client-rights officer approves):
 * sending back needs a comment; an approved decision produces the letter in the language of the application.
 */
@Component("restructuringApprovalCheck")
class ApprovalCheck implements TaskListener {

  private final DecisionLetters letters;

  ApprovalCheck(DecisionLetters letters) {
    this.letters = letters;
  }

  @Override
  public void notify(DelegateTask task) {
    Submission s = new Submission(task);
    boolean approved = s.flag("decisionApproved");
    s.set("decisionApproved", approved);
    if (!approved) {
      s.require("approvalComment", "укажите, что исправить в решении");
      s.done();
      return;
    }
    Date due = Vars.date(s.value("decisionDueAt"));
    s.set("decisionApprovedAt", s.now);
    s.set("decisionLate", due != null && s.now.after(due));
    s.set("decisionLetter", letters.decision(s.variables()));
  }
}
