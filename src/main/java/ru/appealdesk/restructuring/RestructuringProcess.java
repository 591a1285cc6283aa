package ru.appealdesk.restructuring;

/** Names shared by bpmn/kz-restructuring.bpmn, its forms and the Java side. */
public final class RestructuringProcess {

  public static final String KEY = "kz-restructuring";

  public static final String MSG_DOCUMENTS_RECEIVED = "DocumentsReceived";
  public static final String MSG_CLIENT_RESPONDED = "ClientResponded";
  public static final String MSG_RESPONSE_WINDOW_EXTENDED = "ResponseWindowExtended";
  public static final String MSG_OMBUDSMAN_NOTIFIED = "OmbudsmanNotified";
  /** Starts a new instance for a case that closed before the borrower's ombudsman notice came (¶78). */
  public static final String MSG_LATE_OMBUDSMAN_NOTICE = "LateOmbudsmanNotice";

  public static final String TASK_REVIEW = "Task_ReviewApplication";
  /** Consideration suspended until the requested documents come (¶75, second numbering). */
  public static final String SUSPENDED_FOR_DOCUMENTS = "SubProcess_DocumentsSuspended";
  public static final String TASK_REMIND_DOCUMENTS = "Task_RemindAboutDocuments";
  public static final String TASK_PREPARE_DECISION = "Task_PrepareDecision";
  public static final String TASK_APPROVE_DECISION = "Task_ApproveDecision";
  public static final String TASK_DELIVER_DECISION = "Task_DeliverDecision";
  public static final String TASK_AWAIT_CLIENT_RESPONSE = "Task_AwaitClientResponse";
  public static final String TASK_CHANGE_CONTRACT = "Task_ChangeContract";
  public static final String TASK_NOTIFY_REFUSAL = "Task_NotifyRefusalBy76";
  public static final String TASK_AWAIT_OMBUDSMAN = "Task_AwaitOmbudsmanNotice";
  public static final String TASK_RECORD_OMBUDSMAN = "Task_RecordOmbudsmanDecision";
  public static final String TASK_EXECUTE_OMBUDSMAN = "Task_ExecuteOmbudsmanDecision";

  /** Decision types of ¶73. */
  public enum DecisionType { AGREEMENT, COUNTER_PROPOSAL, REFUSAL }

  /** The borrower's answer to a counter-proposal. */
  public enum ClientResponse { ACCEPT, REJECT, COUNTER }

  private RestructuringProcess() {}
}
