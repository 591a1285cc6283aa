package ru.appealdesk.form;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The server-side check of a task's Camunda Form: on {@code complete}, before the task's own listeners from the model,
 * the task's variables (as the submission left them) are checked against what its deployed form declares; any problem
 * refuses the completion with one {@link FormRefusedException} naming every field by its label. Attached to every
 * user task with a {@code camunda:formRef} by {@link FormValidationParseListener}, so no task id is known here.
 */
final class FormValidationListener implements TaskListener {

  private final FormCatalog forms;
  private final FormRules rules;

  FormValidationListener(FormCatalog forms, FormRules rules) {
    this.forms = forms;
    this.rules = rules;
  }

  @Override
  public void notify(DelegateTask task) {
    forms.forTask(task).ifPresent(form -> {
      List<FieldProblem> problems = rules.check(form, FormValues.of(task));
      if (!problems.isEmpty()) {
        throw new FormRefusedException(form.id(), problems);
      }
    });
  }
}
