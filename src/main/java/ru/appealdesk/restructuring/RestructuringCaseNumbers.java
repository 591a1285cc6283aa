package ru.appealdesk.restructuring;

import org.springframework.stereotype.Component;
import ru.appealdesk.casefile.CaseNumbers;

/** Restructuring cases ({@code KZR-2026-000012}) for the shared case file. */
@Component
class RestructuringCaseNumbers extends CaseNumbers {

  private final RestructuringCases cases;

  RestructuringCaseNumbers(RestructuringCases cases) {
    super("KZR-\\d{4}-\\d{6}");
    this.cases = cases;
  }

  @Override
  public boolean exists(String caseNumber) {
    return cases.find(caseNumber).isPresent();
  }
}
