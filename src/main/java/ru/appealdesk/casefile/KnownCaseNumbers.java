package ru.appealdesk.casefile;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Asks every {@link CaseNumbers} of the features that own cases whether a case exists. A number no owner recognises
 * does not exist (nothing is filed under a number that no case has).
 */
@Component
class KnownCaseNumbers {

  private final ObjectProvider<CaseNumbers> owners;

  KnownCaseNumbers(ObjectProvider<CaseNumbers> owners) {
    this.owners = owners;
  }

  boolean exists(String caseNumber) {
    if (caseNumber == null || caseNumber.isBlank() || caseNumber.length() > 64) {
      return false;
    }
    List<CaseNumbers> responsible = owners.orderedStream().filter(o -> o.recognises(caseNumber)).toList();
    return responsible.stream().anyMatch(o -> o.exists(caseNumber));
  }
}
