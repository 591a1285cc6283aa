package ru.appealdesk.restructuring;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${restructuringReviewCheck}} on {@code Task_ReviewApplication}: the officer either asks for documents (¶67,
 * then the list is needed) or passes the case on. The officer may complete what the client could not give at intake
 * (the 12 monthly incomes, the ¶69 options, the ¶74 facts) once the documents are in; the income drop is computed again.
 */
@Component("restructuringReviewCheck")
class ReviewCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Submission s = new Submission(task);
    boolean needed = s.flag("documentsNeeded");
    s.set("documentsNeeded", needed);
    boolean vulnerable = s.flag("sociallyVulnerable");
    boolean assistance = s.flag("targetedSocialAssistance");
    boolean emergency = s.flag("emergencyAffected");
    s.set("sociallyVulnerable", vulnerable);
    s.set("targetedSocialAssistance", assistance);
    s.set("emergencyAffected", emergency);

    var incomes = ApplicationVariables.incomes(s.variables());
    Object listed = s.value("requestedOptionsList");
    List<String> options = listed == null ? Vars.codes(s.value("requestedOptionCodes")) : Vars.codes(listed);
    s.setAll(ApplicationVariables.requested(options));
    Double drop = ApplicationVariables.incomeDrop(incomes);
    s.set("incomeDropPercent", drop);
    s.set("incomeDropText", ApplicationVariables.incomeDropText(drop));
    IntakeGaps gaps = IntakeGaps.of(incomes, options);
    s.set("intakeGaps", gaps.codesCsv());
    s.set("intakeGapsText", gaps.text());

    if (needed) {
      s.require("requestedDocuments", "перечислите запрашиваемые документы");
      s.set("documentsRequestedAt", s.now);
    } else if (vulnerable && !assistance && !emergency && drop == null) {
      s.problem("income01", "для проверки п. 74 у социально уязвимого заемщика нужен доход за все 12 месяцев до "
          + "месяца обращения: внесите его или запросите документы");
    }
    s.done();
  }
}
