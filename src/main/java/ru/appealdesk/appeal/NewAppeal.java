package ru.appealdesk.appeal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import ru.appealdesk.platform.PlainText;
import ru.appealdesk.platform.PlausibleDate;

/**
 * {@code POST /api/appeals}. Codes are strings so that every bad code is reported with its field in one answer;
 * {@link AppealService} checks them against SPEC's code lists.
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
    Boolean writtenAnswerRequested) {}
