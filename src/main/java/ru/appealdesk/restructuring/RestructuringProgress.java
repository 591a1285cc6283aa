package ru.appealdesk.restructuring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code ${restructuringProgress.record(execution, 'STATUS')}} on the steps of {@code kz-restructuring}: copies the
 * status and the case's dates from the process into the read model behind the API and the quarterly report. A status
 * starting with {@code CLOSED_} ends the case and lifts the ¶75 "no early-repayment demand" flag.
 */
@Component("restructuringProgress")
public class RestructuringProgress {

  /** process variable → column of restructuring_case */
  private static final Map<String, String> COLUMNS = Map.ofEntries(
      Map.entry("mandatory", "mandatory"),
      Map.entry("minimumMonths", "minimum_months"),
      Map.entry("documentsRequestedAt", "documents_requested_at"),
      Map.entry("documentsReceivedAt", "documents_received_at"),
      Map.entry("decisionDueAt", "decision_due_at"),
      Map.entry("decisionType", "decision_type"),
      Map.entry("decisionOptionCodes", "decision_options"),
      Map.entry("decisionMonths", "decision_months"),
      Map.entry("decisionApprovedAt", "decision_approved_at"),
      Map.entry("decisionLate", "decision_late"),
      Map.entry("decisionReceivedAt", "decision_received_at"),
      Map.entry("responseDueAt", "response_due_at"),
      Map.entry("responseWindowExtended", "response_window_extended"),
      Map.entry("clientResponse", "client_response"),
      Map.entry("refusedByOperationOf76", "refused_by_operation_of_76"),
      Map.entry("ombudsmanDueAt", "ombudsman_due_at"),
      Map.entry("ombudsmanNotifiedAt", "ombudsman_notified_at"),
      Map.entry("ombudsmanDecisionAt", "ombudsman_decision_at"),
      Map.entry("ombudsmanDecision", "ombudsman_decision"),
      Map.entry("ombudsmanExecutedAt", "ombudsman_executed_at"));

  private final RestructuringCases cases;

  RestructuringProgress(RestructuringCases cases) {
    this.cases = cases;
  }

  public void record(DelegateExecution execution, String status) {
    Map<String, Object> columns = new LinkedHashMap<>();
    COLUMNS.forEach((variable, column) -> columns.put(column, execution.getVariable(variable)));
    columns.put("status", status);
    if (status.equals("REFUSED_BY_OPERATION_OF_76")) {
      columns.put("refused_at", RestructuringService.now());
    }
    if (status.startsWith("CLOSED_")) {
      columns.put("early_repayment_demand_blocked", false);
      columns.put("closed_at", RestructuringService.now());
    }
    cases.update(execution.getProcessBusinessKey(), columns, RestructuringService.now());
  }

  /** End listener of the DMN task: {@code mandatory}/{@code minimumMonths} from the single result (none = no). */
  public void mandatoryRule(DelegateExecution execution) {
    Object result = execution.getVariable("mandatoryRule");
    boolean mandatory = false;
    Integer months = 0;
    if (result instanceof Map<?, ?> m) {
      mandatory = Vars.bool(m.get("mandatory"));
      Integer min = Vars.integer(m.get("minimumMonths"));
      months = mandatory && min != null ? min : 0;
    }
    execution.setVariable("mandatory", mandatory);
    execution.setVariable("minimumMonths", months);
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
}
