package ru.appealdesk.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A form submission the server refuses: every problem of the submission at once, each naming the field by the label
 * of the deployed form, in one Russian sentence ({@code «Текст ответа клиенту: не короче 60 символов (введено 34)»}).
 * Thrown by the form validator and by business checks of task listeners (see {@link #of(DelegateTask, Map)}); the
 * engine REST API answers it with HTTP 400 and exactly this sentence as {@code message} (see docs/forms.md).
 */
public class FormRefusedException extends BadUserRequestException {

  private static final long serialVersionUID = 1L;

  /** In Camunda's custom range of exception codes (≥ 20 000); REST clients see it as {@code code}. */
  public static final int CODE = 22_015;

  private final String formId;
  private final transient List<FieldProblem> problems;

  public FormRefusedException(String formId, List<FieldProblem> problems) {
    super(sentence(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("A refusal needs at least one problem");
    }
    this.formId = formId;
    this.problems = List.copyOf(problems);
    setCode(CODE);
    RefusalCapture.record(this);
  }

  /** The id of the form whose submission was refused (null when the refusal is not about a deployed form). */
  public String formId() {
    return formId;
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  /**
   * The refusal a business check of a task listener throws: field keys of the task's form → Russian reasons, the
   * labels read from the form the task shows (its {@code camunda:formRef} and binding). A key that is not on the form
   * keeps its reason alone, so write such a reason so that it names what is missing. Iteration order of the map is the
   * order of the sentence (use a {@link java.util.LinkedHashMap}).
   *
   * <pre>{@code throw FormRefusedException.of(task, Map.of("approvalComment", "укажите, что исправить"));}</pre>
   */
  public static FormRefusedException of(DelegateTask task, Map<String, String> reasonsByField) {
    FormSchema form = FormCatalog.INSTANCE.forTask(task).orElse(null);
    return build(form, reasonsByField);
  }

  /** The same for a start form (a start event's listener or a delegate right after the start event). */
  public static FormRefusedException ofStartForm(DelegateExecution execution, Map<String, String> reasonsByField) {
    FormSchema form = FormCatalog.INSTANCE
        .forStartForm(execution.getProcessEngineServices(), execution.getProcessDefinitionId()).orElse(null);
    return build(form, reasonsByField);
  }

  /** Throws {@link #of(DelegateTask, Map)} when there is at least one reason; does nothing for an empty map. */
  public static void refuseIfAny(DelegateTask task, Map<String, String> reasonsByField) {
    if (!reasonsByField.isEmpty()) {
      throw of(task, reasonsByField);
    }
  }

  private static FormRefusedException build(FormSchema form, Map<String, String> reasonsByField) {
    List<FieldProblem> problems = new ArrayList<>();
    reasonsByField.forEach((field, reason) -> problems.add(
        new FieldProblem(field, form == null ? null : form.labelOf(field).orElse(null), reason)));
    return new FormRefusedException(form == null ? null : form.id(), problems);
  }

  static String sentence(List<FieldProblem> problems) {
    return problems.stream().map(FieldProblem::text).collect(Collectors.joining("; "));
  }
}
