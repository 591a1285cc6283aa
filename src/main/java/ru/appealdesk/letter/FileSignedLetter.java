package ru.appealdesk.letter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.appealdesk.casefile.CaseDocument;

/** {@code ${fileSignedLetter}}: files the signed copy (PDF with number and date) in the case. */
@Component("fileSignedLetter")
class FileSignedLetter implements JavaDelegate {

  private final LetterService letters;

  FileSignedLetter(LetterService letters) {
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseDocument copy = letters.fileSignedCopy(execution.getProcessInstanceId(),
        (String) execution.getVariable("jurisdiction"));
    execution.setVariable("signedCopyDocumentId", copy.id());
  }
}
