package ru.appealdesk.letter;

/** How a signed letter left the company. */
public enum DispatchMethod {
  /** Registered mail: the postal tracking number is required. */
  REGISTERED_MAIL,
  ORDINARY_MAIL,
  COURIER,
  HAND_DELIVERY,
  EMAIL;

  public boolean needsTrackingNumber() {
    return this == REGISTERED_MAIL;
  }
}
