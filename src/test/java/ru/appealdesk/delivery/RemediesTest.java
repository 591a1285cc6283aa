package ru.appealdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, SPEC §5a: an answer names the remedy that fits the jurisdiction and the claim — RU the financial ombudsman
 * (123-FZ, property claims up to 500 000 roubles, within three years) and the Bank of Russia; KZ the microfinance
 * ombudsman and the ARDFM, in Russian and Kazakh. The choice lives in {@code templates/answer-remedies_<ru|kk>.txt}.
 */
class RemediesTest {

  private final TextTemplates templates = new TextTemplates();

  private String answer(String jurisdiction, String language, String type, String outcome, Object claim) {
    Map<String, Object> values = new HashMap<>(Map.of("appealNumber", "X-1", "clientFullName", "Клиент",
        "answerText", "Текст ответа.", "jurisdiction", jurisdiction, "appealType", type));
    values.put("answerOutcome", outcome);
    BigDecimal amount = ClaimAmount.of(claim);
    if (amount != null) {
      values.put("claimAmount", amount);
      values.put("claimAmountText", ClaimAmount.text(amount));
    }
    return templates.render("answer-pdf", type, language, values).body().replace('\u00A0', ' ');
  }

  @Test
  void russianClaimUpToTheLimitGoesToTheFinancialOmbudsmanWithinThreeYearsAndToTheBankOfRussia() {
    String text = answer("RU", "ru", "COMPLAINT", "NOT_SATISFIED", 120_000);
    assertThat(text).contains("финансовому уполномоченному").contains("№ 123-ФЗ")
        .contains("Ваши требования (120 000 руб.) не превышают 500 000 рублей").contains("не более трёх лет")
        .contains("finombudsman.ru").contains("Банк России").contains("cbr.ru/reception")
        .doesNotContain("вправе обратиться в суд");
    assertThat(answer("RU", "ru", "COMPLAINT", null, 500_000)).as("the limit itself still qualifies")
        .contains("(500 000 руб.) не превышают");
    assertThat(answer("RU", "ru", "COMPLAINT", null, "499 999,90")).contains("(499 999,90 руб.) не превышают");
  }

  @Test
  void russianClaimAboveTheLimitGoesToCourtAndTheBankOfRussiaNotToTheOmbudsman() {
    String text = answer("RU", "ru", "COMPLAINT", "NOT_SATISFIED", 500_000.01);
    assertThat(text).contains("вправе обратиться в суд").contains("Ваши требования (500 000,01 руб.) превышают 500 000")
        .contains("Банк России").doesNotContain("finombudsman.ru").doesNotContain("не превышают");
  }

  @Test
  void withoutAnAmountBothAreNamedWithTheLimitAsTheCondition() {
    String text = answer("RU", "ru", "COMPLAINT", "SATISFIED", null);
    assertThat(text).contains("финансовому уполномоченному")
        .contains("если Ваши имущественные требования не превышают 500 000 рублей").contains("Банк России")
        .contains("Требования на большую сумму Вы вправе заявить в суде");
    assertThat(answer("RU", "ru", "COMPLAINT", null, "не число")).as("an unreadable amount counts as none")
        .contains("если Ваши имущественные требования не превышают 500 000 рублей");
  }

  @Test
  void otherAnswersNameTheRemedyOnlyWhenTheClientDidNotGetWhatTheyAskedFor() {
    assertThat(answer("RU", "ru", "APPLICATION", "SATISFIED", 10_000)).doesNotContain("уполномоченн")
        .doesNotContain("Банк России");
    assertThat(answer("RU", "ru", "APPLICATION", "EXPLAINED", null)).doesNotContain("Банк России");
    assertThat(answer("RU", "ru", "APPLICATION", "PARTIALLY_SATISFIED", 10_000)).contains("финансовому уполномоченному");
    assertThat(answer("RU", "ru", "REQUEST", "REFUSED_TO_CONSIDER", null)).contains("Банк России");
    assertThat(answer("KZ", "kk", "APPLICATION", "SATISFIED", null)).doesNotContain("омбудсман");
  }

  @Test
  void kazakhAnswersNameTheMicrofinanceOmbudsmanAndTheArdfmInRussianAndInKazakh() {
    String ru = answer("KZ", "ru", "COMPLAINT", "NOT_SATISFIED", 300_000);
    assertThat(ru).contains("микрофинансовому омбудсману").contains("статья 29-1 Закона Республики Казахстан")
        .contains("Агентство Республики Казахстан по регулированию и развитию финансового рынка (АРРФР)")
        .doesNotContain("123-ФЗ").doesNotContain("Банк России").doesNotContain("руб.");
    String kk = answer("KZ", "kk", "COMPLAINT", "NOT_SATISFIED", 300_000);
    assertThat(kk).contains("микроқаржы омбудсманына").contains("29-1-бабы")
        .contains("Қаржы нарығын реттеу және дамыту агенттігіне (ҚНРДА)")
        .doesNotContain("омбудсману").doesNotContain("Агентство").doesNotContain("123-ФЗ");
    assertThat(answer("KZ", "kk", "APPLICATION", "REFUSED_TO_CONSIDER", null)).contains("микроқаржы омбудсманына");
  }
}
