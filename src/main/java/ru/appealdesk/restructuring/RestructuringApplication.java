package ru.appealdesk.restructuring;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A borrower's application to change the terms of a microcredit (body of {@code POST /api/restructurings}; the Tasklist
 * start form fills the same fields). Checked by {@link ApplicationCheck}, never by the browser alone.
 *
 * <p>The application takes what the client has (¶65, ¶67): {@code monthlyIncome} (up to 12 amounts, oldest first, the
 * last one the month before the month of application; {@code null} = unknown) and {@code requestedOptions} (¶69 codes)
 * may be missing; what is missing becomes the officer's request for documents.
 */
public record RestructuringApplication(
    Borrower borrower,
    String contractNumber,
    String language,
    OffsetDateTime receivedAt,
    List<String> requestedOptions,
    String circumstances,
    List<BigDecimal> monthlyIncome,
    Boolean sociallyVulnerable,
    Boolean targetedSocialAssistance,
    Boolean emergencyAffected) {

  public record Borrower(String fullName, String iin, String phone, String email, String postalAddress) {}

  boolean isSociallyVulnerable() {
    return Boolean.TRUE.equals(sociallyVulnerable);
  }

  boolean isTargetedSocialAssistance() {
    return Boolean.TRUE.equals(targetedSocialAssistance);
  }

  boolean isEmergencyAffected() {
    return Boolean.TRUE.equals(emergencyAffected);
  }

  /** The requested ¶69 codes (empty when the client chose none). */
  List<String> options() {
    return requestedOptions == null ? List.of() : requestedOptions.stream().filter(o -> o != null && !o.isBlank())
        .map(String::trim).toList();
  }

  /**
   * The 12 months before the month of application, oldest first, {@code null} where unknown: a shorter list gives
   * the most recent months (its last amount is the month before the month of application).
   */
  List<BigDecimal> incomeByMonth() {
    List<BigDecimal> months = new ArrayList<>(Collections.nCopies(IncomeDrop.MONTHS, null));
    if (monthlyIncome != null && monthlyIncome.size() <= IncomeDrop.MONTHS) {
      int offset = IncomeDrop.MONTHS - monthlyIncome.size();
      for (int i = 0; i < monthlyIncome.size(); i++) {
        months.set(offset + i, monthlyIncome.get(i));
      }
    }
    return months;
  }
}
