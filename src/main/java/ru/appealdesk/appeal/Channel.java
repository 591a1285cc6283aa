package ru.appealdesk.appeal;

/** Channels of SPEC §2. */
public enum Channel {
  PHONE("звонок в контакт-центр", true),
  EMAIL("электронная почта", false),
  WEBSITE("форма на сайте", false),
  OFFICE_ORAL("устно в офисе", true),
  OFFICE_WRITTEN("письменно в офисе", true),
  LETTER("почта или курьер", true),
  REVIEW_BOOK("книга отзывов и предложений", true),
  THIRD_PARTY_SITE("сторонний сайт", true),
  WHATSAPP("WhatsApp", false),
  SOCIAL_NETWORK("социальная сеть", false),
  PERSONAL_CABINET("личный кабинет", false);

  private final String russianName;
  private final boolean employeeChannel;

  Channel(String russianName, boolean employeeChannel) {
    this.russianName = russianName;
    this.employeeChannel = employeeChannel;
  }

  public String russianName() {
    return russianName;
  }

  /**
   * An employee takes the appeal in (a call, an office visit, a paper letter, the review book, a post found on a site):
   * the registrar group registers it in a task. Appeals the client submits electronically are registered automatically
   * when the intake got every mandatory detail (issue 3, step 1).
   */
  public boolean employeeChannel() {
    return employeeChannel;
  }
}
