package ru.appealdesk.letter;

import java.util.List;

/**
 * What a form or a caller submitted to {@code outgoing-letter} is not acceptable. Thrown while the user completes a task
 * (or starts the process), so the engine rolls the action back and Tasklist shows this message.
 */
public class InvalidLetterException extends RuntimeException {

  private final transient List<String> problems;

  public InvalidLetterException(List<String> problems) {
    super("Исправьте данные письма: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
