package ru.appealdesk.restructuring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.appealdesk.restructuring.RestructuringApplication.Borrower;

/**
 * The application as process variables. The monthly incomes are 12 variables {@code income01} (oldest) …
 * {@code income12} (the month before the month of application), so the Tasklist start form can show 12 number fields.
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
    v.put("requestedOptions", String.join(",", a.requestedOptions()));
    v.put("circumstances", a.circumstances());
    for (int i = 0; i < IncomeDrop.MONTHS; i++) {
      v.put(incomeVariable(i + 1), a.monthlyIncome().get(i).doubleValue());
    }
    v.put("sociallyVulnerable", a.isSociallyVulnerable());
    v.put("targetedSocialAssistance", a.isTargetedSocialAssistance());
    v.put("emergencyAffected", a.isEmergencyAffected());
    return v;
  }

  /** Reads what the API or the start form put into the process (strings, JSON arrays, numbers). */
  static RestructuringApplication read(Map<String, Object> v) {
    List<BigDecimal> income = new ArrayList<>();
    boolean anyIncome = false;
    for (int i = 1; i <= IncomeDrop.MONTHS; i++) {
      BigDecimal m = Vars.decimal(v.get(incomeVariable(i)));
      anyIncome |= m != null;
      income.add(m);
    }
    return new RestructuringApplication(
        new Borrower(Vars.string(v.get("borrowerFullName")), Vars.string(v.get("borrowerIin")),
            Vars.string(v.get("borrowerPhone")), Vars.string(v.get("borrowerEmail")),
            Vars.string(v.get("borrowerPostalAddress"))),
        Vars.string(v.get("contractNumber")),
        Vars.string(v.get("language")),
        Vars.offsetDateTime(v.get("receivedAt")),
        Vars.codes(v.get("requestedOptions")),
        Vars.string(v.get("circumstances")),
        anyIncome ? income : null,
        Vars.bool(v.get("sociallyVulnerable")),
        Vars.bool(v.get("targetedSocialAssistance")),
        Vars.bool(v.get("emergencyAffected")));
  }

  /** What the rest of the process reads: normalized types plus the computed ¶74 income drop. */
  static Map<String, Object> normalized(String number, RestructuringApplication a) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("caseNumber", number);
    v.put("jurisdiction", "KZ");
    v.put("receivedAt", Date.from(a.receivedAt().toInstant()));
    v.put("requestedOptionCodes", String.join(",", a.requestedOptions()));
    v.put("requestedOptionsText", RestructuringOption.labels(
        a.requestedOptions().stream().map(c -> RestructuringOption.byCode(c).orElseThrow()).toList()));
    v.put("incomeDropPercent", IncomeDrop.percent(a.monthlyIncome()).doubleValue());
    v.put("sociallyVulnerable", a.isSociallyVulnerable());
    v.put("targetedSocialAssistance", a.isTargetedSocialAssistance());
    v.put("emergencyAffected", a.isEmergencyAffected());
    v.put("decisionClockStartAt", Date.from(a.receivedAt().toInstant()));
    return v;
  }
}
