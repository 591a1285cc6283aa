package ru.appealdesk.appeal;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.appealdesk.casefile.CaseFile;
import ru.appealdesk.casefile.DocumentKind;
import ru.appealdesk.deadline.Jurisdiction;
import ru.appealdesk.deadline.Now;
import ru.appealdesk.deadline.SlaBreaches;
import ru.appealdesk.form.FormRefusedException;

/**
 * The named complete listeners of the user tasks of {@code appeal-handling} ({@code ${recordAnswer}} …): each takes
 * what its form submitted into the appeal's records. What a form declares (required fields, lengths, allowed values)
 * is enforced by the server-side form validator from the deployed form; a listener here holds only what a form cannot
 * express (a date not in the future, documents present in the case file) and the effect of the step.
 */
@Configuration(proxyBeanMethods = false)
class AppealListeners {

  private final AppealSteps steps;
  private final jakarta.validation.Validator validator;

  AppealListeners(AppealSteps steps, jakarta.validation.Validator validator) {
    this.steps = steps;
    this.validator = validator;
  }

  /**
   * The client's details as the form sent them, checked like the API checks them (phone, e-mail and postal code
   * formats): a refusal names the form's labels.
   */
  private ClientDetails clientDetails(DelegateTask task, FormValues f) {
    ClientDetails details = ClientDetails.fromForm(f);
    Map<String, String> problems = new java.util.LinkedHashMap<>();
    validator.validate(details)
        .forEach(v -> problems.put(ClientDetails.formField(v.getPropertyPath().toString()), v.getMessage()));
    FormRefusedException.refuseIfAny(task, problems);
    return details;
  }

  private static String number(DelegateTask task) {
    return task.getExecution().getProcessBusinessKey();
  }

  private static FormValues form(DelegateTask task) {
    Object j = task.getVariable(AppealVariables.JURISDICTION);
    return FormValues.of(task, Jurisdiction.of(j == null ? null : j.toString()).zone());
  }

  /** Who completed the task: the engine's authenticated user (Tasklist), else the assignee. */
  static String who(DelegateTask task) {
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      return auth.getUserId();
    }
    return task.getAssignee();
  }

  @Bean("recordOnTheSpotDecision")
  TaskListener recordOnTheSpotDecision() {
    return task -> {
      String decision = form(task).text("decisionText");
      steps.decidedOnTheSpot(number(task), decision);
      task.getExecution().setVariable("decisionText", decision);
    };
  }

  /** Table 6: the Director agrees (or not) with a rate cut decided on the spot; kept with the decision. */
  @Bean("recordOnTheSpotAgreement")
  TaskListener recordOnTheSpotAgreement() {
    return task -> {
      FormValues f = form(task);
      steps.agreedOnTheSpot(number(task), f.bool("onTheSpotAgreed", false), who(task), f.text("agreementComment"));
    };
  }

  @Bean("recordRegistration")
  TaskListener recordRegistration() {
    return task -> {
      FormValues f = form(task);
      ClientDetails details = clientDetails(task, f);
      Map<String, Object> vars = steps.completeRegistration(number(task), details,
          f.text(AppealVariables.APPEAL_DEMAND), f.text(AppealVariables.SITUATION_PLACE),
          f.instant(AppealVariables.SITUATION_AT), f.text(AppealVariables.CONTRACT_NUMBER));
      task.getExecution().setVariables(vars);
      task.getExecution().setVariable(AppealVariables.REGISTERED_AT, Date.from(steps.register(number(task))));
    };
  }

  @Bean("recordAdmissibility")
  TaskListener recordAdmissibility() {
    return task -> {
      FormValues f = form(task);
      String ground = f.text("refusalGround");
      steps.admissibility(number(task), ground == null ? "NONE" : ground, f.text("refusalReason"));
      task.getExecution().setVariable(AppealVariables.REFUSAL_GROUND, ground == null ? "NONE" : ground);
    };
  }

  @Bean("recordInformationRequest")
  TaskListener recordInformationRequest() {
    return task -> steps.informationRequested(number(task), form(task).text(AppealVariables.INFORMATION_REQUEST_TEXT));
  }

  @Bean("recordInformation")
  TaskListener recordInformation() {
    return task -> {
      FormValues f = form(task);
      ClientDetails details = clientDetails(task, f);
      Map<String, Object> vars = steps.informationRecorded(number(task), f.text("informationNote"),
          f.instant("informationReceivedOn"), details, f.text(AppealVariables.APPEAL_DEMAND),
          f.text(AppealVariables.SITUATION_PLACE), f.instant(AppealVariables.SITUATION_AT),
          f.text(AppealVariables.CONTRACT_NUMBER));
      task.getExecution().setVariables(vars);
    };
  }

  @Bean("recordConclusion")
  TaskListener recordConclusion() {
    return task -> {
      String group = (String) task.getVariable(AppealVariables.CO_EXECUTOR);
      String all = steps.conclusion(number(task), group, who(task), form(task).text("conclusionText"));
      task.getExecution().getProcessInstance().setVariable("conclusions", all);
    };
  }

  /**
   * The answer task (and its rework): {@code answerAction} ANSWER (default), REQUEST_INFORMATION (the request text goes
   * to the information step) or ADD_CO_EXECUTORS (the chosen units give conclusions first).
   */
  @Bean("recordAnswer")
  TaskListener recordAnswer() {
    return task -> {
      FormValues f = form(task);
      String action = f.text(AppealVariables.ANSWER_ACTION);
      action = action == null ? "ANSWER" : action;
      var execution = task.getExecution();
      switch (action) {
        case "REQUEST_INFORMATION" -> execution.setVariable(AppealVariables.INFORMATION_REQUEST_TEXT,
            f.text(AppealVariables.INFORMATION_REQUEST_TEXT));
        case "ADD_CO_EXECUTORS" -> {
          List<String> added = f.list("additionalCoExecutors");
          execution.setVariable(AppealVariables.CO_EXECUTOR_GROUP, steps.coExecutorsAdded(number(task), added));
          execution.setVariable(AppealVariables.CO_EXECUTORS_PENDING, String.join(",", added));
        }
        default -> steps.answer(number(task), f.text("answerOutcome"), f.text(AppealVariables.ANSWER_TEXT));
      }
      execution.setVariable(AppealVariables.ANSWER_ACTION, action);
    };
  }

  @Bean("recordRefusal")
  TaskListener recordRefusal() {
    return task -> steps.answer(number(task), "REFUSED_TO_CONSIDER", form(task).text(AppealVariables.ANSWER_TEXT));
  }

  /** Approval and signature in one: the approver who says yes signs the answer (the letter is not signed again). */
  @Bean("recordApproval")
  TaskListener recordApproval() {
    return task -> {
      FormValues f = form(task);
      boolean approved = f.bool(AppealVariables.ANSWER_APPROVED, false);
      task.getExecution().setVariable(AppealVariables.ANSWER_APPROVED, approved);
      if (approved) {
        String signer = who(task);
        steps.signed(number(task), signer);
        task.getExecution().setVariable(AppealVariables.ANSWER_SIGNED_BY, signer);
      }
    };
  }

  /** Every delivery step: the proof is the step's name, the date and what the employee wrote. */
  @Bean("recordDelivery")
  TaskListener recordDelivery() {
    return task -> {
      FormValues f = form(task);
      Instant date = f.instant("deliveryDate");
      if (date != null && date.isAfter(Now.instant().plusSeconds(300))) {
        throw FormRefusedException.of(task, Map.of("deliveryDate", "не может быть в будущем"));
      }
      String where = f.text("publishedWhere");
      String kind = f.text("deliveryKind");
      String proof = task.getName() + (kind == null ? "" : " (" + kind + ")") + (where == null ? "" : ", " + where)
          + ", " + AppealTexts.dateTime(date == null ? Now.instant() : date,
              Jurisdiction.of((String) task.getVariable(AppealVariables.JURISDICTION))) + ": "
          + f.text("deliveryText");
      var execution = task.getExecution();
      String earlier = (String) execution.getVariable(AppealVariables.DELIVERY_PROOF);
      execution.setVariable(AppealVariables.DELIVERY_PROOF, Texts.abbreviate(
          earlier == null || earlier.isBlank() ? proof : earlier + "\n" + proof, Texts.VARIABLE_TEXT_LIMIT));
      execution.setVariable(AppealVariables.DELIVERED_AT, Date.from(date == null ? Now.instant() : date));
    };
  }

  @Bean("recordRegulatorCopy")
  TaskListener recordRegulatorCopy(CaseFile caseFile) {
    return task -> {
      FormValues f = form(task);
      Instant at = f.instant("regulatorCopyDate");
      if (at != null && at.isAfter(Now.instant().plusSeconds(300))) {
        throw FormRefusedException.of(task, Map.of("regulatorCopyDate", "не может быть в будущем"));
      }
      String proof = f.text("regulatorCopyChannel") + ", " + f.text("regulatorCopyReference");
      steps.regulatorCopySent(number(task), proof, at == null ? Now.instant() : at);
      String answer = (String) task.getVariable(AppealVariables.ANSWER_TEXT);
      caseFile.store(number(task), DocumentKind.ATTACHMENT, "копия-ответа-регулятору-" + number(task) + ".txt",
          "text/plain", ("Копия ответа регулятору (" + task.getVariable(AppealVariables.REGULATOR_REFERENCE) + ")\n"
              + proof + "\n\n" + (answer == null ? "" : answer)).getBytes(java.nio.charset.StandardCharsets.UTF_8),
          who(task));
    };
  }

  /** The controller's note on a breach closes the escalation; it is kept with the breach record. */
  @Bean("recordEscalation")
  TaskListener recordEscalation(SlaBreaches breaches) {
    return task -> breaches.resolve(number(task), (String) task.getVariable("breachClock"),
        form(task).text("escalationNote"), who(task));
  }

  /**
   * Table 5 in the flow (§6.4: the documents are the criterion to approve or refuse): when the tables named documents
   * for the application's reason, the answer and its approval need them in the case file (confirmed on the form), or
   * a recorded reason why not.
   */
  @Bean("supportingDocumentsCheck")
  TaskListener supportingDocumentsCheck(CaseFile caseFile) {
    return task -> {
      Object required = task.getVariable(AppealVariables.REQUIRED_DOCUMENTS);
      if (!(required instanceof List<?> list) || list.isEmpty()) {
        return;
      }
      FormValues f = form(task);
      String action = f.text(AppealVariables.ANSWER_ACTION);
      if (action != null && !"ANSWER".equals(action) || !f.bool(AppealVariables.ANSWER_APPROVED, true)) {
        return;
      }
      boolean confirmed = f.bool("documentsChecked", false);
      boolean filed = caseFile.list(number(task)).stream().anyMatch(d -> d.kind() == DocumentKind.ATTACHMENT);
      if ((confirmed && filed) || f.text("documentsWaiverReason") != null) {
        return;
      }
      throw FormRefusedException.of(task, Map.of("documentsChecked", "по причине заявления нужны документы ("
          + list.size() + "): приложите их в деле и отметьте, что они есть, или укажите, почему решение принимается "
          + "без них"));
    };
  }
}
