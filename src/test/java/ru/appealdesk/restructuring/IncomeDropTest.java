package ru.appealdesk.restructuring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ¶74: the 2 months before the month of application against the 12 months before it (the 2 included). */
class IncomeDropTest {

  /** 10 months of {@code earlier}, then 2 months of {@code lastTwo}. */
  static List<BigDecimal> incomes(String earlier, String lastTwo) {
    List<BigDecimal> l = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      l.add(new BigDecimal(earlier));
    }
    l.add(new BigDecimal(lastTwo));
    l.add(new BigDecimal(lastTwo));
    return l;
  }

  @Test
  void exactlyThirtyPercentIsExactlyThirty() {
    // avg12 = (10*106 + 2*70) / 12 = 100, avg2 = 70: a drop of exactly 30%, which is NOT "more than 30%"
    BigDecimal drop = IncomeDrop.percent(incomes("106", "70"));
    assertThat(drop).isEqualByComparingTo("30");
    assertThat(drop.compareTo(BigDecimal.valueOf(30)) > 0).isFalse();
  }

  @Test
  void justAboveThirtyPercentIsMore() {
    // avg12 = (10*106 + 2*69.99) / 12 = 99.998333…, avg2 = 69.99 → 30.00883…%
    BigDecimal drop = IncomeDrop.percent(incomes("106", "69.99"));
    assertThat(drop).isGreaterThan(BigDecimal.valueOf(30));
    assertThat(drop).isLessThan(new BigDecimal("30.01"));
  }

  @Test
  void justBelowThirtyPercentIsNotMore() {
    BigDecimal drop = IncomeDrop.percent(incomes("106", "70.01"));
    assertThat(drop).isLessThan(BigDecimal.valueOf(30));
  }

  @Test
  void theTwoLastMonthsAreTheOnesBeforeTheApplicationMonth() {
    List<BigDecimal> l = incomes("100", "100");
    l.set(0, BigDecimal.ZERO); // the oldest month only lowers the 12-month average
    l.set(11, BigDecimal.ZERO);
    // avg12 = 1000/12 = 83.33…, avg2 = 50 → 40%
    assertThat(IncomeDrop.percent(l)).isEqualByComparingTo("40");
  }

  @Test
  void growthIsANegativeDropAndNoIncomeIsNoDrop() {
    assertThat(IncomeDrop.percent(incomes("100", "160")).signum()).isNegative();
    assertThat(IncomeDrop.percent(incomes("0", "0"))).isEqualByComparingTo("0");
  }

  @Test
  void needsTwelveMonths() {
    assertThatThrownBy(() -> IncomeDrop.percent(incomes("1", "1").subList(0, 11)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
