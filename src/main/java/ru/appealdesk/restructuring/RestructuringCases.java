package ru.appealdesk.restructuring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The table {@code restructuring_case} and its satellites (window extensions). */
@Repository
class RestructuringCases {

  private final JdbcTemplate jdbc;

  RestructuringCases(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  String nextNumber(int year) {
    Long n = jdbc.queryForObject("select nextval('restructuring_number_seq')", Long.class);
    return String.format("KZR-%d-%06d", year, n);
  }

  void insert(String number, String processInstanceId, RestructuringApplication a, String requestedOptions,
      java.math.BigDecimal incomeDropPercent, String intakeGaps, Date now) {
    jdbc.update("""
        insert into restructuring_case (number, process_instance_id, contract_number, borrower_full_name, borrower_iin,
          language, requested_options, received_at, status, early_repayment_demand_blocked, income_drop_percent,
          intake_gaps, created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, 'REGISTERED', true, ?, ?, ?, ?)
        on conflict (number) do nothing""",
        number, processInstanceId, a.contractNumber(), a.borrower().fullName(), a.borrower().iin(), a.language(),
        requestedOptions, Timestamp.from(a.receivedAt().toInstant()), incomeDropPercent, intakeGaps, ts(now), ts(now));
  }

  /** Sets the given columns (names are trusted constants of this package); null values are skipped. */
  void update(String number, Map<String, Object> columns, Date now) {
    List<String> sets = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    columns.forEach((column, value) -> {
      if (value != null) {
        sets.add(column + " = ?");
        args.add(value instanceof Date d ? ts(d) : value);
      }
    });
    sets.add("updated_at = ?");
    args.add(ts(now));
    args.add(number);
    jdbc.update("update restructuring_case set " + String.join(", ", sets) + " where number = ?", args.toArray());
  }

  /** An ombudsman case opened after the case was closed (¶78): open again, with the early-repayment block (¶75). */
  void reopenForOmbudsman(String number, String processInstanceId, Date now) {
    jdbc.update("""
        update restructuring_case set status = 'OMBUDSMAN_CASE', process_instance_id = ?,
          early_repayment_demand_blocked = true, closed_at = null, updated_at = ?
        where number = ?""", processInstanceId, ts(now), number);
  }

  Optional<Map<String, Object>> find(String number) {
    List<Map<String, Object>> rows = jdbc.queryForList("select * from restructuring_case where number = ?", number);
    return rows.isEmpty() ? Optional.empty() : Optional.of(new LinkedHashMap<>(rows.get(0)));
  }

  /** The cases whose borrower may not be asked for early repayment now (¶75): what a letter is checked against. */
  List<Map<String, Object>> blocked() {
    return jdbc.queryForList("""
        select number, contract_number, borrower_iin, borrower_full_name from restructuring_case
        where early_repayment_demand_blocked""");
  }

  void insertExtension(String number, Date at, int days, Date previousDue, Date newDue, String clientConsent,
      Date clientConsentAt, String companyConsentBy, String companyConsent, String comment) {
    jdbc.update("""
        insert into restructuring_window_extension (case_number, extended_at, days, previous_due_at, new_due_at,
          client_consent, client_consent_at, company_consent_by, company_consent, comment)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", number, ts(at), days, ts(previousDue), ts(newDue), clientConsent,
        ts(clientConsentAt), companyConsentBy, companyConsent, comment);
  }

  List<Map<String, Object>> extensions(String number) {
    return jdbc.queryForList("""
        select extended_at, days, previous_due_at, new_due_at, client_consent, client_consent_at, company_consent_by,
               company_consent, comment
        from restructuring_window_extension where case_number = ? order by id""", number);
  }

  JdbcTemplate jdbc() {
    return jdbc;
  }

  static Timestamp ts(Date d) {
    return d == null ? null : Timestamp.from(d.toInstant());
  }

  static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
