package ru.appealdesk.restructuring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IinTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "900101400122", // first pass: 79 mod 11 = 2
      "000000000000",
      "850315400608", // first pass gives 10, second pass (weights 3..11,1,2) gives 8
  })
  void acceptsValidCheckDigits(String iin) {
    assertThat(Iin.problem(iin)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"900101400123", "850315400600", "850315400609"})
  void rejectsWrongCheckDigit(String iin) {
    assertThat(Iin.problem(iin)).contains("контрольный разряд");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "90010140012", "9001014001220", "90010140012A", "9001 1400122"})
  void rejectsWrongShape(String iin) {
    assertThat(Iin.isValid(iin)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void rejectsNumbersWhoseCheckDigitCannotBeComputed() {
    // find a prefix whose weighted sum is 10 (mod 11) in both passes: no check digit exists for it
    String impossible = null;
    for (int a = 0; a < 10 && impossible == null; a++) {
      for (int b = 0; b < 10 && impossible == null; b++) {
        String prefix = "" + a + b + "0101" + "30010";
        int s1 = 0;
        int s2 = 0;
        for (int i = 0; i < 11; i++) {
          int d = prefix.charAt(i) - '0';
          s1 += d * (i + 1);
          s2 += d * ((i + 2) % 11 + 1);
        }
        if (s1 % 11 == 10 && s2 % 11 == 10) {
          impossible = prefix + "0";
        }
      }
    }
    assertThat(impossible).isNotNull();
    assertThat(Iin.problem(impossible)).contains("не вычисляется");
  }
}
