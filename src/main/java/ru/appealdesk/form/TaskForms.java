package ru.appealdesk.form;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** What a user task's deployed Camunda Form declares, for listeners outside this package (read as the system). */
public final class TaskForms {

  private TaskForms() {}

  /** The data paths of the form's checkbox fields; empty when the task has no Camunda Form. */
  public static List<String> checkboxes(DelegateTask task) {
    return AsSystem.call(() -> FormCatalog.INSTANCE.forTask(task)).map(form -> form.fields().stream()
        .filter(c -> "checkbox".equals(FormSchema.type(c))).map(FormSchema::path).toList()).orElse(List.of());
  }
}
