package ru.appealdesk.letter;

import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import ru.appealdesk.casefile.CaseNumbers;

/** Stand-alone letters are their own cases ({@code LTR-2026-000001}); tells the case file which exist. */
@Component
class LetterCaseNumbers implements CaseNumbers {

  private static final Pattern NUMBER = Pattern.compile("LTR-\\d{4}-\\d{6}");

  private final OutgoingLetters letters;

  LetterCaseNumbers(OutgoingLetters letters) {
    this.letters = letters;
  }

  @Override
  public boolean recognises(String caseNumber) {
    return NUMBER.matcher(caseNumber).matches();
  }

  @Override
  public boolean exists(String caseNumber) {
    return letters.caseExists(caseNumber);
  }
}
