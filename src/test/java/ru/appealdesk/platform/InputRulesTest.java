package ru.appealdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.appealdesk.appeal.ClientDetails;
import ru.appealdesk.appeal.NewAppeal;
import ru.appealdesk.restructuring.RestructuringApplication;

/** The request records' rules: no control characters, the columns' lengths, plausible dates (engine clock). */
class InputRulesTest {

  final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

  @AfterEach
  void clock() {
    ClockUtil.reset();
  }

  NewAppeal appeal(String fullName, String content, OffsetDateTime receivedAt, OffsetDateTime situationAt) {
    return new NewAppeal("RU", "COMPLAINT", "LOAN_TERMS", "EMAIL", receivedAt, "ru",
        new ClientDetails(fullName, null, null, "Тула,\nул. Ленина", null, null), content, null, null, situationAt,
        null, null);
  }

  List<String> fields(Object o) {
    return validator.validate(o).stream().map(v -> v.getPropertyPath().toString()).sorted().toList();
  }

  @Test
  void controlCharactersAreRefusedAndLineBreaksOnlyInMultiLineTexts() {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-21T10:00:00+03:00").toInstant()));
    OffsetDateTime received = OffsetDateTime.parse("2026-11-20T10:00:00+03:00");
    assertThat(fields(appeal("Иванов Иван", "Строка 1\nСтрока 2\tи табуляция", received, null))).isEmpty();
    assertThat(fields(appeal("Иванов\nИван", "текст", received, null))).containsExactly("client.fullName");
    assertThat(fields(appeal("Иванов", "текст\u0000", received, null))).containsExactly("content");
    assertThat(fields(appeal("Иванов\u0085", "текст\u007F", received, null)))
        .containsExactly("client.fullName", "content");
  }

  @Test
  void receivedNotBefore2000NorInTheFutureOtherDatesWithinAHundredYears() {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-21T10:00:00+03:00").toInstant()));
    assertThat(fields(appeal("И", "т", OffsetDateTime.parse("1999-12-31T23:00:00+03:00"), null)))
        .containsExactly("receivedAt");
    assertThat(fields(appeal("И", "т", OffsetDateTime.parse("2000-01-01T00:00:00+03:00"), null))).isEmpty();
    assertThat(fields(appeal("И", "т", OffsetDateTime.parse("2026-11-21T12:00:00+03:00"), null)))
        .containsExactly("receivedAt");
    assertThat(fields(appeal("И", "т", OffsetDateTime.MAX, null))).containsExactly("receivedAt");
    assertThat(fields(appeal("И", "т", OffsetDateTime.MIN, null))).containsExactly("receivedAt");
    assertThat(fields(appeal("И", "т", null, OffsetDateTime.parse("1900-01-01T00:00:00Z"))))
        .containsExactly("situationAt");
    assertThat(fields(appeal("И", "т", null, OffsetDateTime.parse("2126-12-01T00:00:00Z"))))
        .containsExactly("situationAt");
    assertThat(fields(appeal("И", "т", null, OffsetDateTime.parse("1950-01-01T00:00:00Z")))).isEmpty();
  }

  @Test
  void restructuringTextsFitTheirColumns() {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-21T10:00:00+05:00").toInstant()));
    RestructuringApplication a = new RestructuringApplication(
        new RestructuringApplication.Borrower("Я".repeat(256), "9".repeat(13), "+7 701", "a@b.kz", "Алматы"),
        "M".repeat(65), "ru", OffsetDateTime.parse("9999-01-01T00:00:00+05:00"), List.of("PAYMENT_DEFERRAL"),
        "x".repeat(4001), List.of(), false, false, false);
    assertThat(fields(a)).containsExactly("borrower.fullName", "borrower.iin", "circumstances", "contractNumber",
        "receivedAt");
  }
}
