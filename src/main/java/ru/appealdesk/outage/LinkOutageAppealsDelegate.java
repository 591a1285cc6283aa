package ru.appealdesk.outage;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${linkOutageAppeals}}: at every re-check, links the appeals received so far during the outage. */
@Component("linkOutageAppeals")
class LinkOutageAppealsDelegate implements JavaDelegate {

  private final OutageService outages;

  LinkOutageAppealsDelegate(OutageService outages) {
    this.outages = outages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("appealsDuringOutage", outages.linkAppeals((String) execution.getVariable("outageNumber")));
  }
}
