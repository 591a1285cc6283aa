package ru.appealdesk.restructuring;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.appealdesk.casefile.CaseDocument;
import ru.appealdesk.deadline.SlaBreach;

/** The JSON of {@code GET /api/restructurings/{number}}: status, deadlines, decision, the ¶75 flag, ombudsman case. */
final class RestructuringView {

  private RestructuringView() {}

  static Map<String, Object> of(Map<String, Object> row, List<Map<String, Object>> extensions,
      List<SlaBreach> breaches, List<CaseDocument> documents) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("number", row.get("number"));
    v.put("status", row.get("status"));
    v.put("earlyRepaymentDemandBlocked", row.get("early_repayment_demand_blocked"));
    v.put("contractNumber", row.get("contract_number"));
    v.put("borrower", Map.of("fullName", row.get("borrower_full_name"), "iin", row.get("borrower_iin")));
    v.put("language", row.get("language"));
    v.put("requestedOptions", codes(row.get("requested_options")));
    v.put("missing", codes(row.get("intake_gaps")));
    v.put("receivedAt", time(row.get("received_at")));
    v.put("incomeDropPercent", row.get("income_drop_percent"));
    v.put("mandatoryAgreement", row.get("mandatory"));
    v.put("minimumMonths", row.get("minimum_months"));
    v.put("requiredOption", row.get("required_option"));
    v.put("feesWaived", row.get("fees_waived"));

    Map<String, Object> deadlines = new LinkedHashMap<>();
    deadlines.put("documentsRequestedAt", time(row.get("documents_requested_at")));
    deadlines.put("documentsReceivedAt", time(row.get("documents_received_at")));
    deadlines.put("documentsReminders", row.get("documents_reminders"));
    deadlines.put("documentsLastReminderAt", time(row.get("documents_last_reminder_at")));
    deadlines.put("decisionDueAt", time(row.get("decision_due_at")));
    deadlines.put("firstDecisionReceivedAt", time(row.get("first_decision_received_at")));
    deadlines.put("clientResponseDueAt", time(row.get("response_due_at")));
    deadlines.put("responseWindowExtended", row.get("response_window_extended"));
    deadlines.put("responseWindowExtensions", extensions.stream().map(RestructuringView::extension).toList());
    deadlines.put("ombudsmanNoticeDueAt", time(row.get("ombudsman_due_at")));
    deadlines.put("breaches", breaches.stream().map(b -> Map.of("step", b.getStep(),
        "dueAt", b.getDueAt().atZone(Vars.ALMATY).toOffsetDateTime().toString(),
        "breachedAt", b.getBreachedAt().atZone(Vars.ALMATY).toOffsetDateTime().toString())).toList());
    v.put("deadlines", deadlines);

    Map<String, Object> decision = new LinkedHashMap<>();
    decision.put("type", row.get("decision_type"));
    decision.put("options", codes(row.get("decision_options")));
    decision.put("months", row.get("decision_months"));
    decision.put("feesWaived", row.get("decision_fees_waived"));
    decision.put("differsFromRequest", row.get("decision_differs_from_request"));
    decision.put("addedOptions", codes(row.get("decision_added_options")));
    decision.put("droppedOptions", codes(row.get("decision_dropped_options")));
    decision.put("differenceReason", blankToNull(row.get("decision_difference_reason")));
    decision.put("approvedAt", time(row.get("decision_approved_at")));
    decision.put("late", row.get("decision_late"));
    decision.put("receivedByClientAt", time(row.get("decision_received_at")));
    decision.put("clientResponse", row.get("client_response"));
    decision.put("refusedByOperationOf76", row.get("refused_by_operation_of_76"));
    v.put("decision", decision);

    Map<String, Object> ombudsman = new LinkedHashMap<>();
    ombudsman.put("notifiedAt", time(row.get("ombudsman_notified_at")));
    ombudsman.put("noticeLate", row.get("ombudsman_notice_late"));
    ombudsman.put("decisionAt", time(row.get("ombudsman_decision_at")));
    ombudsman.put("decision", row.get("ombudsman_decision"));
    ombudsman.put("outcome", row.get("ombudsman_outcome"));
    ombudsman.put("executionRequired", row.get("ombudsman_execution_required"));
    ombudsman.put("executionDueAt", time(row.get("ombudsman_execution_due_at")));
    ombudsman.put("executedAt", time(row.get("ombudsman_executed_at")));
    ombudsman.put("executedLate", row.get("ombudsman_executed_late"));
    ombudsman.put("closedAt", time(row.get("ombudsman_closed_at")));
    v.put("ombudsmanCase", ombudsman);

    v.put("documents", documents.stream().map(d -> Map.of("id", d.id(), "fileName", d.fileName(),
        "contentType", d.contentType(), "sizeBytes", d.sizeBytes(), "sha256", d.sha256(),
        "uploadedAt", d.uploadedAt().atZone(Vars.ALMATY).toOffsetDateTime().toString())).toList());
    v.put("closedAt", time(row.get("closed_at")));
    return v;
  }

  private static Map<String, Object> extension(Map<String, Object> e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("extendedAt", time(e.get("extended_at")));
    m.put("days", e.get("days"));
    m.put("previousDueAt", time(e.get("previous_due_at")));
    m.put("newDueAt", time(e.get("new_due_at")));
    m.put("clientConsent", e.get("client_consent"));
    m.put("clientConsentAt", time(e.get("client_consent_at")));
    m.put("companyConsentBy", e.get("company_consent_by"));
    m.put("companyConsent", e.get("company_consent"));
    m.put("comment", e.get("comment"));
    return m;
  }

  private static Object blankToNull(Object o) {
    return o == null || o.toString().isBlank() ? null : o;
  }

  private static List<String> codes(Object csv) {
    return csv == null || csv.toString().isBlank() ? List.of() : Arrays.asList(csv.toString().split(","));
  }

  static String time(Object ts) {
    if (ts instanceof Timestamp t) {
      return t.toInstant().atZone(Vars.ALMATY).toOffsetDateTime().toString();
    }
    if (ts instanceof java.time.OffsetDateTime o) {
      return o.atZoneSameInstant(Vars.ALMATY).toOffsetDateTime().toString();
    }
    return ts == null ? null : ts.toString();
  }
}
