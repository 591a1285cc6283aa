package ru.appealdesk.platform;

/** The request is valid but clashes with the current state (e.g. information sent to a closed appeal); 409. */
public class ConflictException extends RuntimeException {

  public ConflictException(String what) {
    super(what);
  }
}
