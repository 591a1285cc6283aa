package ru.appealdesk.restructuring;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ways to settle overdue debt the company may offer (source 002, ¶69), with the Russian labels of the forms and the
 * Kazakh labels of the letters to borrowers who applied in Kazakh.
 */
public enum RestructuringOption {
  RATE_REDUCTION("Уменьшение ставки или значения вознаграждения",
      "Сыйақы мөлшерлемесін немесе сыйақы мөлшерін төмендету"),
  PAYMENT_DATE_CHANGE("Изменение срока (даты) ежемесячного платежа",
      "Ай сайынғы төлемнің мерзімін (күнін) өзгерту"),
  PAYMENT_HALVED_TERM_EXTENDED("Уменьшение ежемесячного платежа не менее чем на 50% с увеличением срока микрокредита",
      "Микрокредит мерзімін ұзарта отырып, ай сайынғы төлемді кемінде 50%-ға азайту"),
  REPAYMENT_METHOD_CHANGE("Изменение метода или очередности погашения (аннуитет/дифференцированные, основной долг в приоритете)",
      "Өтеу әдісін немесе кезектілігін өзгерту (аннуитеттік немесе сараланған төлемдер, негізгі борышты бірінші кезекте өтеу)"),
  PAYMENT_DEFERRAL("Отсрочка платежа по основному долгу и/или вознаграждению",
      "Негізгі борыш және (немесе) сыйақы бойынша төлемді кейінге қалдыру"),
  DEBT_FORGIVENESS("Прощение просроченного основного долга и/или вознаграждения, отмена неустойки",
      "Мерзімі өткен негізгі борышты және (немесе) сыйақыны кешіру, тұрақсыздық айыбының күшін жою"),
  COLLATERAL_IN_LIEU("Отступное: передача залогового имущества взамен исполнения обязательств",
      "Міндеттемелерді орындаудың орнына кепілдегі мүлікті беру (бересі)");

  private final String russianLabel;
  private final String kazakhLabel;

  RestructuringOption(String russianLabel, String kazakhLabel) {
    this.russianLabel = russianLabel;
    this.kazakhLabel = kazakhLabel;
  }

  public String russianLabel() {
    return russianLabel;
  }

  public String kazakhLabel() {
    return kazakhLabel;
  }

  /** The label in the language of an application ({@code kk} Kazakh, anything else Russian). */
  public String label(String language) {
    return "kk".equals(language) ? kazakhLabel : russianLabel;
  }

  public static Optional<RestructuringOption> byCode(String code) {
    return Arrays.stream(values()).filter(o -> o.name().equals(code)).findFirst();
  }

  static String codes(Collection<RestructuringOption> options) {
    return options.stream().map(Enum::name).collect(Collectors.joining(","));
  }

  static String labels(Collection<RestructuringOption> options) {
    return labels(options, "ru");
  }

  static String labels(Collection<RestructuringOption> options, String language) {
    return options.stream().map(o -> o.label(language)).collect(Collectors.joining("; "));
  }

  /** Labels of the known codes among {@code codes} (unknown ones are skipped), in the given language. */
  static String labelsOfCodes(Collection<String> codes, String language) {
    return labels(codes.stream().map(RestructuringOption::byCode).flatMap(Optional::stream).toList(), language);
  }

  static List<String> allCodes() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }
}
