package ru.appealdesk.delivery;

/**
 * An answer could not be delivered. Thrown from a job, so Camunda retries it and finally raises an incident whose
 * message (this exception's) names the appeal: the operator sees in Cockpit which client is waiting.
 */
public class DeliveryFailedException extends RuntimeException {

  public DeliveryFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  public DeliveryFailedException(String message) {
    super(message);
  }
}
