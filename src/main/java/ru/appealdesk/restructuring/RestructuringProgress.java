package ru.appealdesk.restructuring;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import ru.appealdesk.deadline.DeadlineTexts;
import ru.appealdesk.deadline.Jurisdiction;

/**
 * {@code ${restructuringProgress.record(execution, 'STATUS')}} on the steps of {@code kz-restructuring}: copies the
 * status and the case's dates from the process into the read model behind the API and the quarterly report. A status
 * starting with {@code CLOSED_} ends the case and lifts the ¶75 "no early-repayment demand" flag; no other status does
 * (a case suspended until documents arrive keeps the flag).
 */
@Component("restructuringProgress")
public class RestructuringProgress {

  /** process variable → column of restructuring_case */
  private static final Map<String, String> COLUMNS = Map.ofEntries(
      Map.entry("requestedOptionCodes", "requested_options"),
      Map.entry("incomeDropPercent", "income_drop_percent"),
      Map.entry("intakeGaps", "intake_gaps"),
      Map.entry("mandatory", "mandatory"),
      Map.entry("minimumMonths", "minimum_months"),
      Map.entry("requiredOption", "required_option"),
      Map.entry("feesWaived", "fees_waived"),
      Map.entry("documentsRequestedAt", "documents_requested_at"),
      Map.entry("documentsReceivedAt", "documents_received_at"),
      Map.entry("documentsReminders", "documents_reminders"),
      Map.entry("documentsLastReminderAt", "documents_last_reminder_at"),
      Map.entry("decisionDueAt", "decision_due_at"),
      Map.entry("decisionType", "decision_type"),
      Map.entry("decisionOptionCodes", "decision_options"),
      Map.entry("decisionMonths", "decision_months"),
      Map.entry("decisionFeesWaived", "decision_fees_waived"),
      Map.entry("decisionDiffersFromRequest", "decision_differs_from_request"),
      Map.entry("decisionAddedOptions", "decision_added_options"),
      Map.entry("decisionDroppedOptions", "decision_dropped_options"),
      Map.entry("decisionDifferenceReason", "decision_difference_reason"),
      Map.entry("decisionApprovedAt", "decision_approved_at"),
      Map.entry("decisionLate", "decision_late"),
      Map.entry("decisionReceivedAt", "decision_received_at"),
      Map.entry("firstDecisionReceivedAt", "first_decision_received_at"),
      Map.entry("responseDueAt", "response_due_at"),
      Map.entry("responseWindowExtended", "response_window_extended"),
      Map.entry("responseWindowExtensions", "response_window_extensions"),
      Map.entry("clientResponse", "client_response"),
      Map.entry("refusedByOperationOf76", "refused_by_operation_of_76"),
      Map.entry("ombudsmanDueAt", "ombudsman_due_at"),
      Map.entry("ombudsmanNotifiedAt", "ombudsman_notified_at"),
      Map.entry("ombudsmanNoticeLate", "ombudsman_notice_late"),
      Map.entry("ombudsmanDecisionAt", "ombudsman_decision_at"),
      Map.entry("ombudsmanDecision", "ombudsman_decision"),
      Map.entry("ombudsmanOutcome", "ombudsman_outcome"),
      Map.entry("ombudsmanExecutionRequired", "ombudsman_execution_required"),
      Map.entry("ombudsmanExecutionDueAt", "ombudsman_execution_due_at"),
      Map.entry("ombudsmanExecutedAt", "ombudsman_executed_at"),
      Map.entry("ombudsmanExecutedLate", "ombudsman_executed_late"));

  private final RestructuringCases cases;

  RestructuringProgress(RestructuringCases cases) {
    this.cases = cases;
  }

  /**
   * Dates the forms show, as people read them (local time of Almaty, {@code dd.MM.yyyy HH:mm}), in variables
   * {@code <date>Text}. The clocks' deadlines ({@code decisionDueAt}, {@code ombudsmanExecutionDueAt}) get their text
   * from {@link RestructuringClocks} (marked provisional when counted without a calendar) and only are filled here when
   * a case has none yet (a reopened ombudsman case).
   */
  private static final List<String> DATE_TEXTS = List.of("receivedAt", "documentsRequestedAt", "documentsReceivedAt",
      "responseDueAt", "ombudsmanDueAt", "ombudsmanNotifiedAt");
  private static final List<String> CLOCK_TEXTS = List.of("decisionDueAt", "ombudsmanExecutionDueAt");

  static void dateTexts(DelegateExecution execution) {
    for (String v : DATE_TEXTS) {
      Date d = Vars.date(execution.getVariable(v));
      execution.setVariable(v + "Text", d == null ? null : DeadlineTexts.dateTime(d.toInstant(), Jurisdiction.KZ));
    }
    for (String v : CLOCK_TEXTS) {
      Date d = Vars.date(execution.getVariable(v));
      if (d != null && execution.getVariable(v + "Text") == null) {
        execution.setVariable(v + "Text", DeadlineTexts.dateTime(d.toInstant(), Jurisdiction.KZ));
      }
    }
  }

  public void record(DelegateExecution execution, String status) {
    dateTexts(execution);
    Map<String, Object> columns = new LinkedHashMap<>();
    COLUMNS.forEach((variable, column) -> columns.put(column, execution.getVariable(variable)));
    columns.put("status", status);
    Date now = RestructuringService.now();
    if (status.equals("REFUSED_BY_OPERATION_OF_76")) {
      columns.put("refused_at", now);
    }
    if (status.equals("CLOSED_OMBUDSMAN")) {
      columns.put("ombudsman_closed_at", now);
    }
    if (status.startsWith("CLOSED_")) {
      columns.put("early_repayment_demand_blocked", false);
      columns.put("closed_at", now);
    }
    cases.update(execution.getProcessBusinessKey(), columns, now);
  }

  /**
   * End listener of the DMN task: {@code mandatory}, {@code minimumMonths}, {@code requiredOption} and
   * {@code feesWaived} from the single result (none = not mandatory).
   */
  public void mandatoryRule(DelegateExecution execution) {
    Object result = execution.getVariable("mandatoryRule");
    boolean mandatory = false;
    Integer months = 0;
    String requiredOption = null;
    boolean feesWaived = false;
    if (result instanceof Map<?, ?> m) {
      mandatory = Vars.bool(m.get("mandatory"));
      Integer min = Vars.integer(m.get("minimumMonths"));
      months = mandatory && min != null ? min : 0;
      requiredOption = mandatory ? Vars.string(m.get("requiredOption")) : null;
      feesWaived = mandatory && Vars.bool(m.get("feesWaived"));
    }
    execution.setVariable("mandatory", mandatory);
    execution.setVariable("minimumMonths", months);
    execution.setVariable("requiredOption", requiredOption);
    execution.setVariable("feesWaived", feesWaived);
  }

  /**
   * The service task of the extension event subprocess (¶76): the window of the negotiation now ends at
   * {@code newDue} (computed in the diagram); the extension is recorded with both sides' consent, and the timer that
   * watches the window ({@code timerId}, when the case is waiting for the client right now) moves with it.
   */
  public void windowExtended(DelegateExecution execution, Date newDue, String timerId) {
    DelegateExecution instance = execution.getProcessInstance();
    Date previous = Vars.date(instance.getVariable("responseDueAt"));
    Integer count = Vars.integer(instance.getVariable("responseWindowExtensions"));
    int extensions = (count == null ? 0 : count) + 1;
    instance.setVariable("responseDueAt", newDue);
    instance.setVariable("responseDueAtText", DeadlineTexts.dateTime(newDue.toInstant(), Jurisdiction.KZ));
    instance.setVariable("responseWindowExtended", true);
    instance.setVariable("responseWindowExtensions", extensions);
    Date now = RestructuringService.now();
    String number = execution.getProcessBusinessKey();
    cases.insertExtension(number, now, Vars.integer(execution.getVariable("extensionDays")), previous, newDue,
        Vars.string(execution.getVariable("extensionClientConsent")),
        Vars.date(execution.getVariable("extensionClientConsentAt")),
        Vars.string(execution.getVariable("extensionCompanyConsentBy")),
        Vars.string(execution.getVariable("extensionCompanyConsent")),
        Vars.string(execution.getVariable("extensionComment")));
    ManagementService management = execution.getProcessEngineServices().getManagementService();
    management.createJobQuery().processInstanceId(execution.getProcessInstanceId()).activityId(timerId).list()
        .forEach(job -> management.setJobDuedate(job.getId(), newDue));
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("response_due_at", newDue);
    columns.put("response_window_extended", true);
    columns.put("response_window_extensions", extensions);
    cases.update(number, columns, now);
  }

  /**
   * First step of a late ombudsman notice (¶73, ¶78): the case had closed after the 15 days; its ombudsman case is
   * opened again in a new process instance with the case's essentials for the forms.
   */
  public void reopenForOmbudsman(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    Map<String, Object> row = cases.find(number).orElseThrow(() -> new IllegalStateException("No case " + number));
    execution.setVariable("caseNumber", number);
    execution.setVariable("jurisdiction", "KZ");
    execution.setVariable("language", row.get("language"));
    execution.setVariable("contractNumber", row.get("contract_number"));
    execution.setVariable("borrowerFullName", row.get("borrower_full_name"));
    execution.setVariable("borrowerIin", row.get("borrower_iin"));
    execution.setVariable("receivedAt", date(row.get("received_at")));
    execution.setVariable("decisionDueAt", date(row.get("decision_due_at")));
    execution.setVariable("decisionType", row.get("decision_type"));
    execution.setVariable("ombudsmanDueAt", date(row.get("ombudsman_due_at")));
    cases.reopenForOmbudsman(number, execution.getProcessInstanceId(), RestructuringService.now());
    record(execution, "OMBUDSMAN_CASE");
  }

  /** End listener of the process: whatever way it ended (also cancellation), the ¶75 flag is lifted. */
  public void ended(DelegateExecution execution) {
    cases.find(execution.getProcessBusinessKey()).ifPresent(row -> {
      if (Boolean.TRUE.equals(row.get("early_repayment_demand_blocked"))) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("early_repayment_demand_blocked", false);
        columns.put("closed_at", RestructuringService.now());
        if (!String.valueOf(row.get("status")).startsWith("CLOSED_")) {
          columns.put("status", "CLOSED_CANCELLED");
        }
        cases.update(execution.getProcessBusinessKey(), columns, RestructuringService.now());
      }
    });
  }

  private static Date date(Object ts) {
    return ts instanceof java.sql.Timestamp t ? new Date(t.getTime()) : null;
  }
}
