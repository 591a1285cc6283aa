package ru.appealdesk.appeal;

import java.util.Set;
import ru.appealdesk.platform.VariableNames;

/**
 * Every process variable of {@code appeal-handling}, by name: what the intake sets, what the decision tables and steps
 * add. A contract test checks that every {@code ${…}} the diagram uses is one of these (or a bean), so a renamed
 * variable fails the build instead of a running case.
 */
public final class AppealVariables {

  private AppealVariables() {}

  // --- the intake (API or Tasklist start form)
  public static final String APPEAL_NUMBER = "appealNumber";
  public static final String JURISDICTION = "jurisdiction";
  public static final String APPEAL_TYPE = "appealType";
  public static final String SUBJECT = "subject";
  public static final String CHANNEL = "channel";
  public static final String LANGUAGE = "language";
  public static final String RECEIVED_AT = "receivedAt";
  public static final String DISCOVERED_AT = "discoveredAt";
  public static final String WRITTEN_ANSWER_REQUESTED = "writtenAnswerRequested";
  public static final String APPLICATION_REASON = "applicationReason";
  public static final String CLAIM_AMOUNT = "claimAmount";
  public static final String REGULATOR_AUTHORITY = "regulatorAuthority";
  public static final String REGULATOR_REFERENCE = "regulatorReference";
  public static final String CLIENT_FULL_NAME = "clientFullName";
  public static final String CLIENT_EMAIL = "clientEmail";
  public static final String CLIENT_PHONE = "clientPhone";
  public static final String CLIENT_POSTAL_ADDRESS = "clientPostalAddress";
  public static final String CLIENT_HAS_EMAIL = "clientHasEmail";
  public static final String SITUATION_PLACE = "situationPlace";
  public static final String SITUATION_AT = "situationAt";
  public static final String CONTRACT_NUMBER = "contractNumber";
  // --- the check and the decision tables
  public static final String DETAILS_COMPLETE = "detailsComplete";
  public static final String MISSING_DETAILS = "missingDetails";
  public static final String REGISTRATION_MODE = "registrationMode";
  public static final String REGISTRAR_GROUP = "registrarGroup";
  public static final String REGISTRATION_DEADLINE_DAYS = "registrationDeadlineDays";
  public static final String REGISTRATION_COUNTS_FROM = "registrationCountsFrom";
  public static final String REGISTRATION_CLOCK_FROM = "registrationClockFrom";
  public static final String REGISTRATION_DUE_AT = "registrationDueAt";
  public static final String RESPONSIBLE_GROUP = "responsibleGroup";
  public static final String CO_EXECUTOR_GROUP = "coExecutorGroup";
  public static final String CO_EXECUTORS_PENDING = "coExecutorsPending";
  public static final String CO_EXECUTOR = "coExecutor";
  public static final String DEADLINE_DAYS = "deadlineDays";
  public static final String DEADLINE_KIND = "deadlineKind";
  public static final String APPROVAL_GROUP = "approvalGroup";
  public static final String ROUTING_BASIS = "routingBasis";
  public static final String ANSWER_METHOD = "answerMethod";
  public static final String ANSWER_METHOD_TEXT = "answerMethodText";
  public static final String DELIVERY_PATH = "deliveryPath";
  public static final String DELIVERED_BY_GROUP = "deliveredByGroup";
  public static final String FOLLOW_UP_CALL = "followUpCall";
  public static final String WRITTEN_ANSWER = "writtenAnswer";
  public static final String APPROVAL_NEEDED = "approvalNeeded";
  public static final String SIGNATORY_GROUP = "signatoryGroup";
  public static final String REQUIRED_DOCUMENTS = "requiredDocuments";
  // --- the steps
  public static final String REGISTERED_AT = "registeredAt";
  public static final String ANSWER_DUE_AT = "answerDueAt";
  public static final String ANSWER_DUE_AT_TEXT = "answerDueAtText";
  public static final String LEGAL_DEADLINE_AT_TEXT = "legalDeadlineAtText";
  public static final String REFUSAL_GROUND = "refusalGround";
  public static final String INFORMATION_WAIT_UNTIL = "informationWaitUntil";
  public static final String INFORMATION_REQUEST_TEXT = "informationRequestText";
  public static final String INFORMATION_RECEIVED_AT = "informationReceivedAt";
  public static final String ANSWER_ACTION = "answerAction";
  public static final String ANSWER_TEXT = "answerText";
  public static final String ANSWER_APPROVED = "answerApproved";
  public static final String ANSWER_SIGNED_BY = "answerSignedBy";
  public static final String DELIVERY_PROOF = "deliveryProof";
  public static final String DELIVERED_AT = "deliveredAt";
  public static final String OUTGOING_NUMBER = "outgoingNumber";
  public static final String BREACH_HELD_BY = "breachHeldBy";
  // --- the display copies the forms show read-only (written from the appeal's tables, see DISPLAY_COPIES)
  public static final String CLIENT_ADDRESS = "clientAddress";
  public static final String CLIENT_POSTAL_CODE = "clientPostalCode";
  public static final String CLIENT_ID_DOCUMENT = "clientIdDocument";
  public static final String CLIENT_TEXT = "clientText";
  public static final String APPEAL_CONTENT = "appealContent";
  public static final String APPEAL_DEMAND = "appealDemand";
  public static final String APPEAL_TYPE_TEXT = "appealTypeText";
  public static final String SUBJECT_TEXT = "subjectText";
  public static final String CHANNEL_TEXT = "channelText";
  public static final String RECEIVED_AT_TEXT = "receivedAtText";
  public static final String SITUATION_AT_TEXT = "situationAtText";
  public static final String REGULATOR_TEXT = "regulatorText";
  public static final String RESPONSIBLE_GROUP_TEXT = "responsibleGroupText";
  public static final String CO_EXECUTOR_GROUP_TEXT = "coExecutorGroupText";
  public static final String DELIVERED_BY_GROUP_TEXT = "deliveredByGroupText";
  public static final String MISSING_DETAILS_TEXT = "missingDetailsText";
  public static final String REQUIRED_DOCUMENTS_TEXT = "requiredDocumentsText";

  /**
   * Copies for the forms to show: the client's details and the appeal's text as the application's own tables keep
   * them ({@code appeal}, {@code appeal_client}), and the Russian display texts of codes and dates the process keeps
   * as well. They are written again from those tables whenever the case changes, so their history would only be a
   * second copy of personal data: the engine's history leaves them out ({@code perf.LeanHistory}).
   */
  public static final Set<String> DISPLAY_COPIES = Set.of(CLIENT_FULL_NAME, CLIENT_EMAIL, CLIENT_PHONE,
      CLIENT_POSTAL_ADDRESS, CLIENT_ADDRESS, CLIENT_POSTAL_CODE, CLIENT_ID_DOCUMENT, CLIENT_TEXT, APPEAL_CONTENT,
      APPEAL_DEMAND, APPEAL_TYPE_TEXT, SUBJECT_TEXT, CHANNEL_TEXT, RECEIVED_AT_TEXT, SITUATION_AT_TEXT,
      REGULATOR_TEXT, RESPONSIBLE_GROUP_TEXT, CO_EXECUTOR_GROUP_TEXT, DELIVERED_BY_GROUP_TEXT, ANSWER_METHOD_TEXT,
      ANSWER_DUE_AT_TEXT, LEGAL_DEADLINE_AT_TEXT, MISSING_DETAILS_TEXT, REQUIRED_DOCUMENTS_TEXT);

  /** The names above (the contract test compares the diagram with them). */
  public static Set<String> all() {
    return VariableNames.declaredIn(AppealVariables.class);
  }
}
