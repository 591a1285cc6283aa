package ru.appealdesk.appeal;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code ${appealStatus.change(execution, 'IN_PROGRESS')}} in execution listeners of the diagram, so a process owner sees
 * in Modeler where the status changes; {@code ${appealStatus.groups(coExecutorGroup)}} feeds the conclusion tasks.
 */
@Component("appealStatus")
public class AppealStatusExpressions {

  private final AppealService service;

  AppealStatusExpressions(AppealService service) {
    this.service = service;
  }

  public void change(DelegateExecution execution, String status) {
    service.changeStatus(execution.getProcessBusinessKey(), AppealStatus.valueOf(status), null);
  }

  public List<String> groups(String csv) {
    return AppealService.groups(csv);
  }
}
