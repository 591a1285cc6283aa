package ru.appealdesk.platform;

import java.util.List;

/** Input the API cannot accept; answered as 400 problem details with every offending field and the reason. */
public class BadRequestException extends RuntimeException {

  private final transient List<FieldProblem> problems;

  public BadRequestException(String field, String reason) {
    this(List.of(new FieldProblem(field, reason)));
  }

  public BadRequestException(List<FieldProblem> problems) {
    super(problems.isEmpty() ? "Bad request" : problems.get(0).field() + ": " + problems.get(0).message());
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  /** One bad field: its JSON path (e.g. {@code client.fullName}) and why it is bad, in Russian for the employee. */
  public record FieldProblem(String field, String message) {}
}
