package ru.appealdesk.outage;

import java.util.Arrays;
import java.util.Optional;

/** The channels of SPEC §2 an outage can take down, with the words the client message uses for them. */
enum AffectedChannel {
  PHONE("телефон контакт-центра", "байланыс орталығының телефоны"),
  EMAIL("электронная почта", "электрондық пошта"),
  WEBSITE("официальный сайт", "ресми сайт"),
  PERSONAL_CABINET("личный кабинет", "жеке кабинет"),
  OFFICE_ORAL("устные обращения в офисах", "кеңселердегі ауызша өтініштер"),
  OFFICE_WRITTEN("письменные обращения в офисах", "кеңселердегі жазбаша өтініштер"),
  LETTER("почтовые отправления", "пошта жөнелтілімдері"),
  REVIEW_BOOK("книга отзывов и предложений", "пікірлер мен ұсыныстар кітабы"),
  THIRD_PARTY_SITE("сторонние сайты", "үшінші тарап сайттары"),
  WHATSAPP("WhatsApp", "WhatsApp"),
  SOCIAL_NETWORK("социальные сети", "әлеуметтік желілер");

  private final String ru;
  private final String kk;

  AffectedChannel(String ru, String kk) {
    this.ru = ru;
    this.kk = kk;
  }

  String label(String language) {
    return "kk".equals(language) ? kk : ru;
  }

  static Optional<AffectedChannel> byCode(String code) {
    return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
  }
}
