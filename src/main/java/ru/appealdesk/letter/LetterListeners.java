package ru.appealdesk.letter;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The named complete listeners of the user tasks of {@code outgoing-letter}: each records what its form submitted on
 * the letter's card. The form's own rules (required fields, lengths, values) are enforced by the server-side form
 * validator from the deployed form; what a form cannot express (subject and text present once the draft is done) is
 * checked by {@link LetterService}.
 */
@Configuration(proxyBeanMethods = false)
class LetterListeners {

  private final LetterService letters;

  LetterListeners(LetterService letters) {
    this.letters = letters;
  }

  private static String user(DelegateTask task) {
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      return auth.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : "unknown";
  }

  @Bean("recordLetterDraft")
  TaskListener recordLetterDraft() {
    return task -> {
      letters.saveDraft(task.getProcessInstanceId(), (String) task.getVariable("letterSubject"),
          (String) task.getVariable("letterBody"), (String) task.getVariable("recipientName"),
          (String) task.getVariable("recipientAddress"));
      task.setVariable("rejectionComment", null);
    };
  }

  @Bean("recordLetterApproval")
  TaskListener recordLetterApproval() {
    return task -> {
      LetterService.Decision d = letters.decide("Согласование", task.getVariable("approved"),
          (String) task.getVariable("approvalComment"), user(task));
      task.setVariable("approved", d.accepted());
      task.setVariable("rejectionComment", d.rejectionComment());
    };
  }

  @Bean("recordLetterSignature")
  TaskListener recordLetterSignature() {
    return task -> {
      String signer = user(task);
      LetterService.Decision d = letters.decide("Подпись", task.getVariable("signed"),
          (String) task.getVariable("signatureComment"), signer);
      task.setVariable("signed", d.accepted());
      task.setVariable("rejectionComment", d.rejectionComment());
      if (d.accepted()) {
        letters.sign(task.getProcessInstanceId(), signer);
        task.setVariable("signedBy", signer);
      }
    };
  }

  @Bean("recordLetterRegistration")
  TaskListener recordLetterRegistration() {
    return task -> task.setVariable("registeredBy", user(task));
  }

  @Bean("recordLetterDispatch")
  TaskListener recordLetterDispatch() {
    return task -> letters.dispatch(task.getProcessInstanceId(), task.getVariable("dispatchMethod"),
        (String) task.getVariable("trackingNumber"));
  }
}
