package ru.appealdesk.appeal;

/** The statuses an appeal passes through, with the plain Russian text the client and the employees see. */
public enum AppealStatus {
  RECEIVED("Обращение получено"),
  REGISTERED("Обращение зарегистрировано"),
  DECIDED_ON_THE_SPOT("Решено на месте, регистрация не требуется"),
  INFORMATION_REQUESTED("Запрошена дополнительная информация"),
  INFORMATION_RECEIVED("Дополнительная информация получена"),
  IN_PROGRESS("Готовится ответ"),
  ON_APPROVAL("Ответ на согласовании и подписании"),
  DELIVERING("Ответ направляется клиенту"),
  ANSWERED("Ответ направлен клиенту"),
  CLOSED("Рассмотрение завершено");

  private final String text;

  AppealStatus(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }
}
