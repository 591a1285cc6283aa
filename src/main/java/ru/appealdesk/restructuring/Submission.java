package ru.appealdesk.restructuring;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.platform.BadRequestException.FieldProblem;

/**
 * What a task's form submitted, as the business checks of {@code kz-restructuring} read it. The form's own limits
 * (required, lengths, allowed values, min/max) are enforced by the form validator from the deployed form; these checks
 * are only what a form cannot say (a field required because of another field, a date not in the future, the law's
 * rules on the decision). Problems become one Russian 400 naming the fields.
 */
final class Submission {

  /** A date a form submits as "today" may be up to a day ahead of the server's clock (time zones). */
  private static final long TOLERANCE_MS = 24L * 3600 * 1000;

  private final DelegateTask task;
  private final List<FieldProblem> problems = new ArrayList<>();
  final Date now = RestructuringService.now();

  Submission(DelegateTask task) {
    this.task = task;
  }

  Object value(String name) {
    return task.getVariable(name);
  }

  String text(String name) {
    return Vars.string(task.getVariable(name));
  }

  boolean flag(String name) {
    return Vars.bool(task.getVariable(name));
  }

  Map<String, Object> variables() {
    return task.getVariables();
  }

  void set(String name, Object value) {
    task.setVariable(name, value);
  }

  void setAll(Map<String, Object> values) {
    values.forEach(task::setVariable);
  }

  void problem(String field, String reason) {
    problems.add(new FieldProblem(field, reason));
  }

  void problems(List<FieldProblem> more) {
    problems.addAll(more);
  }

  /** A text the business rule needs here (the form cannot require it: it depends on another answer). */
  String require(String name, String reason) {
    String value = text(name);
    if (value == null) {
      problem(name, reason);
    }
    return value;
  }

  /** A date from a date picker or the API, stored back as a {@link Date}; {@code null} when absent. */
  Date date(String name) {
    try {
      Date d = Vars.date(task.getVariable(name));
      if (d != null) {
        task.setVariable(name, d);
      }
      return d;
    } catch (IllegalArgumentException e) {
      problem(name, "неверная дата");
      return null;
    }
  }

  /** A date of something that already happened (a receipt, a decision): not in the future. */
  Date pastDate(String name) {
    Date d = date(name);
    if (d != null && d.getTime() > now.getTime() + TOLERANCE_MS) {
      problem(name, "дата не может быть в будущем");
    }
    return d;
  }

  /** Fails the completion when anything was found; Tasklist shows the Russian reasons. */
  void done() {
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
  }
}
