package ru.appealdesk.appeal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${registerAppeal}}: registration without an employee (self-service channel, every mandatory detail given). */
@Component("registerAppeal")
class RegisterAppealDelegate implements JavaDelegate {

  private final AppealService service;

  RegisterAppealDelegate(AppealService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.register(execution.getBusinessKey(), "Зарегистрировано автоматически");
  }
}
