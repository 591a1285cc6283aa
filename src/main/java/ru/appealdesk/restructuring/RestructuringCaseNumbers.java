package ru.appealdesk.restructuring;

import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import ru.appealdesk.casefile.CaseNumbers;

/** Restructuring cases ({@code KZR-2026-000012}) for the shared case file. */
@Component
class RestructuringCaseNumbers implements CaseNumbers {

  private static final Pattern NUMBER = Pattern.compile("KZR-\\d{4}-\\d{6}");

  private final RestructuringCases cases;

  RestructuringCaseNumbers(RestructuringCases cases) {
    this.cases = cases;
  }

  @Override
  public boolean recognises(String caseNumber) {
    return NUMBER.matcher(caseNumber).matches();
  }

  @Override
  public boolean exists(String caseNumber) {
    return cases.find(caseNumber).isPresent();
  }
}
