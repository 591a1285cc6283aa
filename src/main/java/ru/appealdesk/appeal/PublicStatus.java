package ru.appealdesk.appeal;

import java.util.List;
import ru.appealdesk.deadline.Jurisdiction;

/**
 * What the client sees under {@code /status/{number}?token=…} (SPEC §7): status and history in plain Russian, the
 * deadline, no personal data and no internal notes.
 */
public record PublicStatus(String number, String typeText, String receivedAt, String status, String statusText,
    String answerDueAt, String informationRequest, List<Step> history) {

  public record Step(String at, String statusText) {}

  static PublicStatus of(Appeal a, List<StatusEntry> history) {
    Jurisdiction j = a.getJurisdiction();
    return new PublicStatus(a.getNumber(), a.getType().russianName(), AppealTexts.dateTime(a.getReceivedAt(), j),
        a.getStatus().name(), a.getStatus().text(), AppealTexts.dateTime(a.getAnswerDueAt(), j),
        a.getStatus() == AppealStatus.INFORMATION_REQUESTED ? a.getInformationRequest() : null,
        history.stream().map(h -> new Step(AppealTexts.dateTime(h.getAt(), j), h.getStatus().text())).toList());
  }
}
