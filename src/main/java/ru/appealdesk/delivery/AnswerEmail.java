package ru.appealdesk.delivery;

/**
 * What the client receives by e-mail: the answer text in the appeal's language, plus the same answer as a PDF on the
 * company letterhead.
 *
 * @param jurisdiction RU/KZ; null: taken from the appeal
 * @param claimAmount the client's claim ({@code claimAmount}: a number or numeric text); null when not stated
 * @param signatoryUserId the Camunda user who signed the answer; null: no signature block
 */
public record AnswerEmail(String appealNumber, String appealType, String language, String clientEmail,
    String clientFullName, String answerText, String jurisdiction, Object claimAmount, String signatoryUserId) {

  public AnswerEmail(String appealNumber, String appealType, String language, String clientEmail,
      String clientFullName, String answerText) {
    this(appealNumber, appealType, language, clientEmail, clientFullName, answerText, null, null, null);
  }
}
