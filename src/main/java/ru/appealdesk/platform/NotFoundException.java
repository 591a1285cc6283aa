package ru.appealdesk.platform;

/** A resource (appeal, document, restructuring …) that does not exist; answered as 404 problem details. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what) {
    super(what);
  }
}
