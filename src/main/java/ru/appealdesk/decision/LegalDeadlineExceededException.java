package ru.appealdesk.decision;

import org.camunda.bpm.engine.ProcessEngineException;

/** A decision table sets an answer deadline the law does not allow; the deployment carrying it is refused. */
public class LegalDeadlineExceededException extends ProcessEngineException {

  public LegalDeadlineExceededException(String message) {
    super(message);
  }
}
