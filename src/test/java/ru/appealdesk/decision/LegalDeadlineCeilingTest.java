package ru.appealdesk.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC §5a without Spring or a database: which deadline cells the check refuses. */
class LegalDeadlineCeilingTest {

  static final String LOAN_TERMS_DAYS = "Out_Complaint_LoanTerms_DeadlineDays";

  @Test
  void theShippedTablesPass() {
    for (String key : DecisionTablesTest.KEYS) {
      assertThatCode(() -> LegalDeadlineCeiling.check(DmnModels.shipped(key))).as(key).doesNotThrowAnyException();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"15", "0", "null", "14"})
  void upToFifteenDaysIsAccepted(String cell) {
    DmnModelInstance model = DmnModels.withCell("appeal-routing", LOAN_TERMS_DAYS, cell);
    assertThatCode(() -> LegalDeadlineCeiling.check(model)).doesNotThrowAnyException();
  }

  @Test
  void twentyDaysIsRefusedNamingTheRule() {
    LegalDeadlineExceededException refusal = refusal("20");
    assertThat(refusal.getMessage())
        .contains("appeal-routing")
        .contains("Rule_Complaint_LoanTerms")
        .contains("условия договора займа")
        .contains("срок 20 дней превышает законный предел 15 дней")
        .contains("442-ФЗ")
        .contains("Развёртывание отклонено");
  }

  @ParameterizedTest
  @ValueSource(strings = {"16", "15.5", "-1", "deadline + 1", "\"10\""})
  void whatCannotBeProvenWithinTheCeilingIsRefused(String cell) {
    assertThat(refusal(cell).getMessage()).contains("Rule_Complaint_LoanTerms");
  }

  @Test
  void otherDayColumnsAreNotTheAnswerDeadline() {
    DmnModelInstance model = DmnModels.withCell("registration", "Out_Electronic_RegistrationDeadlineDays", "20");
    assertThatCode(() -> LegalDeadlineCeiling.check(model)).doesNotThrowAnyException();
  }

  private LegalDeadlineExceededException refusal(String cell) {
    Throwable thrown = catchThrowable(() -> LegalDeadlineCeiling.check(
        DmnModels.withCell("appeal-routing", LOAN_TERMS_DAYS, cell)));
    assertThat(thrown).as("cell %s must be refused", cell).isNotNull();
    assertThat(thrown).isInstanceOf(LegalDeadlineExceededException.class);
    return (LegalDeadlineExceededException) thrown;
  }
}
