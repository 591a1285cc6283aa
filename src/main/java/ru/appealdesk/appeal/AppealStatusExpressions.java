package ru.appealdesk.appeal;

import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code ${appealStatus.change(execution, 'IN_PROGRESS')}} in execution listeners of the diagram, so a process owner
 * sees in Modeler where the status changes (the only place it does, besides the intake's RECEIVED);
 * {@code ${appealStatus.groups(…)}} turns comma-separated group lists into the collections the diagram needs.
 */
@Component("appealStatus")
public class AppealStatusExpressions {

  private final AppealStatusChanges statuses;

  AppealStatusExpressions(AppealStatusChanges statuses) {
    this.statuses = statuses;
  }

  public void change(DelegateExecution execution, String status) {
    statuses.change(execution.getProcessBusinessKey(), AppealStatus.valueOf(status), null);
  }

  public List<String> groups(String csv) {
    return AppealSteps.groups(csv);
  }

  /** The groups of two lists together, without repeats (e.g. the responsible unit and the registrar). */
  public List<String> groups(String csv, String more) {
    LinkedHashSet<String> all = new LinkedHashSet<>(AppealSteps.groups(csv));
    all.addAll(AppealSteps.groups(more));
    return List.copyOf(all);
  }
}
