package ru.appealdesk.decision;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A decision table sets an answer deadline the law does not allow; the deployment carrying it is refused. A
 * {@link BadUserRequestException}, so the REST API answers 400 with this message (Modeler shows it).
 */
public class LegalDeadlineExceededException extends BadUserRequestException {

  public LegalDeadlineExceededException(String message) {
    super(message);
  }
}
