package ru.appealdesk.letter;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${registerOutgoingLetter}}: gives the letter its outgoing number and date (out: outgoingNumber, outgoingDate). */
@Component("registerOutgoingLetter")
class RegisterOutgoingLetter implements JavaDelegate {

  private final LetterService letters;

  RegisterOutgoingLetter(LetterService letters) {
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LetterService.Registration r = letters.register(execution.getProcessInstanceId(),
        (String) execution.getVariable("jurisdiction"), (String) execution.getVariable("registeredBy"));
    execution.setVariable("outgoingNumber", r.outgoingNumber());
    execution.setVariable("outgoingDate", Date.from(r.at()));
  }
}
