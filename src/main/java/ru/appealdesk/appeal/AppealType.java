package ru.appealdesk.appeal;

import java.util.List;

/**
 * Appeal types of SPEC §1 with the subject codes of SPEC §3.6–§3.10. The code lists are vocabulary (what a client may
 * send); who handles a subject and by when is decided by the DMN tables, never here.
 */
public enum AppealType {
  COMPLAINT("Жалоба", List.of("EMPLOYEE_CONDUCT", "COLLECTION_ACTIONS", "CONTACT_CENTER_STAFF", "OFFICE_HOURS",
      "LOAN_TERMS", "LATE_CLAIM_PROCESSING", "LATE_LOAN_PROCESSING", "PERSONAL_CABINET", "ADVERTISING_SMS", "OTHER")),
  APPLICATION("Заявление", List.of("DEBT_CERTIFICATE", "DEBT_STATUS_ORAL", "PERSONAL_DATA_WITHDRAWAL",
      "PRETRIAL_SETTLEMENT", "DOCUMENT_COPIES", "DEBT_CALCULATION", "CLIENT_DEATH", "CLIENT_IMPRISONED",
      "LOAN_CLOSURE_CERTIFICATE", "INTEREST_SUSPENSION", "CONTRACT_TERMS_CHANGE", "OTHER_WRITTEN")),
  REQUEST("Просьба", List.of("DEFERRAL_OR_INSTALLMENT", "LOAN_INCREASE", "OVERPAYMENT_REFUND", "PENALTY_WRITE_OFF",
      "RATE_REDUCTION")),
  SUGGESTION("Предложение", List.of("LOAN_CONDITIONS", "PRODUCT_LINE", "ADDITIONAL_SERVICES", "OFFICE_EQUIPMENT",
      "OFFICE_HOURS_STAFF")),
  REVIEW("Отзыв", List.of()),
  GRATITUDE("Благодарность", List.of()),
  CONSULTATION("Консультационное обращение", List.of());

  private final String russianName;
  private final List<String> subjects;

  AppealType(String russianName, List<String> subjects) {
    this.russianName = russianName;
    this.subjects = subjects;
  }

  public String russianName() {
    return russianName;
  }

  /** Subject codes of this type; empty when the type has no subjects (the subject is then left out). */
  public List<String> subjects() {
    return subjects;
  }

  /** Applications need the loan details of SPEC §3.3; every other type the complaint list. */
  boolean isApplication() {
    return this == APPLICATION;
  }
}
