package ru.appealdesk.letter;

/**
 * Kinds of outgoing letters. Whether a kind is registered is decided by the DMN table
 * {@code outgoing-letter-registration} (SPEC §3.12), not here.
 */
public enum LetterKind {
  ANSWER("Ответ на обращение"),
  INFORMATION_REQUEST("Запрос информации"),
  NOTICE("Уведомление"),
  REGULATOR("Письмо регулятору"),
  OTHER("Прочее письмо"),
  COMMERCIAL_OFFER("Коммерческое предложение"),
  ADVERTISING("Рекламное письмо"),
  PRICE_LIST("Прайс-лист"),
  GREETING("Поздравление"),
  EVENT_INVITATION("Приглашение на мероприятие");

  private final String russianName;

  LetterKind(String russianName) {
    this.russianName = russianName;
  }

  public String russianName() {
    return russianName;
  }
}
