package ru.appealdesk.restructuring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.appealdesk.platform.BadRequestException;

/**
 * The client-rights officer's quarterly figures on restructuring (¶79): applications, decisions by type, time to
 * decision, deadline breaches and ombudsman cases with their execution (¶78). Each figure counts the events of the
 * quarter (Asia/Almaty): an application by its receipt, a decision by its approval, a breach by its moment, an
 * ombudsman case by the notice, an execution by its date. The list of ombudsman cases holds every case that was open
 * with the ombudsman at some moment of the quarter, as it stood at the quarter's end.
 */
@Service
public class RestructuringReport {

  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

  private final RestructuringCases cases;

  RestructuringReport(RestructuringCases cases) {
    this.cases = cases;
  }

  /** One figure: a stable code, the Russian label the officer reads, the value. */
  public record Figure(String code, String label, Object value) {}

  /** One ombudsman case (no personal data: the case number only). */
  public record OmbudsmanCase(String caseNumber, String notifiedAt, boolean noticeLate, String decisionAt,
      String outcome, Boolean executionRequired, String executionDueAt, String executedAt, String executionStatus) {}

  public record QuarterReport(String quarter, ZonedDateTime from, ZonedDateTime to, List<Figure> figures,
      List<OmbudsmanCase> ombudsmanCases) {

    /** The figures as a JSON object (code → value). */
    public Map<String, Object> values() {
      Map<String, Object> m = new LinkedHashMap<>();
      figures.forEach(f -> m.put(f.code(), f.value()));
      return m;
    }
  }

  @Transactional(readOnly = true)
  public QuarterReport quarter(String quarter) {
    Matcher m = quarter == null ? null : QUARTER.matcher(quarter.trim());
    if (m == null || !m.matches()) {
      throw new BadRequestException("quarter", "квартал в виде ГГГГ-QN, например 2026-Q4");
    }
    int year = Integer.parseInt(m.group(1));
    int q = Integer.parseInt(m.group(2));
    ZonedDateTime from = LocalDate.of(year, (q - 1) * 3 + 1, 1).atStartOfDay(Vars.ALMATY);
    ZonedDateTime to = from.plusMonths(3);
    Timestamp f = Timestamp.from(from.toInstant());
    Timestamp t = Timestamp.from(to.toInstant());
    // what is "still open" or "overdue" is told as of the quarter's end, or as of now for the running quarter
    Timestamp asOf = Timestamp.from(RestructuringService.now().toInstant().isBefore(to.toInstant())
        ? RestructuringService.now().toInstant() : to.toInstant());
    var jdbc = cases.jdbc();

    Map<String, Object> received = jdbc.queryForMap("""
        select count(*) as total, count(*) filter (where mandatory) as mandatory
        from restructuring_case where received_at >= ? and received_at < ?""", f, t);
    Map<String, Object> decided = jdbc.queryForMap("""
        select count(*) as total,
               count(*) filter (where decision_type = 'AGREEMENT') as agreements,
               count(*) filter (where decision_type = 'AGREEMENT' and mandatory) as mandatory_agreements,
               count(*) filter (where decision_type = 'COUNTER_PROPOSAL') as counter_proposals,
               count(*) filter (where decision_type = 'REFUSAL') as refusals,
               count(*) filter (where decision_late) as late,
               avg(extract(epoch from decision_approved_at - received_at) / 86400) as avg_days,
               max(extract(epoch from decision_approved_at - received_at) / 86400) as max_days
        from restructuring_case where decision_approved_at >= ? and decision_approved_at < ?""", f, t);
    Long refused76 = jdbc.queryForObject("""
        select count(*) from restructuring_case
        where refused_by_operation_of_76 and refused_at >= ? and refused_at < ?""", Long.class, f, t);
    Long breaches = jdbc.queryForObject("""
        select count(*) from sla_breach b join restructuring_case c on c.number = b.case_number
        where b.breached_at >= ? and b.breached_at < ?""", Long.class, f, t);
    Map<String, Object> ombudsman = jdbc.queryForMap("""
        select count(*) filter (where ombudsman_notified_at >= ? and ombudsman_notified_at < ?) as notices,
               count(*) filter (where ombudsman_notified_at >= ? and ombudsman_notified_at < ?
                                  and ombudsman_notice_late) as notices_late,
               count(*) filter (where ombudsman_decision_at >= ? and ombudsman_decision_at < ?) as decisions,
               count(*) filter (where ombudsman_decision_at >= ? and ombudsman_decision_at < ?
                                  and ombudsman_outcome in ('UPHELD', 'PARTIALLY_UPHELD')) as for_client,
               count(*) filter (where ombudsman_executed_at >= ? and ombudsman_executed_at < ?) as executed,
               count(*) filter (where ombudsman_executed_at >= ? and ombudsman_executed_at < ?
                                  and ombudsman_executed_late) as executed_late,
               count(*) filter (where ombudsman_notified_at < ?
                                  and (ombudsman_closed_at is null or ombudsman_closed_at >= ?)) as open,
               count(*) filter (where ombudsman_execution_required and ombudsman_decision_at < ?
                                  and ombudsman_execution_due_at + interval '1 day' <= ?
                                  and (ombudsman_executed_at is null or ombudsman_executed_at > ?)) as overdue
        from restructuring_case where ombudsman_notified_at is not null""",
        f, t, f, t, f, t, f, t, f, t, f, t, t, t, asOf, asOf, asOf);
    Map<String, Object> negotiation = jdbc.queryForMap("""
        select count(*) filter (where decision_approved_at >= ? and decision_approved_at < ?
                                  and decision_type = 'AGREEMENT' and decision_differs_from_request) as agreements_differing,
               (select count(*) from restructuring_window_extension e
                 where e.extended_at >= ? and e.extended_at < ?) as extensions,
               count(*) filter (where documents_requested_at < ? and status = 'DOCUMENTS_REQUESTED'
                                  and (closed_at is null or closed_at >= ?)) as suspended
        from restructuring_case""", f, t, f, t, t, t);
    Long openCases = jdbc.queryForObject("""
        select count(*) from restructuring_case where received_at < ? and (closed_at is null or closed_at >= ?)""",
        Long.class, t, t);

    List<Figure> figures = List.of(
        new Figure("applicationsReceived", "Поступило заявлений об изменении условий договора", received.get("total")),
        new Figure("applicationsMandatory", "Из них с обязательным согласием (п. 74)", received.get("mandatory")),
        new Figure("decisionsTotal", "Принято (согласовано ДЛПК) решений", decided.get("total")),
        new Figure("decisionsAgreement", "Решений о согласии", decided.get("agreements")),
        new Figure("decisionsAgreementMandatory", "Из них обязательных по п. 74", decided.get("mandatory_agreements")),
        new Figure("decisionsCounterProposal", "Встречных предложений", decided.get("counter_proposals")),
        new Figure("decisionsRefusal", "Мотивированных отказов", decided.get("refusals")),
        new Figure("refusalsByOperationOf76", "Отказов в силу п. 76 (нет взаимоприемлемого решения за 30 дней)",
            refused76),
        new Figure("averageDaysToDecision", "Среднее время до решения, календарных дней", days(decided.get("avg_days"))),
        new Figure("maxDaysToDecision", "Наибольшее время до решения, календарных дней", days(decided.get("max_days"))),
        new Figure("decisionsLate", "Решений позже 15-дневного срока", decided.get("late")),
        new Figure("deadlineBreaches", "Нарушений сроков этапов (эскалаций)", breaches),
        new Figure("decisionsAgreementDifferingFromRequest",
            "Согласий, отличающихся от запрошенного (с обоснованием, п. 74)", negotiation.get("agreements_differing")),
        new Figure("responseWindowExtensions", "Продлений 30-дневного срока по согласию сторон (п. 76)",
            negotiation.get("extensions")),
        new Figure("suspendedForDocumentsAtQuarterEnd",
            "Рассмотрение приостановлено до получения документов на конец квартала", negotiation.get("suspended")),
        new Figure("ombudsmanNotices", "Уведомлений об обращении к микрофинансовому омбудсману", ombudsman.get("notices")),
        new Figure("ombudsmanNoticesLate", "Из них после 15-дневного срока", ombudsman.get("notices_late")),
        new Figure("ombudsmanDecisions", "Решений омбудсмана получено", ombudsman.get("decisions")),
        new Figure("ombudsmanDecisionsForClient", "Из них полностью или частично в пользу клиента",
            ombudsman.get("for_client")),
        new Figure("ombudsmanDecisionsExecuted", "Решений омбудсмана исполнено", ombudsman.get("executed")),
        new Figure("ombudsmanDecisionsExecutedLate", "Из них исполнено позже срока", ombudsman.get("executed_late")),
        new Figure("ombudsmanExecutionOverdue", "Решений омбудсмана с просроченным исполнением на конец квартала",
            ombudsman.get("overdue")),
        new Figure("ombudsmanCasesOpen", "Дел у омбудсмана не завершено на конец квартала", ombudsman.get("open")),
        new Figure("casesOpenAtQuarterEnd", "Заявлений в работе на конец квартала", openCases));
    return new QuarterReport(year + "-Q" + q, from, to, figures, ombudsmanCases(f, t, asOf));
  }

  /** Every ombudsman case open at some moment of the quarter, as it stood at {@code asOf}. */
  private List<OmbudsmanCase> ombudsmanCases(Timestamp f, Timestamp t, Timestamp asOf) {
    return cases.jdbc().query("""
        select number, ombudsman_notified_at, ombudsman_notice_late, ombudsman_decision_at, ombudsman_outcome,
               ombudsman_execution_required, ombudsman_execution_due_at, ombudsman_executed_at, ombudsman_executed_late,
               ombudsman_closed_at
        from restructuring_case
        where ombudsman_notified_at < ? and (ombudsman_closed_at is null or ombudsman_closed_at >= ?)
        order by ombudsman_notified_at, number""", (rs, i) -> {
          Timestamp decided = before(rs.getTimestamp("ombudsman_decision_at"), t);
          Timestamp executed = before(rs.getTimestamp("ombudsman_executed_at"), t);
          Timestamp due = rs.getTimestamp("ombudsman_execution_due_at");
          Boolean required = decided == null ? null : (Boolean) rs.getObject("ombudsman_execution_required");
          String status;
          if (decided == null) {
            status = "AWAITING_DECISION";
          } else if (!Boolean.TRUE.equals(required)) {
            status = "NO_EXECUTION_REQUIRED";
          } else if (executed != null) {
            status = Boolean.TRUE.equals(rs.getObject("ombudsman_executed_late")) ? "EXECUTED_LATE" : "EXECUTED";
          } else {
            status = due != null && due.getTime() + 24L * 3600 * 1000 <= asOf.getTime() ? "EXECUTION_OVERDUE"
                : "EXECUTION_PENDING";
          }
          return new OmbudsmanCase(rs.getString("number"), RestructuringView.time(rs.getTimestamp("ombudsman_notified_at")),
              rs.getBoolean("ombudsman_notice_late"), RestructuringView.time(decided),
              decided == null ? null : rs.getString("ombudsman_outcome"), required,
              decided == null ? null : RestructuringView.time(due), RestructuringView.time(executed), status);
        }, t, f);
  }

  private static Timestamp before(Timestamp ts, Timestamp end) {
    return ts != null && ts.before(end) ? ts : null;
  }

  private static BigDecimal days(Object value) {
    return value == null ? null : new BigDecimal(value.toString()).setScale(1, RoundingMode.HALF_UP);
  }
}
