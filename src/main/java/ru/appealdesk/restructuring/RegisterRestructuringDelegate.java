package ru.appealdesk.restructuring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${registerRestructuring}}: checks the application again on the server and opens the case. */
@Component("registerRestructuring")
class RegisterRestructuringDelegate implements JavaDelegate {

  private final RestructuringService service;

  RegisterRestructuringDelegate(RestructuringService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RestructuringApplication application = ApplicationVariables.read(execution.getVariables());
    IntakeGaps gaps = IntakeGaps.of(application.incomeByMonth(), application.options());
    String number = service.register(application, gaps, execution.getProcessBusinessKey(),
        execution.getProcessInstanceId());
    if (execution.getProcessBusinessKey() == null || execution.getProcessBusinessKey().isBlank()) {
      execution.setProcessBusinessKey(number);
    }
    execution.setVariables(ApplicationVariables.normalized(number, application, gaps));
  }
}
