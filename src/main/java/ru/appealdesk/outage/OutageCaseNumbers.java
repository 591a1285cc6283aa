package ru.appealdesk.outage;

import org.springframework.stereotype.Component;
import ru.appealdesk.casefile.CaseNumbers;

/** An outage is the case of its SRO letter ({@code OUTAGE-2026-0001}); tells the case file which exist. */
@Component
class OutageCaseNumbers extends CaseNumbers {

  private final OutageRepository outages;

  OutageCaseNumbers(OutageRepository outages) {
    super("OUTAGE-\\d{4}-\\d{4,}");
    this.outages = outages;
  }

  @Override
  public boolean exists(String caseNumber) {
    return outages.find(caseNumber).isPresent();
  }
}
