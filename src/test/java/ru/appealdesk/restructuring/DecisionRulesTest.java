package ru.appealdesk.restructuring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.appealdesk.platform.BadRequestException.FieldProblem;
import ru.appealdesk.restructuring.DecisionRules.Decision;
import ru.appealdesk.restructuring.DecisionRules.Outcome;
import ru.appealdesk.restructuring.DecisionRules.Request;

/** The business rules of a decision that no form can express (¶73, ¶74, ARDFM Resolution No. 49). */
class DecisionRulesTest {

  static final Request FREE = new Request(List.of("PAYMENT_DEFERRAL"), false, 0, null, false);
  static final Request ARDFM = new Request(List.of("RATE_REDUCTION"), true, 3, "PAYMENT_DEFERRAL", true);

  private static List<String> fields(Outcome o) {
    return o.problems().stream().map(FieldProblem::field).toList();
  }

  private static Decision d(String type, Integer months, boolean feesWaived, String reason, String... options) {
    return new Decision(type, List.of(options), months, "условия", null, reason, feesWaived);
  }

  @Test
  void refusalNeedsReasonsAndIsImpossibleWhenTheDeferralIsMandatory() {
    assertThat(fields(DecisionRules.check(new Decision("REFUSAL", List.of(), null, null, null, null, false), FREE)))
        .containsExactly("refusalReason");
    assertThat(DecisionRules.check(new Decision("REFUSAL", List.of(), null, null, "доход позволяет", null, false), FREE)
        .problems()).isEmpty();
    Outcome mandatory = DecisionRules.check(new Decision("REFUSAL", List.of(), null, null, "нет", null, false), ARDFM);
    assertThat(fields(mandatory)).containsExactly("decisionType");
    assertThat(mandatory.problems().get(0).message()).contains("отказ невозможен").contains("3 мес.")
        .contains("без комиссий").contains("№ 49");
  }

  @Test
  void theMandatoryDecisionIsAnAgreementWithTheDeferralForTheMinimumMonthsWithoutFees() {
    assertThat(fields(DecisionRules.check(d("COUNTER_PROPOSAL", 6, true, null, "PAYMENT_DEFERRAL", "RATE_REDUCTION"),
        ARDFM))).containsExactly("decisionType");
    assertThat(fields(DecisionRules.check(d("AGREEMENT", 6, true, "причина", "RATE_REDUCTION"), ARDFM)))
        .containsExactly("decisionOptions");
    assertThat(fields(DecisionRules.check(d("AGREEMENT", 2, true, null, "PAYMENT_DEFERRAL", "RATE_REDUCTION"), ARDFM)))
        .containsExactly("decisionMonths");
    assertThat(fields(DecisionRules.check(d("AGREEMENT", 3, false, null, "PAYMENT_DEFERRAL", "RATE_REDUCTION"), ARDFM)))
        .containsExactly("decisionFeesWaived");
    Outcome ok = DecisionRules.check(d("AGREEMENT", 3, true, null, "PAYMENT_DEFERRAL", "RATE_REDUCTION"), ARDFM);
    assertThat(ok.problems()).isEmpty();
    // the deferral is an addition the law requires: the decision differs, but needs no reason
    assertThat(ok.added()).containsExactly("PAYMENT_DEFERRAL");
    assertThat(ok.differs()).isTrue();
    // dropping what the client asked for does need one
    assertThat(fields(DecisionRules.check(d("AGREEMENT", 3, true, null, "PAYMENT_DEFERRAL"), ARDFM)))
        .containsExactly("decisionDifferenceReason");
    assertThat(DecisionRules.check(d("AGREEMENT", 3, true, "ставка не снижается: ...", "PAYMENT_DEFERRAL"), ARDFM)
        .problems()).isEmpty();
    // a table without fee waiver (a process owner's change) does not ask for the confirmation
    Request noFees = new Request(List.of("PAYMENT_DEFERRAL"), true, 3, "PAYMENT_DEFERRAL", false);
    assertThat(DecisionRules.check(d("AGREEMENT", 3, false, null, "PAYMENT_DEFERRAL"), noFees).problems()).isEmpty();
  }

  @Test
  void anAgreementIsWithTheProposedChangesOrSaysWhyItDiffers() {
    Outcome same = DecisionRules.check(d("AGREEMENT", 6, false, null, "PAYMENT_DEFERRAL"), FREE);
    assertThat(same.problems()).isEmpty();
    assertThat(same.differs()).isFalse();
    Outcome other = DecisionRules.check(d("AGREEMENT", 6, false, null, "PAYMENT_DATE_CHANGE"), FREE);
    assertThat(fields(other)).containsExactly("decisionDifferenceReason");
    assertThat(other.problems().get(0).message()).contains("не запрошено: Изменение срока (даты)")
        .contains("не включено из запрошенного: Отсрочка").contains("встречное предложение");
    assertThat(DecisionRules.check(d("AGREEMENT", 6, false, "причина", "PAYMENT_DATE_CHANGE"), FREE).problems())
        .isEmpty();
    Outcome counter = DecisionRules.check(d("COUNTER_PROPOSAL", 6, false, null, "PAYMENT_DATE_CHANGE"), FREE);
    assertThat(counter.problems()).isEmpty();
    assertThat(counter.added()).containsExactly("PAYMENT_DATE_CHANGE");
    assertThat(counter.dropped()).containsExactly("PAYMENT_DEFERRAL");
    // nothing requested (the client chose no option): any agreement differs
    Request nothing = new Request(List.of(), false, 0, null, false);
    assertThat(fields(DecisionRules.check(d("AGREEMENT", 6, false, null, "PAYMENT_DEFERRAL"), nothing)))
        .containsExactly("decisionDifferenceReason");
  }

  @Test
  void agreementAndCounterProposalNeedOptionsMonthsAndTerms() {
    assertThat(fields(DecisionRules.check(new Decision("COUNTER_PROPOSAL", List.of(), null, " ", null, null, false),
        FREE))).containsExactly("decisionOptions", "decisionMonths", "decisionTerms");
    // the type itself, option codes and 1..120 months are the form's limits (issue 15 validator)
    assertThat(DecisionRules.check(new Decision(null, List.of(), null, null, null, null, false), FREE).problems())
        .isEmpty();
  }
}
