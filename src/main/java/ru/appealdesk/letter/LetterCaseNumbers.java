package ru.appealdesk.letter;

import org.springframework.stereotype.Component;
import ru.appealdesk.casefile.CaseNumbers;

/** Stand-alone letters are their own cases ({@code LTR-2026-000001}); tells the case file which exist. */
@Component
class LetterCaseNumbers extends CaseNumbers {

  private final OutgoingLetters letters;

  LetterCaseNumbers(OutgoingLetters letters) {
    super("LTR-\\d{4}-\\d{6}");
    this.letters = letters;
  }

  @Override
  public boolean exists(String caseNumber) {
    return letters.caseExists(caseNumber);
  }
}
