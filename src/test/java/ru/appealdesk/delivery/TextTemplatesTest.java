package ru.appealdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextTemplatesTest {

  private final TextTemplates templates = new TextTemplates();

  @Test
  void variantAndLanguageAreChosenWithFallbacks() {
    Map<String, Object> values = new HashMap<>(Map.of("appealNumber", "RU-2026-000001", "answerText", "Текст $1 \\",
        "companyName", "МКК", "appealType", "COMPLAINT", "jurisdiction", "RU"));
    values.put("clientFullName", null);

    var complaint = templates.render("answer-pdf", "COMPLAINT", "ru", values);
    assertThat(complaint.subject()).isEqualTo("Ответ на жалобу № RU-2026-000001");
    assertThat(complaint.body()).contains("Текст $1 \\").contains("финансовому уполномоченному")
        .contains("Уважаемый(ая) !");

    var application = templates.render("answer-pdf", "APPLICATION", "kk", values);
    assertThat(application.subject()).isEqualTo("№ RU-2026-000001 өтінішке жауап");

    var unknownLanguage = templates.render("answer-email", null, "de", values);
    assertThat(unknownLanguage.subject()).isEqualTo("Ответ на обращение № RU-2026-000001");
  }

  @Test
  void statusLabelsComeFromThePropertiesOrTheCodeItself() {
    assertThat(templates.label("appeal-status", "ru", "INFORMATION_REQUESTED"))
        .isEqualTo("запрошена дополнительная информация");
    assertThat(templates.label("appeal-status", "kk", "CLOSED")).isEqualTo("қарау аяқталды");
    assertThat(templates.label("appeal-status", "kk", "NEW_CODE")).isEqualTo("NEW_CODE");
  }
}
