package ru.appealdesk.restructuring;

import java.util.Set;
import ru.appealdesk.platform.VariableNames;

/**
 * The process variables of {@code kz-restructuring} that its diagram reads in expressions, by name. A contract test
 * ({@code modeling.DiagramVariablesTest}) checks that every {@code ${…}} of the diagram is one of these or a Spring
 * bean, so a variable renamed in the diagram or in Java fails the build instead of a running application.
 */
public final class RestructuringVariables {

  private RestructuringVariables() {}

  public static final String JURISDICTION = "jurisdiction";
  // --- the review and the suspension until documents (¶75)
  public static final String DOCUMENTS_NEEDED = "documentsNeeded";
  public static final String DOCUMENTS_RECEIVED_AT = "documentsReceivedAt";
  public static final String SUSPENSION_ACTION = "suspensionAction";
  // --- the decision and its approval (¶74, ¶76)
  public static final String DECISION_CLOCK_START_AT = "decisionClockStartAt";
  public static final String DECISION_DUE_AT = "decisionDueAt";
  public static final String DECISION_TYPE = "decisionType";
  public static final String DECISION_APPROVED = "decisionApproved";
  public static final String DECISION_RECEIVED_AT = "decisionReceivedAt";
  public static final String FIRST_DECISION_RECEIVED_AT = "firstDecisionReceivedAt";
  public static final String REFUSAL_RECEIVED_AT = "refusalReceivedAt";
  // --- the client's answer and its window (¶76)
  public static final String RESPONSE_DUE_AT = "responseDueAt";
  public static final String CLIENT_RESPONSE = "clientResponse";
  public static final String CLIENT_RESPONDED_AT = "clientRespondedAt";
  public static final String EXTENSION_DAYS = "extensionDays";
  // --- the ombudsman (¶78)
  public static final String OMBUDSMAN_DUE_AT = "ombudsmanDueAt";
  public static final String OMBUDSMAN_EXECUTION_REQUIRED = "ombudsmanExecutionRequired";
  public static final String OMBUDSMAN_EXECUTION_DUE_AT = "ombudsmanExecutionDueAt";

  public static Set<String> all() {
    return VariableNames.declaredIn(RestructuringVariables.class);
  }
}
