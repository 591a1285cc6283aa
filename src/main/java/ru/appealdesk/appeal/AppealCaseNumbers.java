package ru.appealdesk.appeal;

import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import ru.appealdesk.casefile.CaseNumbers;

/** Tells the case file which appeal numbers ({@code RU-2026-000123}, {@code KZ-…}) exist. */
@Component
class AppealCaseNumbers implements CaseNumbers {

  private static final Pattern NUMBER = Pattern.compile("(RU|KZ)-\\d{4}-\\d{6}");

  private final AppealRepository appeals;

  AppealCaseNumbers(AppealRepository appeals) {
    this.appeals = appeals;
  }

  @Override
  public boolean recognises(String caseNumber) {
    return NUMBER.matcher(caseNumber).matches();
  }

  @Override
  public boolean exists(String caseNumber) {
    return appeals.findByNumber(caseNumber).isPresent();
  }
}
