package ru.appealdesk.appeal;

import org.springframework.stereotype.Component;
import ru.appealdesk.casefile.CaseNumbers;

/** Tells the case file which appeal numbers ({@code RU-2026-000123}, {@code KZ-…}) exist. */
@Component
class AppealCaseNumbers extends CaseNumbers {

  private final AppealRepository appeals;

  AppealCaseNumbers(AppealRepository appeals) {
    super("(RU|KZ)-\\d{4}-\\d{6}");
    this.appeals = appeals;
  }

  @Override
  public boolean exists(String caseNumber) {
    return appeals.findByNumber(caseNumber).isPresent();
  }
}
