package ru.appealdesk.client;

/** A field of a client form that needs correcting: its name, its label and why, in the page's language. */
public record FieldError(String field, String label, String message) {

  /** The first message of each field, for the message next to it. */
  static java.util.Map<String, String> byField(java.util.List<FieldError> errors) {
    java.util.Map<String, String> byField = new java.util.HashMap<>();
    errors.forEach(e -> byField.putIfAbsent(e.field(), e.message()));
    return byField;
  }
}
