package ru.appealdesk.appeal;

/**
 * Appeal types of SPEC §1. The subjects of a type are the deployed {@code appeal-routing} table's
 * ({@link AppealVocabulary}); who handles an appeal and by when is decided by the DMN tables, never here.
 */
public enum AppealType {
  COMPLAINT("Жалоба"),
  APPLICATION("Заявление"),
  REQUEST("Просьба"),
  SUGGESTION("Предложение"),
  REVIEW("Отзыв"),
  GRATITUDE("Благодарность"),
  CONSULTATION("Консультационное обращение");

  private final String russianName;

  AppealType(String russianName) {
    this.russianName = russianName;
  }

  public String russianName() {
    return russianName;
  }

  /** Applications need the loan details of SPEC §3.3; every other type the complaint list. */
  boolean isApplication() {
    return this == APPLICATION;
  }
}
