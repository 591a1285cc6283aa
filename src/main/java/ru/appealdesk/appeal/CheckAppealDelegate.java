package ru.appealdesk.appeal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${checkAppeal}}: mandatory details (SPEC §3.3) and, for KZ, hints on the refusal grounds of ¶54 that the
 * client's history reveals (anonymous, repeat of an answered question).
 */
@Component("checkAppeal")
class CheckAppealDelegate implements JavaDelegate {

  private final AppealService service;

  CheckAppealDelegate(AppealService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AppealService.CheckResult r = service.checkAppeal(execution.getBusinessKey());
    execution.setVariable("detailsComplete", r.complete());
    execution.setVariable("missingDetails", r.missingCodes());
    execution.setVariable("missingDetailsText", r.missingText());
    execution.setVariable("suggestedRefusalGround", r.suggestedRefusalGround());
    execution.setVariable("admissibilityHints", r.hints());
  }
}
