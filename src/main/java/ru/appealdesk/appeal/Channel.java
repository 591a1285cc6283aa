package ru.appealdesk.appeal;

import ru.appealdesk.deadline.Jurisdiction;

/**
 * Channels of SPEC §2. How an appeal of a channel is registered and answered is decided by the DMN tables
 * {@code registration} and {@code answer-method}, never here; this list only says which channels exist in which
 * country: WhatsApp and social networks are channels of the KZ policy, the RU regulation (§3) names neither.
 */
public enum Channel {
  PHONE("звонок в контакт-центр"),
  EMAIL("электронная почта"),
  WEBSITE("форма на сайте"),
  OFFICE_ORAL("устно в офисе"),
  OFFICE_WRITTEN("письменно в офисе"),
  LETTER("почта или курьер"),
  REVIEW_BOOK("книга отзывов и предложений"),
  THIRD_PARTY_SITE("сторонний сайт"),
  WHATSAPP("WhatsApp", Jurisdiction.KZ),
  SOCIAL_NETWORK("социальная сеть", Jurisdiction.KZ),
  PERSONAL_CABINET("личный кабинет");

  private final String russianName;
  private final Jurisdiction only;

  Channel(String russianName) {
    this(russianName, null);
  }

  Channel(String russianName, Jurisdiction only) {
    this.russianName = russianName;
    this.only = only;
  }

  public String russianName() {
    return russianName;
  }

  /** Whether appeals of this channel are taken in {@code jurisdiction} (SPEC §2). */
  public boolean acceptedIn(Jurisdiction jurisdiction) {
    return only == null || jurisdiction == null || only == jurisdiction;
  }
}
