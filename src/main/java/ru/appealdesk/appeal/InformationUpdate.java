package ru.appealdesk.appeal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import ru.appealdesk.casefile.CaseFileDocuments;
import ru.appealdesk.platform.PlainText;
import ru.appealdesk.platform.PlausibleDate;

/**
 * {@code POST /api/appeals/{number}/information}: what the client sent after the information request (SPEC §3.4).
 * Files go to the case file first ({@code POST /api/appeals/{number}/documents}); list their ids in
 * {@code attachments}. {@code receivedAt}: when the information reached the company (default: now); the answer clock
 * restarts from that day (SPEC §3.4), not from when someone typed it in.
 */
public record InformationUpdate(
    @NotBlank(message = "обязательное поле: что сообщил клиент")
    @Size(max = 20_000, message = "не длиннее 20000 символов") @PlainText(multiLine = true) String note,
    @Valid ClientDetails client,
    @Size(max = 20_000, message = "не длиннее 20000 символов") @PlainText(multiLine = true) String demand,
    @Size(max = 500, message = "не длиннее 500 символов") @PlainText(multiLine = true) String situationPlace,
    @PlausibleDate OffsetDateTime situationAt,
    @Size(max = 64, message = "не длиннее 64 символов") @PlainText String contractNumber,
    @Size(max = 20, message = "не больше 20 вложений") @CaseFileDocuments
    List<@Size(max = 80, message = "не длиннее 80 символов") String> attachments,
    @PlausibleDate(notBefore = "2000-01-01", notFuture = true) OffsetDateTime receivedAt) {

  /** Without the day the information was received (it then counts from now). */
  public InformationUpdate(String note, ClientDetails client, String demand, String situationPlace,
      OffsetDateTime situationAt, String contractNumber, List<String> attachments) {
    this(note, client, demand, situationPlace, situationAt, contractNumber, attachments, null);
  }
}
