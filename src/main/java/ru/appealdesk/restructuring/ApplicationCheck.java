package ru.appealdesk.restructuring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.platform.BadRequestException.FieldProblem;

/**
 * Server-side check of an application, the same for the API and the Tasklist start form. Reasons are Russian. Only
 * what identifies the borrower, the contract and the application is required: incomes and the ¶69 options may be
 * missing (the officer asks for them, ¶67), but what is given must be valid.
 */
final class ApplicationCheck {

  private ApplicationCheck() {}

  static void require(RestructuringApplication a) {
    List<FieldProblem> problems = problems(a);
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
  }

  static List<FieldProblem> problems(RestructuringApplication a) {
    List<FieldProblem> p = new ArrayList<>();
    if (a.borrower() == null) {
      p.add(new FieldProblem("borrower", "укажите заемщика"));
    } else {
      blank(p, "borrower.fullName", a.borrower().fullName(), "укажите ФИО заемщика");
      String iin = Iin.problem(a.borrower().iin());
      if (iin != null) {
        p.add(new FieldProblem("borrower.iin", iin));
      }
      if (isBlank(a.borrower().phone()) && isBlank(a.borrower().email()) && isBlank(a.borrower().postalAddress())) {
        p.add(new FieldProblem("borrower.phone", "укажите хотя бы один способ связи: телефон, e-mail или почтовый адрес"));
      }
      if (!isBlank(a.borrower().email()) && !a.borrower().email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
        p.add(new FieldProblem("borrower.email", "неверный адрес электронной почты"));
      }
    }
    blank(p, "contractNumber", a.contractNumber(), "укажите номер договора микрокредита");
    if (a.language() == null || !List.of("ru", "kk").contains(a.language())) {
      p.add(new FieldProblem("language", "язык заявления: ru или kk"));
    }
    if (a.receivedAt() == null) {
      p.add(new FieldProblem("receivedAt", "укажите дату и время получения заявления"));
    }
    List<String> options = a.requestedOptions() == null ? List.of() : a.requestedOptions();
    for (int i = 0; i < options.size(); i++) {
      String code = options.get(i);
      if (code != null && !code.isBlank() && RestructuringOption.byCode(code.trim()).isEmpty()) {
        p.add(new FieldProblem("requestedOptions[" + i + "]", "недопустимый вариант «" + code
            + "»; допустимо: " + String.join(", ", RestructuringOption.allCodes())));
      }
    }
    if (a.monthlyIncome() != null) {
      if (a.monthlyIncome().size() > IncomeDrop.MONTHS) {
        p.add(new FieldProblem("monthlyIncome", "не более 12 сумм: доход за 12 месяцев до месяца обращения, "
            + "начиная с самого раннего"));
      } else {
        for (int i = 0; i < a.monthlyIncome().size(); i++) {
          BigDecimal m = a.monthlyIncome().get(i);
          if (m != null && m.signum() < 0) {
            p.add(new FieldProblem("monthlyIncome[" + i + "]", "доход должен быть неотрицательным числом"));
          }
        }
      }
    }
    return p;
  }

  private static void blank(List<FieldProblem> p, String field, String value, String reason) {
    if (isBlank(value)) {
      p.add(new FieldProblem(field, reason));
    }
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
