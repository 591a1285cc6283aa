package ru.appealdesk.restructuring;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The ways to settle overdue debt the company may offer (source 002, ¶69), with the Russian labels of the forms. */
public enum RestructuringOption {
  RATE_REDUCTION("Уменьшение ставки или значения вознаграждения"),
  PAYMENT_DATE_CHANGE("Изменение срока (даты) ежемесячного платежа"),
  PAYMENT_HALVED_TERM_EXTENDED("Уменьшение ежемесячного платежа не менее чем на 50% с увеличением срока микрокредита"),
  REPAYMENT_METHOD_CHANGE("Изменение метода или очередности погашения (аннуитет/дифференцированные, основной долг в приоритете)"),
  PAYMENT_DEFERRAL("Отсрочка платежа по основному долгу и/или вознаграждению"),
  DEBT_FORGIVENESS("Прощение просроченного основного долга и/или вознаграждения, отмена неустойки"),
  COLLATERAL_IN_LIEU("Отступное: передача залогового имущества взамен исполнения обязательств");

  private final String russianLabel;

  RestructuringOption(String russianLabel) {
    this.russianLabel = russianLabel;
  }

  public String russianLabel() {
    return russianLabel;
  }

  public static Optional<RestructuringOption> byCode(String code) {
    return Arrays.stream(values()).filter(o -> o.name().equals(code)).findFirst();
  }

  static String codes(Collection<RestructuringOption> options) {
    return options.stream().map(Enum::name).collect(Collectors.joining(","));
  }

  static String labels(Collection<RestructuringOption> options) {
    return options.stream().map(RestructuringOption::russianLabel).collect(Collectors.joining("; "));
  }

  static List<String> allCodes() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }
}
