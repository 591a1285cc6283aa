package ru.appealdesk.restructuring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import ru.appealdesk.platform.PlainText;
import ru.appealdesk.platform.PlausibleDate;

/**
 * A borrower's application to change the terms of a microcredit (body of {@code POST /api/restructurings}; the Tasklist
 * start form fills the same fields). Checked by {@link ApplicationCheck}, never by the browser alone.
 *
 * <p>The application takes what the client has (¶65, ¶67): {@code monthlyIncome} (up to 12 amounts, oldest first, the
 * last one the month before the month of application; {@code null} = unknown) and {@code requestedOptions} (¶69 codes)
 * may be missing; what is missing becomes the officer's request for documents.
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
