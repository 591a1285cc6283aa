package ru.appealdesk.appeal;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${resumeAnswerClock}}: the wait for information is over (SPEC §3.4); the new answer deadline comes from the
 * task's input parameter {@code newAnswerDueAt} (an expression of the {@code deadlines} bean in the diagram).
 */
@Component("resumeAnswerClock")
class ResumeAnswerClockDelegate implements JavaDelegate {

  private final AppealService service;

  ResumeAnswerClockDelegate(AppealService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date due = (Date) execution.getVariableLocal("newAnswerDueAt");
    String text = service.answerDueAt(execution.getBusinessKey(), due);
    execution.setVariable("answerDueAt", due);
    execution.setVariable("answerDueAtText", text);
  }
}
