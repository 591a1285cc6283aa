package ru.appealdesk.form;

/**
 * One refused field of a form submission: the field's key (its data path, e.g. {@code answerText} or
 * {@code items[1].amount}), the label the employee saw in the form (null when the field is not on the form) and the
 * reason in Russian.
 */
public record FieldProblem(String field, String label, String reason) {

  /** {@code «Текст ответа клиенту: не короче 60 символов»}; only the reason when the field has no label. */
  public String text() {
    return label == null || label.isBlank() ? reason : label + ": " + reason;
  }
}
