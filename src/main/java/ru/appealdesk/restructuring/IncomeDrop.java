package ru.appealdesk.restructuring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The ¶74 income test: the average monthly income of the 2 months before the month of application against the average
 * of the 12 months before it (the 2 months included). The rule itself ("more than 30%") lives in DMN
 * {@code kz-mandatory-restructuring}; this class only computes its input.
 */
public final class IncomeDrop {

  public static final int MONTHS = 12;

  private IncomeDrop() {}

  /**
   * Drop in percent (positive when the income fell, negative when it grew, 0 when there was no income at all).
   * {@code monthlyIncome} holds 12 amounts, oldest first; the last is the month before the month of application.
   * Exact decimal arithmetic, so a drop of exactly 30% is exactly 30 (not 30.000000001).
   */
  public static BigDecimal percent(List<BigDecimal> monthlyIncome) {
    if (!isComplete(monthlyIncome)) {
      throw new IllegalArgumentException("monthlyIncome must hold " + MONTHS + " amounts");
    }
    BigDecimal total12 = monthlyIncome.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal total2 = monthlyIncome.get(MONTHS - 2).add(monthlyIncome.get(MONTHS - 1));
    if (total12.signum() == 0) {
      return BigDecimal.ZERO;
    }
    // (avg12 - avg2) / avg12 * 100 = (1 - (total2 / 2) / (total12 / 12)) * 100 = 100 - 600 * total2 / total12
    BigDecimal ratio = total2.multiply(BigDecimal.valueOf(600)).divide(total12, MathContext.DECIMAL128);
    return BigDecimal.valueOf(100).subtract(ratio).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
  }

  /**
   * The drop when all 12 months are known, else {@code null}: the client may apply without an income history (¶65,
   * ¶67); then the ¶74 income test cannot be made until the officer has the figures.
   */
  public static BigDecimal percentIfComplete(List<BigDecimal> monthlyIncome) {
    return isComplete(monthlyIncome) ? percent(monthlyIncome) : null;
  }

  /** 12 amounts, none of them unknown. */
  public static boolean isComplete(List<BigDecimal> monthlyIncome) {
    return monthlyIncome != null && monthlyIncome.size() == MONTHS && monthlyIncome.stream().allMatch(m -> m != null);
  }
}
