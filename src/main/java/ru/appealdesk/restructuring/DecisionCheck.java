package ru.appealdesk.restructuring;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${restructuringDecisionCheck}} on {@code Task_PrepareDecision}: the committee's decision against the law
 * (ARDFM deferral, ¶74) and against the request (¶74: an agreement is the agreement with the proposed changes). See
 * {@link DecisionRules}.
 */
@Component("restructuringDecisionCheck")
class DecisionCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Submission s = new Submission(task);
    DecisionRules.Decision d = new DecisionRules.Decision(s.text("decisionType"), Vars.codes(s.value("decisionOptions")),
        Vars.integer(s.value("decisionMonths")), s.text("decisionTerms"), s.text("refusalReason"),
        s.text("decisionDifferenceReason"), s.flag("decisionFeesWaived"));
    Integer min = Vars.integer(s.value("minimumMonths"));
    DecisionRules.Request r = new DecisionRules.Request(Vars.codes(s.value("requestedOptionCodes")),
        s.flag("mandatory"), min == null ? 0 : min, s.text("requiredOption"), s.flag("feesWaived"));
    DecisionRules.Outcome outcome = DecisionRules.check(d, r);
    s.problems(outcome.problems());
    s.done();
    boolean refusal = "REFUSAL".equals(d.type());
    List<String> options = refusal ? List.of() : d.options();
    s.set("decisionOptionCodes", String.join(",", options));
    s.set("decisionOptionsText", RestructuringOption.labelsOfCodes(options, "ru"));
    s.set("decisionMonths", refusal ? null : d.months());
    s.set("decisionFeesWaived", !refusal && d.feesWaived());
    s.set("decisionDiffersFromRequest", outcome.differs());
    s.set("decisionAddedOptions", String.join(",", outcome.added()));
    s.set("decisionDroppedOptions", String.join(",", outcome.dropped()));
    s.set("decisionDifferenceReason", d.differenceReason() == null || refusal ? "" : d.differenceReason());
  }
}
