package ru.appealdesk.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.deadline.Jurisdiction;

class AppealNumbersTest extends AbstractIntegrationTest {

  @Autowired
  AppealNumbers numbers;

  @Test
  void oneSequencePerJurisdictionAndYearOfReceiptInTheLocalZone() {
    // a year no other test uses, so the sequence starts at 1
    var ruNewYearsEve = OffsetDateTime.parse("2041-12-31T22:30:00+03:00").toInstant();
    assertThat(numbers.next(Jurisdiction.RU, ruNewYearsEve)).isEqualTo("RU-2041-000001");
    assertThat(numbers.next(Jurisdiction.RU, ruNewYearsEve)).isEqualTo("RU-2041-000002");
    assertThat(numbers.next(Jurisdiction.KZ, ruNewYearsEve)).as("already 2042 in Almaty").isEqualTo("KZ-2042-000001");
    assertThat(numbers.next(Jurisdiction.RU, OffsetDateTime.parse("2042-01-01T00:00:00+03:00").toInstant()))
        .isEqualTo("RU-2042-000001");
  }

  @Test
  void formatIsJurisdictionYearAndSixDigits() {
    assertThat(AppealNumbers.format(Jurisdiction.RU, 2026, 123)).isEqualTo("RU-2026-000123");
  }
}
