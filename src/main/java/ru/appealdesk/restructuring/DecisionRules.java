package ru.appealdesk.restructuring;

import java.util.ArrayList;
import java.util.List;
import ru.appealdesk.platform.BadRequestException.FieldProblem;
import ru.appealdesk.restructuring.RestructuringProcess.DecisionType;

/**
 * What a credit-committee decision must contain (¶69, ¶73, ¶74). Whether ¶74 applies is decided by DMN
 * {@code kz-mandatory-restructuring}; this class only enforces its outcome: then only an agreement for at least the
 * minimum number of months is possible.
 */
final class DecisionRules {

  private DecisionRules() {}

  record Decision(String type, List<String> options, Integer months, String terms, String refusalReason) {}

  static List<FieldProblem> problems(Decision d, boolean mandatory, int minimumMonths) {
    List<FieldProblem> p = new ArrayList<>();
    DecisionType type = null;
    try {
      type = d.type() == null ? null : DecisionType.valueOf(d.type());
    } catch (IllegalArgumentException e) {
      // reported below
    }
    if (type == null) {
      p.add(new FieldProblem("decisionType", "выберите решение: согласие, встречное предложение или отказ"));
      return p;
    }
    if (type == DecisionType.REFUSAL) {
      if (mandatory) {
        p.add(new FieldProblem("decisionType", "по п. 74 отказ невозможен: обязательно согласие не менее чем на "
            + minimumMonths + " мес."));
      }
      if (ApplicationCheck.isBlank(d.refusalReason())) {
        p.add(new FieldProblem("refusalReason", "отказ должен быть мотивированным: укажите причины"));
      }
      return p;
    }
    if (d.options() == null || d.options().isEmpty()) {
      p.add(new FieldProblem("decisionOptions", "выберите хотя бы один вариант изменения условий (п. 69)"));
    } else {
      d.options().stream().filter(o -> RestructuringOption.byCode(o).isEmpty())
          .forEach(o -> p.add(new FieldProblem("decisionOptions", "недопустимый вариант «" + o + "»")));
    }
    if (d.months() == null || d.months() < 1) {
      p.add(new FieldProblem("decisionMonths", "укажите срок действия измененных условий в месяцах"));
    }
    if (ApplicationCheck.isBlank(d.terms())) {
      p.add(new FieldProblem("decisionTerms", "опишите условия (суммы, даты, срок)"));
    }
    if (mandatory) {
      if (type != DecisionType.AGREEMENT) {
        p.add(new FieldProblem("decisionType", "по п. 74 обязательно согласие с предложенными изменениями"));
      }
      if (d.months() != null && d.months() < minimumMonths) {
        p.add(new FieldProblem("decisionMonths", "по п. 74 срок не менее " + minimumMonths + " мес."));
      }
    }
    return p;
  }
}
