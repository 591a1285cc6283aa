package ru.appealdesk.outage;

import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import ru.appealdesk.casefile.CaseNumbers;

/** An outage is the case of its SRO letter ({@code OUTAGE-2026-0001}); tells the case file which exist. */
@Component
class OutageCaseNumbers implements CaseNumbers {

  private static final Pattern NUMBER = Pattern.compile("OUTAGE-\\d{4}-\\d{4,}");

  private final OutageRepository outages;

  OutageCaseNumbers(OutageRepository outages) {
    this.outages = outages;
  }

  @Override
  public boolean recognises(String caseNumber) {
    return NUMBER.matcher(caseNumber).matches();
  }

  @Override
  public boolean exists(String caseNumber) {
    return outages.find(caseNumber).isPresent();
  }
}
