package ru.appealdesk.restructuring;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A borrower's application to change the terms of a microcredit (body of {@code POST /api/restructurings}; the Tasklist
 * start form fills the same fields). Checked by {@link ApplicationCheck}, never by the browser alone.
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
}
