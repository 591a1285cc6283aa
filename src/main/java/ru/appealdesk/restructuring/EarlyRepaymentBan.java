package ru.appealdesk.restructuring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.appealdesk.platform.LatestDecisions;

/**
 * ¶75 (first numbering): while a borrower's application to change the terms is being considered, the company may not
 * demand early repayment of the microcredit. Letters and notices ask here before they go out: {@link #refusal} says
 * why a text may not be sent, or nothing.
 *
 * <p>Whether a text demands early repayment is the deployed decision table {@code kz-early-repayment-demand}
 * (phrases in Russian and Kazakh, editable in Modeler). It is evaluated in memory by the DMN engine, not through the
 * process engine, so the letter's text never lands in the decision history. The borrower is recognised by the case
 * number of the letter (the restructuring case itself, or an appeal about the same contract or IIN), by the contract
 * number or IIN the text mentions, or by the recipient's name.
 */
@Component("earlyRepaymentBan")
public class EarlyRepaymentBan {

  public static final String DECISION_KEY = "kz-early-repayment-demand";

  private final RestructuringCases cases;
  private final JdbcTemplate jdbc;
  private final RepositoryService repository;
  private final LatestDecisions latest;
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  EarlyRepaymentBan(RestructuringCases cases, JdbcTemplate jdbc, RepositoryService repository,
      LatestDecisions latest) {
    this.cases = cases;
    this.jdbc = jdbc;
    this.repository = repository;
    this.latest = latest;
  }

  /**
   * Why this letter may not go out, in Russian for the employee who prepares it, or empty when it may.
   *
   * @param caseNumber the case the letter belongs to (an appeal, a restructuring case, a stand-alone letter)
   * @param recipientName to whom it is addressed
   * @param texts subject, body and any other text of the letter or notice
   */
  public Optional<String> refusal(String caseNumber, String recipientName, String... texts) {
    String text = normalize(String.join(" ", Arrays.stream(texts).filter(Objects::nonNull).toList()));
    if (!demandsEarlyRepayment(text)) {
      return Optional.empty();
    }
    List<String> blocking = blockingCases(caseNumber, recipientName, text);
    if (blocking.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("письмо требует досрочного погашения микрокредита, а заявление заемщика об изменении условий "
        + "договора (" + String.join(", ", blocking) + ") еще рассматривается: в этот период требовать досрочного "
        + "погашения нельзя (п. 75 Политики защиты прав клиентов). Уберите требование из письма или дождитесь "
        + "окончания рассмотрения");
  }

  /** Whether the deployed table reads the (already normalised) text as a demand of early repayment. */
  boolean demandsEarlyRepayment(String normalizedText) {
    if (normalizedText.isBlank()) {
      return false;
    }
    DmnDecisionResult result = dmn.evaluateDecision(decision(),
        Variables.createVariables().putValue("letterText", normalizedText));
    return !result.isEmpty() && Boolean.TRUE.equals(result.getSingleResult().getEntry("earlyRepaymentDemand"));
  }

  /** Open restructuring cases (early repayment blocked) of the letter's borrower. */
  List<String> blockingCases(String caseNumber, String recipientName, String normalizedText) {
    List<Map<String, Object>> blocked = cases.blocked();
    if (blocked.isEmpty()) {
      return List.of();
    }
    String appealContract = null;
    String appealIdDocument = null;
    if (caseNumber != null && !caseNumber.isBlank()) {
      List<Map<String, Object>> appeal = jdbc.queryForList("""
          select a.contract_number, c.id_document from appeal a left join appeal_client c on c.id = a.client_id
          where a.number = ?""", caseNumber.strip());
      if (!appeal.isEmpty()) {
        appealContract = (String) appeal.get(0).get("contract_number");
        appealIdDocument = (String) appeal.get(0).get("id_document");
      }
    }
    String recipient = recipientName == null ? "" : normalize(recipientName);
    List<String> found = new ArrayList<>();
    for (Map<String, Object> row : blocked) {
      String number = (String) row.get("number");
      String contract = (String) row.get("contract_number");
      String iin = (String) row.get("borrower_iin");
      String name = normalize((String) row.get("borrower_full_name"));
      boolean match = number.equals(caseNumber == null ? null : caseNumber.strip())
          || (contract != null && contract.equalsIgnoreCase(appealContract))
          || (iin != null && iin.equals(appealIdDocument))
          || mentions(normalizedText, normalize(contract))
          || mentions(normalizedText, iin)
          || (!name.isBlank() && name.equals(recipient));
      if (match) {
        found.add(number);
      }
    }
    return found;
  }

  private DmnDecision decision() {
    DecisionDefinition definition = latest.of(DECISION_KEY)
        .orElseThrow(() -> new IllegalStateException("Decision " + DECISION_KEY + " is not deployed"));
    return parsed.computeIfAbsent(definition.getId(),
        id -> dmn.parseDecision(DECISION_KEY, repository.getDmnModelInstance(id)));
  }

  /** Lower case, ё as е, one space between words: what the table's phrases are written against. */
  static String normalize(String s) {
    if (s == null) {
      return "";
    }
    return s.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("\\s+", " ").strip();
  }

  /** Whether {@code token} occurs in {@code text} as a whole (not inside a longer number or word). */
  static boolean mentions(String text, String token) {
    if (token == null || token.length() < 3) {
      return false;
    }
    int from = 0;
    while (true) {
      int i = text.indexOf(token, from);
      if (i < 0) {
        return false;
      }
      int end = i + token.length();
      boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
      boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
      if (startOk && endOk) {
        return true;
      }
      from = i + 1;
    }
  }
}
