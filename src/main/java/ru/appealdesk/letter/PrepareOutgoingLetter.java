package ru.appealdesk.letter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${prepareOutgoingLetter}}: checks the letter's input (start form or call activity) and opens its card. */
@Component("prepareOutgoingLetter")
class PrepareOutgoingLetter implements JavaDelegate {

  private final LetterService letters;

  PrepareOutgoingLetter(LetterService letters) {
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LetterInput in = letters.open(execution.getProcessInstanceId(), new LetterInput(
        string(execution, "caseNumber"), string(execution, "letterKind"), string(execution, "letterSubject"),
        string(execution, "letterBody"), string(execution, "language"), string(execution, "approvalGroup"),
        string(execution, "signatoryGroup"), string(execution, "recipientName"),
        string(execution, "recipientAddress"), string(execution, "drafterGroup")));
    execution.setVariable("caseNumber", in.caseNumber());
    execution.setVariable("letterKind", in.letterKind());
    execution.setVariable("letterSubject", in.letterSubject());
    execution.setVariable("letterBody", in.letterBody());
    execution.setVariable("language", in.language());
    execution.setVariable("approvalGroup", in.approvalGroup());
    execution.setVariable("signatoryGroup", in.signatoryGroup());
    execution.setVariable("drafterGroup", in.drafterGroup());
    execution.setVariable("recipientName", in.recipientName());
    execution.setVariable("recipientAddress", in.recipientAddress());
    execution.setVariable("rejectionComment", null);
    // the answer of an appeal comes signed by its approver (one signature, issue 18): recorded, not asked again
    String signedBy = string(execution, "signedBy");
    execution.setVariable("signedBy", signedBy);
    if (signedBy != null) {
      letters.sign(execution.getProcessInstanceId(), signedBy);
    }
    // a letter comes to the drafter unless it arrives signed and complete (the answer of an appeal)
    execution.setVariable("draftRequired", signedBy == null || in.letterSubject() == null || in.letterBody() == null
        || in.recipientName() == null || in.recipientAddress() == null);
    if (execution.getVariable("jurisdiction") == null) {
      execution.setVariable("jurisdiction", "kk".equals(in.language()) ? "KZ" : "RU");
    }
    execution.setVariable("outgoingNumber", null);
    execution.setVariable("outgoingDate", null);
  }

  private static String string(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
