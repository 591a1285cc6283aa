package ru.appealdesk.casefile;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/** Combines every {@link CaseNumbers} of the features that own cases. */
@Component
@Primary
class KnownCaseNumbers implements CaseNumbers {

  private final ObjectProvider<CaseNumbers> all;

  KnownCaseNumbers(ObjectProvider<CaseNumbers> all) {
    this.all = all;
  }

  @Override
  public boolean exists(String caseNumber) {
    if (caseNumber == null || caseNumber.isBlank() || caseNumber.length() > 64) {
      return false;
    }
    var owners = all.orderedStream().filter(c -> c != this).toList();
    return owners.isEmpty() || owners.stream().anyMatch(o -> o.exists(caseNumber));
  }
}
