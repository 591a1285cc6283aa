package ru.appealdesk.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.appealdesk.delivery.TextTemplates;

class OutageMessagesTest {

  static final OutageProperties PROPERTIES = new OutageProperties(Duration.ofHours(3), Duration.ofHours(2),
      ZoneId.of("Europe/Moscow"), "reserve@mfo.example", "8 800 555-35-35", "https://reserve.mfo.example", 3,
      "СРО «МиР»", "107078, г. Москва");
  static final Instant SINCE = Instant.parse("2026-11-21T05:00:00Z");

  final OutageMessages messages = new OutageMessages(PROPERTIES, new TextTemplates());

  OutageReport report(String whatKk, String expectedRecovery) {
    return new OutageReport("DoS-атака на сервера компании.", whatKk, SINCE,
        List.of(AffectedChannel.WEBSITE, AffectedChannel.PERSONAL_CABINET), expectedRecovery);
  }

  @Test
  void russianMessageSaysWhatHappenedHowToContactHowToPayAndWhatHappensToOverdueDebt() {
    String ru = messages.outageMessage(report(null, "до 18:00 21.11"), "ru");

    assertThat(ru).startsWith("Технический сбой: как связаться с нами и оплатить заём\n\nУважаемые клиенты!")
        .contains("Что произошло. С 21.11.2026 08:00 (UTC+03:00)")
        .contains("технический сбой: DoS-атака на сервера компании. Временно недоступны: официальный сайт, личный кабинет.")
        .contains("Ожидаемое время восстановления: до 18:00 21.11.")
        .contains("Как с нами связаться. Резервная электронная почта: reserve@mfo.example. Телефон горячей линии: 8 800 555-35-35.")
        .contains("резервном сайте https://reserve.mfo.example")
        .contains("Как оплатить заём.")
        .contains("Что будет с просроченной задолженностью.")
        .contains("в течение 3 рабочих дней после восстановления")
        .doesNotContain("${");
  }

  @Test
  void kazakhMessageHasTheSameFourPartsInKazakh() {
    String kk = messages.outageMessage(report("Компания серверлеріне DoS-шабуыл", null), "kk");

    assertThat(kk).startsWith("Техникалық іркіліс: бізбен қалай байланысуға және қарызды төлеуге болады\n\nҚұрметті клиенттер!")
        .contains("Не болды. 21.11.2026 08:00 (UTC+03:00) бастап")
        .contains("техникалық іркіліс орын алды: Компания серверлеріне DoS-шабуыл.")
        .contains("Уақытша қолжетімсіз: ресми сайт, жеке кабинет.")
        .contains("күтілетін уақыты: нақтылануда.")
        .contains("Бізбен қалай байланысуға болады. Резервтік электрондық пошта: reserve@mfo.example.")
        .contains("Қарызды қалай төлеуге болады.")
        .contains("Мерзімі өткен берешек туралы.")
        .contains("3 жұмыс күні ішінде")
        .doesNotContain("${").doesNotContain("Уважаемые");
  }

  @Test
  void kazakhMessageFallsBackToTheRussianDescriptionAndRussianSaysUnknownRecovery() {
    var both = messages.outageMessage(report(null, null));

    assertThat(both.kk()).contains("іркіліс орын алды: DoS-атака на сервера компании.");
    assertThat(both.ru()).contains("Ожидаемое время восстановления: уточняется.");
  }

  @Test
  void restoredMessageRendersInBothLanguages() {
    var restored = messages.restoredMessage(Instant.parse("2026-11-21T12:30:00Z"));

    assertThat(restored.ru()).contains("Работа наших информационных систем восстановлена 21.11.2026 15:30 (UTC+03:00)")
        .contains("ответы, которые не удалось отправить во время сбоя, направляются сейчас");
    assertThat(restored.kk()).contains("жұмысы 21.11.2026 15:30 (UTC+03:00) қалпына келтірілді")
        .contains("8 800 555-35-35");
  }

  @Test
  void sroRequestAttachesTheRussianMessage() {
    var request = messages.sroRequest(report(null, null), "ТЕКСТ СООБЩЕНИЯ");

    assertThat(request.subject()).isEqualTo("О размещении информации о техническом сбое");
    assertThat(request.body()).startsWith("Просим разместить на официальном сайте СРО «МиР»")
        .contains("возникших 21.11.2026 08:00 (UTC+03:00)")
        .endsWith("Текст сообщения для размещения:\n\nТЕКСТ СООБЩЕНИЯ");
  }

  @Test
  void onlyRussianAndKazakhTextsExist() {
    assertThatThrownBy(() -> messages.outageMessage(report(null, null), "en"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
