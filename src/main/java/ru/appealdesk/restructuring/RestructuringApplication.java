package ru.appealdesk.restructuring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import ru.appealdesk.platform.PlainText;
import ru.appealdesk.platform.PlausibleDate;

/**
 * A borrower's application to change the terms of a microcredit (body of {@code POST /api/restructurings}; the Tasklist
 * start form fills the same fields). Checked by {@link ApplicationCheck}, never by the browser alone.
 */
public record RestructuringApplication(
    @Valid Borrower borrower,
    @Size(max = 64, message = "не длиннее 64 символов") @PlainText String contractNumber,
    String language,
    @PlausibleDate(notBefore = "2000-01-01", notFuture = true) OffsetDateTime receivedAt,
    @Size(max = 10, message = "не больше 10 вариантов")
    List<@Size(max = 40, message = "не длиннее 40 символов") String> requestedOptions,
    @Size(max = 4000, message = "не длиннее 4000 символов") @PlainText(multiLine = true) String circumstances,
    @Size(max = 24, message = "не больше 24 сумм")
    List<@DecimalMax(value = "1000000000000", message = "не больше 10^12") BigDecimal> monthlyIncome,
    Boolean sociallyVulnerable,
    Boolean targetedSocialAssistance,
    Boolean emergencyAffected) {

  /** Limits: the columns of {@code restructuring_case} (name 255, IIN 12) and of the appeal's client (phone 40,
   * e-mail 254, address 500) for what lives only in process variables. */
  public record Borrower(
      @Size(max = 255, message = "не длиннее 255 символов") @PlainText String fullName,
      @Size(max = 12, message = "не длиннее 12 символов") @PlainText String iin,
      @Size(max = 40, message = "не длиннее 40 символов") @PlainText String phone,
      @Size(max = 254, message = "не длиннее 254 символов") @PlainText String email,
      @Size(max = 500, message = "не длиннее 500 символов") @PlainText(multiLine = true) String postalAddress) {}

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
