package ru.appealdesk.appeal;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${appealRouted}}: stores the DMN results (routing, answer method, deadline) on the appeal. */
@Component("appealRouted")
class AppealRoutedDelegate implements JavaDelegate {

  private final AppealService service;

  AppealRoutedDelegate(AppealService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String dueText = service.routed(execution.getBusinessKey(), (String) execution.getVariable("responsibleGroup"),
        (String) execution.getVariable("coExecutorGroup"), (String) execution.getVariable("approvalGroup"),
        (String) execution.getVariable("answerMethod"), (String) execution.getVariable("deliveredByGroup"),
        (Date) execution.getVariable("answerDueAt"));
    execution.setVariable("answerDueAtText", dueText);
  }
}
