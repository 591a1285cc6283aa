package ru.appealdesk.letter;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * {@code ${letterTaskValidator}} (complete listener of every user task of {@code outgoing-letter}): checks on the server
 * what the form submitted — the browser's validation is not enough — and records it on the letter's card. A failed
 * check rolls the completion back and Tasklist shows the reason.
 */
@Component("letterTaskValidator")
class LetterTaskValidator implements TaskListener {

  private final LetterService letters;

  LetterTaskValidator(LetterService letters) {
    this.letters = letters;
  }

  @Override
  public void notify(DelegateTask task) {
    String pi = task.getProcessInstanceId();
    String user = currentUser(task);
    switch (task.getTaskDefinitionKey()) {
      case "Task_DraftLetter" -> {
        letters.saveDraft(pi, (String) task.getVariable("letterSubject"), (String) task.getVariable("letterBody"),
            (String) task.getVariable("recipientName"), (String) task.getVariable("recipientAddress"));
        task.setVariable("rejectionComment", null);
      }
      case "Task_ApproveLetter" -> {
        LetterService.Decision d = letters.decide("Согласование", task.getVariable("approved"),
            (String) task.getVariable("approvalComment"), user);
        task.setVariable("approved", d.accepted());
        task.setVariable("rejectionComment", d.rejectionComment());
      }
      case "Task_SignLetter" -> {
        LetterService.Decision d = letters.decide("Подпись", task.getVariable("signed"),
            (String) task.getVariable("signatureComment"), user);
        task.setVariable("signed", d.accepted());
        task.setVariable("rejectionComment", d.rejectionComment());
        if (d.accepted()) {
          letters.sign(pi, user);
        }
      }
      case "Task_RegisterLetter" -> {
        if (!Boolean.TRUE.equals(task.getVariable("registrationConfirmed"))) {
          throw new InvalidLetterException(java.util.List.of("подтвердите, что письмо подписано и готово к регистрации"));
        }
        task.setVariable("registeredBy", user);
      }
      case "Task_SendLetter" -> letters.dispatch(pi, task.getVariable("dispatchMethod"),
          (String) task.getVariable("trackingNumber"));
      default -> throw new IllegalStateException("No validation for task " + task.getTaskDefinitionKey());
    }
  }

  private static String currentUser(DelegateTask task) {
    Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      return auth.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : "unknown";
  }
}
