package ru.appealdesk.client;

import org.springframework.stereotype.Component;
import ru.appealdesk.appeal.AppealQueries;
import ru.appealdesk.appeal.AppealVocabulary;
import ru.appealdesk.appeal.PublicStatus;
import ru.appealdesk.deadline.Jurisdiction;

/**
 * The client's status in the language of the page: {@link AppealQueries#publicStatus} (the token check and the
 * client-meaningful steps) with type, status and step texts from {@link PageTexts} and {@link AppealVocabulary}.
 */
@Component
class ClientStatus {

  private final AppealQueries appeals;
  private final AppealVocabulary vocabulary;
  private final PageTexts texts;

  ClientStatus(AppealQueries appeals, AppealVocabulary vocabulary, PageTexts texts) {
    this.appeals = appeals;
    this.vocabulary = vocabulary;
    this.texts = texts;
  }

  /** @throws ru.appealdesk.platform.NotFoundException for an unknown number or a wrong token */
  PublicStatus find(String number, String token) {
    return appeals.publicStatus(number, token);
  }

  /**
   * The language the client reads: the appeal's; a KZ appeal may be read in the other language of KZ on request.
   */
  static String language(PublicStatus s, String requested) {
    if (Jurisdiction.KZ.name().equals(s.jurisdiction()) && requested != null && !requested.isBlank()) {
      return PageTexts.language(requested);
    }
    return PageTexts.language(s.language());
  }

  PublicStatus localized(PublicStatus s, String language) {
    PageTexts.Texts t = texts.of(language);
    String typeText = vocabulary.types().stream().filter(x -> x.code().equals(s.type())).findFirst()
        .map(x -> x.name(language)).orElse(s.typeText());
    return new PublicStatus(s.number(), s.jurisdiction(), s.language(), s.type(), typeText, s.subject(),
        s.receivedAt(), s.status(), t.get("status." + s.status()), s.answerDueAt(), s.awaitingInformation(),
        s.informationRequest(),
        s.history().stream().map(h -> new PublicStatus.Step(h.status(), h.at(), t.get("status." + h.status())))
            .toList());
  }

  String subjectText(PublicStatus s, String language) {
    return vocabulary.subject(s.subject()).map(x -> x.name(language)).orElse(null);
  }
}
