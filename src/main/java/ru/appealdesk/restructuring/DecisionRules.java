package ru.appealdesk.restructuring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import ru.appealdesk.platform.BadRequestException.FieldProblem;
import ru.appealdesk.restructuring.RestructuringProcess.DecisionType;

/**
 * What a credit-committee decision must contain beyond what its form declares (¶69, ¶73, ¶74 and the ARDFM rule).
 * Whether the deferral is mandatory, for how long and whether without fees comes from DMN
 * {@code kz-mandatory-restructuring}; this class enforces its outcome:
 * <ul>
 *   <li>a mandatory case gets an agreement that contains the required option (the deferral) for at least the minimum
 *       months, without fees when the table says so; other options may come on top; a refusal is impossible;</li>
 *   <li>an agreement is the agreement "with the proposed changes" (¶74): options that differ from the requested ones
 *       need a counter-proposal or a stated reason (the mandatory deferral itself needs no reason);</li>
 *   <li>a refusal is reasoned (¶73); an agreement or counter-proposal names options, months and terms.</li>
 * </ul>
 * The form's own limits (the decision type is chosen, option codes, 1–120 months) are enforced from the form.
 */
final class DecisionRules {

  private DecisionRules() {}

  record Decision(String type, List<String> options, Integer months, String terms, String refusalReason,
      String differenceReason, boolean feesWaived) {}

  /** The request and what the decision table made of it. */
  record Request(List<String> options, boolean mandatory, int minimumMonths, String requiredOption,
      boolean feesWaived) {}

  /** Problems, and how the decided options differ from the requested ones. */
  record Outcome(List<FieldProblem> problems, List<String> added, List<String> dropped) {
    boolean differs() {
      return !added.isEmpty() || !dropped.isEmpty();
    }
  }

  static final String ARDFM = "постановление Правления АРРФР от 28.08.2025 № 49";

  static Outcome check(Decision d, Request r) {
    List<FieldProblem> p = new ArrayList<>();
    DecisionType type = type(d.type());
    if (type == null) {
      return new Outcome(p, List.of(), List.of());
    }
    String deferral = r.requiredOption() == null ? null : RestructuringOption.byCode(r.requiredOption())
        .map(RestructuringOption::russianLabel).orElse(r.requiredOption());
    if (type == DecisionType.REFUSAL) {
      if (r.mandatory()) {
        p.add(new FieldProblem("decisionType", "отказ невозможен: заемщику обязательно предоставляется "
            + mandatoryText(r, deferral) + " (п. 74 Политики; " + ARDFM + ")"));
      }
      if (ApplicationCheck.isBlank(d.refusalReason())) {
        p.add(new FieldProblem("refusalReason", "отказ должен быть мотивированным: укажите причины (п. 73)"));
      }
      return new Outcome(p, List.of(), List.copyOf(r.options()));
    }
    List<String> options = d.options() == null ? List.of() : d.options();
    if (options.isEmpty()) {
      p.add(new FieldProblem("decisionOptions", "выберите хотя бы один вариант изменения условий (п. 69)"));
    }
    if (d.months() == null) {
      p.add(new FieldProblem("decisionMonths", "укажите срок действия измененных условий в месяцах"));
    }
    if (ApplicationCheck.isBlank(d.terms())) {
      p.add(new FieldProblem("decisionTerms", "опишите условия (суммы, даты, срок)"));
    }
    if (r.mandatory()) {
      if (type != DecisionType.AGREEMENT) {
        p.add(new FieldProblem("decisionType", "решение — согласие: заемщику обязательно предоставляется "
            + mandatoryText(r, deferral) + "; другие варианты можно добавить к ней (п. 74 Политики; " + ARDFM + ")"));
      }
      if (r.requiredOption() != null && !options.contains(r.requiredOption())) {
        p.add(new FieldProblem("decisionOptions", "обязателен вариант «" + deferral + "» (" + ARDFM + ")"));
      }
      if (d.months() != null && d.months() < r.minimumMonths()) {
        p.add(new FieldProblem("decisionMonths", "срок отсрочки не менее " + r.minimumMonths() + " мес. (п. 74 "
            + "Политики; " + ARDFM + ")"));
      }
      if (r.feesWaived() && !d.feesWaived()) {
        p.add(new FieldProblem("decisionFeesWaived", "подтвердите, что отсрочка предоставляется без комиссий и иных "
            + "платежей (" + ARDFM + ")"));
      }
    }
    Set<String> requested = new LinkedHashSet<>(r.options());
    List<String> added = options.stream().filter(o -> !requested.contains(o)).distinct().toList();
    List<String> dropped = requested.stream().filter(o -> !options.contains(o)).toList();
    List<String> needReason = new ArrayList<>(added);
    if (r.mandatory() && r.requiredOption() != null) {
      needReason.remove(r.requiredOption());
    }
    if (type == DecisionType.AGREEMENT && (!needReason.isEmpty() || !dropped.isEmpty())
        && ApplicationCheck.isBlank(d.differenceReason())) {
      p.add(new FieldProblem("decisionDifferenceReason", "решение отличается от запрошенного клиентом ("
          + difference(needReason, dropped) + "): согласие дается с предложенными изменениями (п. 74), поэтому "
          + "оформите встречное предложение или укажите причину"));
    }
    return new Outcome(p, added, dropped);
  }

  private static String mandatoryText(Request r, String deferral) {
    return (deferral == null ? "согласие" : "«" + deferral + "»") + " не менее чем на " + r.minimumMonths() + " мес."
        + (r.feesWaived() ? " без комиссий и иных платежей" : "");
  }

  private static String difference(List<String> added, List<String> dropped) {
    List<String> parts = new ArrayList<>();
    if (!added.isEmpty()) {
      parts.add("не запрошено: " + RestructuringOption.labelsOfCodes(added, "ru"));
    }
    if (!dropped.isEmpty()) {
      parts.add("не включено из запрошенного: " + RestructuringOption.labelsOfCodes(dropped, "ru"));
    }
    return String.join("; ", parts);
  }

  private static DecisionType type(String code) {
    try {
      return code == null ? null : DecisionType.valueOf(code);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
