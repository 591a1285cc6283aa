package ru.appealdesk.delivery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The client's claim (process variable {@code claimAmount}: a number in the jurisdiction's currency, optional) as the
 * answer texts use it to name the right remedy.
 */
final class ClaimAmount {

  static final String VARIABLE = "claimAmount";

  private ClaimAmount() {}

  /** A Number, or a numeric String («120000», «120 000,50»); null when absent, negative or not a number. */
  static BigDecimal of(Object value) {
    BigDecimal amount = null;
    if (value instanceof BigDecimal b) {
      amount = b;
    } else if (value instanceof Number n) {
      amount = new BigDecimal(n.toString());
    } else if (value instanceof String s && !s.isBlank()) {
      try {
        amount = new BigDecimal(s.replaceAll("[\\s\\u00A0]", "").replace(',', '.'));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return amount == null || amount.signum() < 0 ? null : amount;
  }

  /** «120 000» or «120 000,50», the thousands kept together by no-break spaces. */
  static String text(BigDecimal amount) {
    if (amount == null) {
      return null;
    }
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("ru-RU"));
    symbols.setGroupingSeparator('\u00A0');
    symbols.setDecimalSeparator(',');
    DecimalFormat format = new DecimalFormat(amount.stripTrailingZeros().scale() > 0 ? "#,##0.00" : "#,##0", symbols);
    return format.format(amount.setScale(2, RoundingMode.HALF_UP));
  }
}
