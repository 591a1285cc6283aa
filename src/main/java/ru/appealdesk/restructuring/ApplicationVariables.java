package ru.appealdesk.restructuring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;
import ru.appealdesk.restructuring.RestructuringApplication.Borrower;

/**
 * The application as process variables. The monthly incomes are 12 variables {@code income01} (oldest) …
 * {@code income12} (the month before the month of application), so the Tasklist forms can show 12 number fields; an
 * unknown month is simply absent.
 */
final class ApplicationVariables {

  private ApplicationVariables() {}

  static String incomeVariable(int month) {
    return String.format("income%02d", month);
  }

  /** Variables to start the process with (the API path). */
  static Map<String, Object> of(RestructuringApplication a) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("borrowerFullName", a.borrower().fullName());
    v.put("borrowerIin", a.borrower().iin());
    v.put("borrowerPhone", a.borrower().phone());
    v.put("borrowerEmail", a.borrower().email());
    v.put("borrowerPostalAddress", a.borrower().postalAddress());
    v.put("contractNumber", a.contractNumber());
    v.put("language", a.language());
    v.put("receivedAt", Date.from(a.receivedAt().toInstant()));
    v.put("requestedOptions", String.join(",", a.options()));
    v.put("circumstances", a.circumstances());
    List<BigDecimal> income = a.incomeByMonth();
    for (int i = 0; i < IncomeDrop.MONTHS; i++) {
      if (income.get(i) != null) {
        v.put(incomeVariable(i + 1), income.get(i).doubleValue());
      }
    }
    v.put("sociallyVulnerable", a.isSociallyVulnerable());
    v.put("targetedSocialAssistance", a.isTargetedSocialAssistance());
    v.put("emergencyAffected", a.isEmergencyAffected());
    return v;
  }

  /** Reads what the API or the start form put into the process (strings, JSON arrays, numbers). */
  static RestructuringApplication read(Map<String, Object> v) {
    return new RestructuringApplication(
        new Borrower(Vars.string(v.get("borrowerFullName")), Vars.string(v.get("borrowerIin")),
            Vars.string(v.get("borrowerPhone")), Vars.string(v.get("borrowerEmail")),
            Vars.string(v.get("borrowerPostalAddress"))),
        Vars.string(v.get("contractNumber")),
        Vars.string(v.get("language")),
        Vars.offsetDateTime(v.get("receivedAt")),
        Vars.codes(v.get("requestedOptions")),
        Vars.string(v.get("circumstances")),
        incomes(v),
        Vars.bool(v.get("sociallyVulnerable")),
        Vars.bool(v.get("targetedSocialAssistance")),
        Vars.bool(v.get("emergencyAffected")));
  }

  /** {@code income01} … {@code income12}, {@code null} where a month is unknown. */
  static List<BigDecimal> incomes(Map<String, Object> v) {
    List<BigDecimal> income = new ArrayList<>();
    for (int i = 1; i <= IncomeDrop.MONTHS; i++) {
      income.add(Vars.decimal(v.get(incomeVariable(i))));
    }
    return income;
  }

  /** What the rest of the process reads: normalized types plus the computed ¶74 income drop and the intake gaps. */
  static Map<String, Object> normalized(String number, RestructuringApplication a, IntakeGaps gaps) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("caseNumber", number);
    v.put("jurisdiction", "KZ");
    v.put("receivedAt", Date.from(a.receivedAt().toInstant()));
    v.putAll(requested(a.options()));
    Double drop = incomeDrop(a.incomeByMonth());
    v.put("incomeDropPercent", drop);
    v.put("incomeDropText", incomeDropText(drop));
    v.put("sociallyVulnerable", a.isSociallyVulnerable());
    v.put("targetedSocialAssistance", a.isTargetedSocialAssistance());
    v.put("emergencyAffected", a.isEmergencyAffected());
    v.put("decisionClockStartAt", Date.from(a.receivedAt().toInstant()));
    v.put("intakeGaps", gaps.codesCsv());
    v.put("intakeGapsText", gaps.text());
    if (gaps.suggestedDocumentRequest() != null) {
      v.put("requestedDocuments", gaps.suggestedDocumentRequest());
    }
    return v;
  }

  /** The requested ¶69 options in the three shapes the process uses: codes, Russian labels, a list for checklists. */
  static Map<String, Object> requested(List<String> codes) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("requestedOptionCodes", String.join(",", codes));
    v.put("requestedOptionsText", codes.isEmpty() ? "Клиент не выбрал вариант (п. 69)"
        : RestructuringOption.labelsOfCodes(codes, "ru"));
    v.put("requestedOptionsList", SpinValues.jsonValue(jsonArray(codes)).create());
    return v;
  }

  /** The ¶74 drop in percent when all 12 months are known, else {@code null} (the decision table then cannot use it). */
  static Double incomeDrop(List<BigDecimal> incomeByMonth) {
    BigDecimal drop = IncomeDrop.percentIfComplete(incomeByMonth);
    return drop == null ? null : drop.doubleValue();
  }

  /** The drop as an employee reads it in a form ("8,47 %"), the exact figure staying in {@code incomeDropPercent}. */
  static String incomeDropText(Double drop) {
    if (drop == null) {
      return "нет данных: известны не все 12 месяцев";
    }
    String text = String.format(java.util.Locale.forLanguageTag("ru"), "%.2f %%", drop);
    return drop < 0 ? text + " (доход вырос)" : text;
  }

  private static String jsonArray(List<String> codes) {
    return codes.stream().map(c -> "\"" + c.replace("\"", "") + "\"")
        .collect(java.util.stream.Collectors.joining(",", "[", "]"));
  }
}
