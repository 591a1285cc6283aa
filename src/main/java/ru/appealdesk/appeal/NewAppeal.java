package ru.appealdesk.appeal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import ru.appealdesk.platform.PlainText;
import ru.appealdesk.platform.PlausibleDate;

/**
 * {@code POST /api/appeals}. Codes are strings so that every bad code is reported with its field in one answer; the
 * intake checks them against the deployed decision tables and SPEC's code lists.
 *
 * @param discoveredAt THIRD_PARTY_SITE: when the post was found (Table 1 counts registration from discovery); default
 *     {@code receivedAt}
 * @param reason APPLICATION: the reason code of Table 5 (e.g. {@code DISABILITY_GROUP_1}) that decides the documents
 * @param claimAmount what the client claims, in the jurisdiction's currency (answers name the remedy by amount)
 * @param regulator set when the Bank of Russia or the ARDFM forwarded the complaint
 */
public record NewAppeal(
    @NotBlank(message = "обязательное поле: RU или KZ") String jurisdiction,
    @NotBlank(message = "обязательное поле: тип обращения") String type,
    @Size(max = 64, message = "не длиннее 64 символов") String subject,
    @NotBlank(message = "обязательное поле: способ обращения") String channel,
    @PlausibleDate(notBefore = "2000-01-01", notFuture = true) OffsetDateTime receivedAt,
    @Size(max = 2, message = "ru или kk") String language,
    @Valid ClientDetails client,
    @NotBlank(message = "обязательное поле: содержание обращения")
    @Size(max = 100_000, message = "не длиннее 100000 символов") @PlainText(multiLine = true) String content,
    @Size(max = 20_000, message = "не длиннее 20000 символов") @PlainText(multiLine = true) String demand,
    @Size(max = 500, message = "не длиннее 500 символов") @PlainText(multiLine = true) String situationPlace,
    @PlausibleDate OffsetDateTime situationAt,
    @Size(max = 64, message = "не длиннее 64 символов") @PlainText String contractNumber,
    Boolean writtenAnswerRequested,
    @PlausibleDate OffsetDateTime discoveredAt,
    @Size(max = 64, message = "не длиннее 64 символов") @PlainText String reason,
    @DecimalMin(value = "0", message = "сумма не может быть отрицательной")
    @Digits(integer = 13, fraction = 2, message = "не больше 13 знаков до запятой и 2 после") BigDecimal claimAmount,
    @Valid Regulator regulator) {

  /** The appeal as the first version of the API knew it. */
  public NewAppeal(String jurisdiction, String type, String subject, String channel, OffsetDateTime receivedAt,
      String language, ClientDetails client, String content, String demand, String situationPlace,
      OffsetDateTime situationAt, String contractNumber, Boolean writtenAnswerRequested) {
    this(jurisdiction, type, subject, channel, receivedAt, language, client, content, demand, situationPlace,
        situationAt, contractNumber, writtenAnswerRequested, null, null, null, null);
  }

  /**
   * A complaint forwarded by a regulator (SPEC §5a): {@code BANK_OF_RUSSIA} or {@code ARDFM}, its reference (e.g.
   * {@code ОГ-2026-77412}) and when it forwarded the complaint.
   */
  public record Regulator(
      @NotBlank(message = "обязательное поле: BANK_OF_RUSSIA или ARDFM") String authority,
      @NotBlank(message = "обязательное поле: номер обращения у регулятора")
      @Size(max = 64, message = "не длиннее 64 символов") @PlainText String reference,
      @PlausibleDate OffsetDateTime forwardedAt) {}
}
