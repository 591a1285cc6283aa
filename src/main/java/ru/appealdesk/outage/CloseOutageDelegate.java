package ru.appealdesk.outage;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${closeOutage}}: records the confirmed recovery, links the appeals received during the outage and prepares the
 * "service restored" message in both languages.
 */
@Component("closeOutage")
class CloseOutageDelegate implements JavaDelegate {

  private final OutageService outages;

  CloseOutageDelegate(OutageService outages) {
    this.outages = outages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = (String) execution.getVariable("outageNumber");
    Outage outage = outages.restore(number);
    execution.setVariable("restoredAt", Date.from(outage.restoredAt()));
    execution.setVariable("restoredMessageRu", outage.restoredMessageRu());
    execution.setVariable("restoredMessageKk", outage.restoredMessageKk());
    execution.setVariable("appealsDuringOutage", outages.appeals(number).size());
  }
}
