package ru.appealdesk.restructuring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.appealdesk.platform.BadRequestException.FieldProblem;
import ru.appealdesk.restructuring.DecisionRules.Decision;

class DecisionRulesTest {

  private static List<String> fields(List<FieldProblem> p) {
    return p.stream().map(FieldProblem::field).toList();
  }

  @Test
  void refusalNeedsReasonsAndIsImpossibleWhenMandatory() {
    assertThat(fields(DecisionRules.problems(new Decision("REFUSAL", List.of(), null, null, null), false, 0)))
        .containsExactly("refusalReason");
    assertThat(DecisionRules.problems(new Decision("REFUSAL", List.of(), null, null, "доход позволяет"), false, 0))
        .isEmpty();
    assertThat(fields(DecisionRules.problems(new Decision("REFUSAL", List.of(), null, null, "нет"), true, 3)))
        .containsExactly("decisionType");
  }

  @Test
  void mandatoryAgreementForAtLeastTheMinimumMonths() {
    Decision twoMonths = new Decision("AGREEMENT", List.of("PAYMENT_DEFERRAL"), 2, "отсрочка", null);
    assertThat(fields(DecisionRules.problems(twoMonths, true, 3))).containsExactly("decisionMonths");
    assertThat(DecisionRules.problems(twoMonths, false, 0)).isEmpty();
    Decision counter = new Decision("COUNTER_PROPOSAL", List.of("PAYMENT_DEFERRAL"), 6, "отсрочка", null);
    assertThat(fields(DecisionRules.problems(counter, true, 3))).containsExactly("decisionType");
    assertThat(DecisionRules.problems(new Decision("AGREEMENT", List.of("PAYMENT_DEFERRAL"), 3, "x", null), true, 3))
        .isEmpty();
  }

  @Test
  void agreementAndCounterProposalNeedParagraph69OptionsMonthsAndTerms() {
    assertThat(fields(DecisionRules.problems(new Decision("COUNTER_PROPOSAL", List.of(), null, " ", null), false, 0)))
        .containsExactly("decisionOptions", "decisionMonths", "decisionTerms");
    assertThat(fields(DecisionRules.problems(new Decision("AGREEMENT", List.of("HOLIDAY"), 1, "x", null), false, 0)))
        .containsExactly("decisionOptions");
    assertThat(fields(DecisionRules.problems(new Decision(null, List.of(), null, null, null), false, 0)))
        .containsExactly("decisionType");
  }
}
