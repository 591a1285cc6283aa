package ru.appealdesk.delivery;

import java.math.BigDecimal;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What letters and notifications need to know about an appeal, read by its number (the {@code appeal} table of package
 * {@code appeal}, read-only) and from its process: jurisdiction, type, language, outcome of the answer, the secret token
 * of the client's status page, and the claim amount ({@code claimAmount}).
 */
@Repository
class AppealFacts {

  private final JdbcClient jdbc;
  private final HistoryService history;

  AppealFacts(JdbcClient jdbc, HistoryService history) {
    this.jdbc = jdbc;
    this.history = history;
  }

  /**
   * @param answerOutcome e.g. {@code NOT_SATISFIED}, {@code REFUSED_TO_CONSIDER}; null before the answer
   * @param regulatorAuthority {@code BANK_OF_RUSSIA} / {@code ARDFM} when a regulator forwarded the complaint, else null
   * @param regulatorReference the regulator's own number of the complaint (e.g. {@code ОГ-2026-77412})
   */
  record Facts(String number, String jurisdiction, String appealType, String language, String answerOutcome,
      String processInstanceId, String statusToken, String regulatorAuthority, String regulatorReference) {}

  Optional<Facts> of(String number) {
    if (number == null) {
      return Optional.empty();
    }
    return jdbc.sql("""
            select number, jurisdiction, appeal_type, language, answer_outcome, process_instance_id, status_token,
                   regulator_authority, regulator_reference
            from appeal where number = :number""")
        .param("number", number)
        .query((rs, n) -> new Facts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
        .optional();
  }

  /** The token of the client's status page ({@code /status/{number}?token=…}). */
  Optional<String> statusToken(String number) {
    return jdbc.sql("select status_token from appeal where number = :number").param("number", number)
        .query(String.class).optional();
  }

  /** {@code claimAmount} of the appeal's process (running or ended), when the client stated one. */
  BigDecimal claimAmount(String processInstanceId) {
    if (processInstanceId == null) {
      return null;
    }
    HistoricVariableInstance v = history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName(ClaimAmount.VARIABLE).list().stream().findFirst().orElse(null);
    return v == null ? null : ClaimAmount.of(v.getValue());
  }
}
