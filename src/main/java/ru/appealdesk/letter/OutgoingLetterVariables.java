package ru.appealdesk.letter;

import java.util.Set;
import ru.appealdesk.platform.VariableNames;

/**
 * The process variables of {@code outgoing-letter}, by name: the call's in and out variables (docs/CONTRACTS.md) and
 * what the steps add. A contract test ({@code modeling.DiagramVariablesTest}) checks that every {@code ${…}} of the
 * diagram is one of these or a Spring bean.
 */
public final class OutgoingLetterVariables {

  private OutgoingLetterVariables() {}

  // --- in (call activity)
  public static final String CASE_NUMBER = "caseNumber";
  public static final String LETTER_KIND = "letterKind";
  public static final String LETTER_SUBJECT = "letterSubject";
  public static final String LETTER_BODY = "letterBody";
  public static final String LANGUAGE = "language";
  public static final String APPROVAL_GROUP = "approvalGroup";
  public static final String SIGNATORY_GROUP = "signatoryGroup";
  public static final String DRAFTER_GROUP = "drafterGroup";
  public static final String RECIPIENT_NAME = "recipientName";
  public static final String RECIPIENT_ADDRESS = "recipientAddress";
  // --- the steps
  public static final String DRAFT_REQUIRED = "draftRequired";
  public static final String REGISTRATION_REQUIRED = "registrationRequired";
  public static final String APPROVED = "approved";
  public static final String SIGNED = "signed";
  public static final String SIGNED_BY = "signedBy";
  // --- out
  public static final String OUTGOING_NUMBER = "outgoingNumber";
  public static final String OUTGOING_DATE = "outgoingDate";

  public static Set<String> all() {
    return VariableNames.declaredIn(OutgoingLetterVariables.class);
  }
}
