package ru.appealdesk.restructuring;

import java.util.ArrayList;
import java.util.List;

/**
 * What an application lacks (¶65, ¶67): the intake takes what the client has, and what is missing becomes the
 * client-rights officer's request for documents instead of a refusal at the door.
 */
record IntakeGaps(List<String> codes, List<String> texts, String suggestedDocumentRequest) {

  static final String MONTHLY_INCOME = "MONTHLY_INCOME";
  static final String REQUESTED_OPTIONS = "REQUESTED_OPTIONS";

  static IntakeGaps of(List<java.math.BigDecimal> incomeByMonth, List<String> requestedOptions) {
    List<String> codes = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    String request = null;
    if (!IncomeDrop.isComplete(incomeByMonth)) {
      codes.add(MONTHLY_INCOME);
      texts.add("Нет сведений о доходе за все 12 месяцев до месяца обращения: без них нельзя проверить снижение "
          + "дохода (п. 74) и платежеспособность (п. 71).");
      request = "Сведения о доходах за 12 месяцев, предшествующих месяцу обращения (справки о доходах, выписки по "
          + "счетам).";
    }
    if (requestedOptions.isEmpty()) {
      codes.add(REQUESTED_OPTIONS);
      texts.add("Клиент не выбрал вариант урегулирования (п. 69): уточните у клиента, что он просит, или предложите "
          + "вариант встречным предложением.");
    }
    return new IntakeGaps(List.copyOf(codes), List.copyOf(texts), request);
  }

  String codesCsv() {
    return String.join(",", codes);
  }

  /** One line per gap, for the read-only field of the review form; "—" when nothing is missing. */
  String text() {
    return texts.isEmpty() ? "Заявление полное: доходы за 12 месяцев и варианты урегулирования указаны."
        : String.join("\n", texts);
  }
}
