package ru.appealdesk.restructuring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The letters of {@code templates/restructuring/*}: every text of a Kazakh letter is Kazakh, each language points a
 * Kazakh borrower to the microfinance ombudsman and the ARDFM (never to the Russian remedies), no doubled full stop.
 */
class DecisionLettersTest {

  final DecisionLetters letters = new DecisionLetters();

  static Map<String, Object> variables(String language, String type) {
    Map<String, Object> v = new HashMap<>();
    v.put("language", language);
    v.put("decisionType", type);
    v.put("borrowerFullName", "Ахметова Айгуль");
    v.put("caseNumber", "KZR-2026-000042");
    v.put("contractNumber", "MK-7");
    v.put("decisionOptionCodes", String.join(",", RestructuringOption.allCodes()));
    v.put("decisionDroppedOptions", "COLLATERAL_IN_LIEU");
    v.put("decisionMonths", 6);
    v.put("decisionTerms", "kk".equals(language) ? "Төлем 6 айға кейінге қалдырылады." : "Отсрочка на 6 месяцев.");
    v.put("refusalReason", "kk".equals(language) ? "Төлем қабілеті сақталған." : "Платежеспособность сохранена.");
    v.put("decisionFeesWaived", true);
    v.put("decisionDifferenceReason", "kk".equals(language) ? "Кепіл мүлкі жоқ." : "Залога нет.");
    return v;
  }

  @ParameterizedTest
  @ValueSource(strings = {"decision-AGREEMENT", "decision-COUNTER_PROPOSAL", "decision-REFUSAL", "refusal-by-76"})
  void aKazakhLetterHasNoRussianTextAndNamesTheKazakhRemedies(String template) {
    String type = template.startsWith("decision-") ? template.substring("decision-".length()) : "REFUSAL";
    String kk = letters.render(template, variables("kk", type));
    assertThat(kk).contains("Құрметті").contains("микроқаржы омбудсманына")
        .contains("Қазақстан Республикасының Қаржы нарығын реттеу және дамыту агенттігі")
        .doesNotContain("..").doesNotContain("—");
    for (RestructuringOption o : RestructuringOption.values()) {
      assertThat(kk).doesNotContain(o.russianLabel());
    }
    // words only the Russian letters use
    for (String russian : List.of("Уважаемый", "Вашему", "заявлению", "Условия", "Изменения", "омбудсману",
        "Агентство", "отказ", "договора", "Банк России", "финансовому уполномоченному", "123-ФЗ")) {
      assertThat(kk).as(template + " in Kazakh").doesNotContain(russian);
    }
    if (!type.equals("REFUSAL")) {
      assertThat(kk).contains(RestructuringOption.PAYMENT_DEFERRAL.kazakhLabel()).contains("6 ай");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"decision-AGREEMENT", "decision-COUNTER_PROPOSAL", "decision-REFUSAL", "refusal-by-76"})
  void aRussianLetterToAKazakhBorrowerNamesTheKazakhRemedies(String template) {
    String type = template.startsWith("decision-") ? template.substring("decision-".length()) : "REFUSAL";
    String ru = letters.render(template, variables("ru", type));
    assertThat(ru).contains("Уважаемый(ая) Ахметова Айгуль!").contains("микрофинансовому омбудсману")
        .contains("Агентство Республики Казахстан по регулированию и развитию финансового рынка")
        .doesNotContain("Банк России").doesNotContain("финансовому уполномоченному").doesNotContain("123-ФЗ")
        .doesNotContain("..");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ru", "kk"})
  void optionalLinesOnlyWhenThereIsSomethingToSay(String language) {
    Map<String, Object> v = variables(language, "AGREEMENT");
    String full = letters.decision(v);
    assertThat(full).contains("kk".equals(language) ? "№ 49 қаулысы" : "№ 49)")
        .contains("kk".equals(language) ? "Кепіл мүлкі жоқ." : "Залога нет.")
        .contains(RestructuringOption.COLLATERAL_IN_LIEU.label(language));
    v.put("decisionFeesWaived", false);
    v.put("decisionDifferenceReason", "");
    v.put("decisionDroppedOptions", "");
    String plain = letters.decision(v);
    assertThat(plain).doesNotContain("№ 49").doesNotContain("Залога нет").doesNotContain("Кепіл мүлкі жоқ")
        .doesNotContain("\n\n\n");
    assertThat(plain.lines().count()).isEqualTo(full.lines().count() - 3);
  }
}
