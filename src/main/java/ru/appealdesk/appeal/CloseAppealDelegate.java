package ru.appealdesk.appeal;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${closeAppeal}}: checks the case is complete and closes it (statuses ANSWERED, CLOSED). */
@Component("closeAppeal")
class CloseAppealDelegate implements JavaDelegate {

  private final AppealService service;

  CloseAppealDelegate(AppealService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.close(execution.getBusinessKey(), (String) execution.getVariable("deliveryProof"),
        (Date) execution.getVariable("deliveredAt"));
  }
}
