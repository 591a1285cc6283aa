package ru.appealdesk.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ru.appealdesk.appeal.AppealStatus;

/** Both languages of the client pages are complete, and every text the pages and Java ask for exists. */
class PageTextsTest {

  private static final Pattern TEMPLATE_KEY = Pattern.compile("t(?:\\['|\\.format\\(')([a-zA-Z.]+)'");
  private static final Pattern JAVA_KEY = Pattern.compile("\"((?:form|error|status|limit|tooLarge|nav|footer|header|lang)"
      + "\\.[a-zA-Z.]+)\"");

  @Test
  void russianAndKazakhHaveTheSameKeys() {
    assertThat(PageTexts.load("kk").keySet()).containsExactlyInAnyOrderElementsOf(PageTexts.load("ru").keySet());
    assertThat(PageTexts.load("kk").values()).noneMatch(String::isBlank);
  }

  @Test
  void everyKeyUsedExistsAndEveryStatusHasAClientText() throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates/client"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".html")).toList()) {
        Matcher m = TEMPLATE_KEY.matcher(Files.readString(p));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/ru/appealdesk/client"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = JAVA_KEY.matcher(Files.readString(p));
        while (m.find()) {
          if (!m.group(1).endsWith(".")) {
            used.add(m.group(1));
          }
        }
      }
    }
    for (AppealStatus s : AppealStatus.values()) {
      used.add("status." + s.name());
    }
    for (String field : new String[] {"type", "subject", "text", "demand", "situationPlace", "situationAt",
        "contractNumber", "fullName", "phone", "email", "postalCode", "postalAddress", "idDocument", "files",
        "consent", "form"}) {
      used.add("form.field." + field);
    }
    used.add("form.consent.RU");
    used.add("form.consent.KZ");
    assertThat(used).hasSizeGreaterThan(60);
    assertThat(PageTexts.load("ru").keySet()).containsAll(used);
  }

  @Test
  void placeholdersAreFilledAndKazakhFallsBackToRussianOnlyForMissingKeys() {
    PageTexts texts = new PageTexts();
    assertThat(texts.of("kk").format("status.title", "KZ-2026-000001")).isEqualTo("№ KZ-2026-000001 өтініш");
    assertThat(texts.of("RU").format("form.files.hint", 5, 5L))
        .isEqualTo("До 5 файлов, каждый не больше 5 МБ: PDF, JPG, PNG, TIFF, DOCX, XLSX или TXT.");
    assertThat(texts.of(null).get("no.such.key")).isEqualTo("??no.such.key??");
    assertThat(PageTexts.language("KK ")).isEqualTo("kk");
    assertThat(PageTexts.language("en")).isEqualTo("ru");
  }
}
