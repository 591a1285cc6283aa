package ru.appealdesk.retention;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ru.appealdesk.deadline.Now;

/**
 * Anonymises the personal data of closed cases whose retention period ({@link RetentionProperties#period()}, default
 * five years after closing) has passed: in the application's tables and in the engine's history (historic variables
 * of the case's process instances, except the few that carry no personal data, see {@link #KEPT_VARIABLES}). The case
 * number, its dates, statuses, routing, deadlines, breaches and so every figure of the reports stay.
 *
 * <p>Each case is one transaction that first inserts its {@code case_anonymisation} row: a case is never processed
 * twice, and two nodes running the job at once share the cases (the loser of the insert skips). Logs name case
 * numbers and counts only.
 */
@Service
@EnableConfigurationProperties(RetentionProperties.class)
public class Retention {

  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  /** What replaces a required text. */
  static final String PLACEHOLDER = "[обезличено]";

  /**
   * Process variables that stay in the engine's history: identifiers, classification, routing, dates and outcomes.
   * Every other historic variable of an anonymised case (client details, texts, letters, addresses, incomes …) is
   * deleted, so a variable added to a diagram later is removed too unless it is listed here.
   */
  static final Set<String> KEPT_VARIABLES = Set.of("appealNumber", "caseNumber", "jurisdiction", "appealType",
      "subject", "channel", "language", "receivedAt", "registeredAt", "registrationMode", "registrarGroup",
      "registrationDueAt", "responsibleGroup", "coExecutorGroup", "deadlineDays", "deadlineKind", "approvalGroup",
      "answerMethod", "deliveryPath", "deliveredByGroup", "signatoryGroup", "answerDueAt", "deliveredAt",
      "answerOutcome", "refusalGround", "regulatorAuthority", "letterKind", "outgoingNumber", "outgoingDate",
      "decisionType", "decisionDueAt", "mandatory", "minimumMonths");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final HistoryService history;
  private final TransactionTemplate tx;
  private final RetentionProperties properties;
  private final String node;

  Retention(JdbcClient jdbc, HistoryService history, TransactionTemplate tx, RetentionProperties properties,
      @Value("${appealdesk.node.name:}") String node) {
    this.jdbc = jdbc;
    this.history = history;
    this.tx = tx;
    this.properties = properties;
    this.node = node == null || node.isBlank() ? null : node;
  }

  /** What a run did. */
  public record Result(Instant cutoff, String period, int appeals, int restructurings) {
    public int anonymised() {
      return appeals + restructurings;
    }
  }

  /** Cases closed before this instant are due (now minus the period, counted in UTC). */
  public Instant cutoff() {
    return Now.instant().atOffset(ZoneOffset.UTC).minus(properties.period()).toInstant();
  }

  /** Anonymises every case that is due and not yet anonymised. */
  public Result run() {
    Instant cutoff = cutoff();
    int appeals = 0;
    int restructurings = 0;
    for (Kind kind : Kind.values()) {
      // cases another node holds, or that failed, are left out of the next query so the run always moves on
      Set<String> skipped = new java.util.HashSet<>();
      List<Due> due = due(kind, cutoff, skipped);
      while (!due.isEmpty()) {
        for (Due d : due) {
          boolean done;
          try {
            done = Boolean.TRUE.equals(tx.execute(s -> anonymise(kind, d)));
          } catch (RuntimeException e) {
            // the case rolls back alone and is retried by the next run; no message (it may quote a value)
            log.warn("Retention: case {} not anonymised ({}); retried next run", d.number(),
                e.getClass().getSimpleName());
            done = false;
          }
          if (!done) {
            skipped.add(d.number());
          } else if (kind == Kind.APPEAL) {
            appeals++;
          } else {
            restructurings++;
          }
        }
        due = due(kind, cutoff, skipped);
      }
    }
    if (appeals + restructurings > 0) {
      log.info("Retention: {} appeals and {} restructuring cases closed before {} anonymised", appeals,
          restructurings, cutoff);
    }
    return new Result(cutoff, properties.period().toString(), appeals, restructurings);
  }

  enum Kind { APPEAL, RESTRUCTURING }

  record Due(String number, Instant closedAt) {}

  private List<Due> due(Kind kind, Instant cutoff, Set<String> skipped) {
    String table = kind == Kind.APPEAL ? "appeal" : "restructuring_case";
    return jdbc.sql("select t.number, t.closed_at from " + table + " t where t.closed_at < :cutoff"
            + " and not exists (select 1 from case_anonymisation x where x.case_number = t.number)"
            + (skipped.isEmpty() ? "" : " and t.number not in (:skipped)")
            + " order by t.closed_at, t.number limit :limit")
        .param("cutoff", Timestamp.from(cutoff)).param("limit", properties.batchSize())
        .params(skipped.isEmpty() ? java.util.Map.of() : java.util.Map.of("skipped", skipped))
        .query((rs, i) -> new Due(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
  }

  /** One case in the caller's transaction; false when another run has it already. */
  boolean anonymise(Kind kind, Due d) {
    int claimed = jdbc.sql("""
            insert into case_anonymisation (case_number, case_kind, closed_at, anonymised_at, node)
            values (:n, :k, :closed, :now, :node) on conflict (case_number) do nothing""")
        .param("n", d.number()).param("k", kind.name()).param("closed", Timestamp.from(d.closedAt()))
        .param("now", Timestamp.from(Now.instant())).param("node", node).update();
    if (claimed == 0) {
      return false;
    }
    int rows = kind == Kind.APPEAL ? appealRows(d.number()) : restructuringRows(d.number());
    rows += caseRows(d.number());
    int variables = historyVariables(d.number());
    jdbc.sql("update case_anonymisation set app_rows = :r, history_variables = :v where case_number = :n")
        .param("r", rows).param("v", variables).param("n", d.number()).update();
    log.info("Retention: case {} anonymised ({} rows, {} historic variables)", d.number(), rows, variables);
    return true;
  }

  private int appealRows(String number) {
    Long id = jdbc.sql("select id from appeal where number = :n").param("n", number).query(Long.class).single();
    Long client = jdbc.sql("select client_id from appeal where id = :id").param("id", id)
        .query((rs, i) -> (Long) rs.getObject(1)).single();
    int rows = jdbc.sql("""
            update appeal set client_id = null, content = :p, demand = null, situation_place = null,
                   situation_at = null, contract_number = null, information_request = null, refusal_reason = null,
                   answer_text = null, delivery_proof = null, idempotency_key = null, request_hash = null,
                   status_token = :token
             where id = :id""")
        .param("p", PLACEHOLDER).param("token", HexFormat.of().formatHex(randomBytes())).param("id", id).update();
    rows += jdbc.sql("update appeal_status_history set note = null where appeal_id = :id and note is not null")
        .param("id", id).update();
    rows += jdbc.sql("update appeal_conclusion set text = :p where appeal_id = :id").param("p", PLACEHOLDER)
        .param("id", id).update();
    rows += jdbc.sql("update appeal_information set note = null, attachments = null where appeal_id = :id")
        .param("id", id).update();
    if (client != null) {
      // the client's record goes with the last appeal that points to it (a client may have newer cases)
      rows += jdbc.sql("delete from appeal_client c where c.id = :c"
              + " and not exists (select 1 from appeal a where a.client_id = c.id)")
          .param("c", client).update();
    }
    return rows;
  }

  private int restructuringRows(String number) {
    int rows = jdbc.sql("""
            update restructuring_case set borrower_full_name = :p, borrower_iin = '000000000000',
                   contract_number = :p, ombudsman_decision = null, decision_difference_reason = null
             where number = :n""")
        .param("p", PLACEHOLDER).param("n", number).update();
    rows += jdbc.sql("""
            update restructuring_window_extension set client_consent = :p, company_consent = null, comment = null
             where case_number = :n""")
        .param("p", PLACEHOLDER).param("n", number).update();
    return rows;
  }

  /** Rows that any case owns by its number: documents, letters, deliveries, notifications, e-mails. */
  private int caseRows(String number) {
    int rows = jdbc.sql("""
            update case_document set content = ''::bytea, size_bytes = 0, file_name = :p
             where case_number = :n""")
        .param("p", PLACEHOLDER).param("n", number).update();
    rows += jdbc.sql("""
            update outgoing_letter set subject = :p, body = :p, recipient_name = :p, recipient_address = :p
             where case_number = :n""")
        .param("p", PLACEHOLDER).param("n", number).update();
    rows += jdbc.sql("update answer_delivery set recipient = null, proof = :p where case_number = :n")
        .param("p", PLACEHOLDER).param("n", number).update();
    rows += jdbc.sql("""
            update client_notification set recipient = :p, client_name = null, status_url = null, error = null
             where case_number = :n""")
        .param("p", PLACEHOLDER).param("n", number).update();
    rows += jdbc.sql("""
            update mail_outbox set recipient = :p, subject = :p, body = :p, error = null where case_number = :n""")
        .param("p", PLACEHOLDER).param("n", number).update();
    return rows;
  }

  /** Deletes the historic variables of every process instance of the case (business key) except the kept ones. */
  private int historyVariables(String number) {
    List<String> instances = new ArrayList<>();
    for (HistoricProcessInstance pi : history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
        .list()) {
      instances.add(pi.getId());
    }
    if (instances.isEmpty()) {
      return 0;
    }
    int deleted = 0;
    for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances.toArray(String[]::new)).disableBinaryFetching().disableCustomObjectDeserialization()
        .list()) {
      if (!KEPT_VARIABLES.contains(v.getName())) {
        history.deleteHistoricVariableInstance(v.getId());
        deleted++;
      }
    }
    return deleted;
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return b;
  }
}
