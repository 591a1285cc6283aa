package ru.appealdesk.appeal;

/** Small text helpers of the appeal package (trimming user input, shortening for variables and logs). */
final class Texts {

  /** Camunda keeps String variables in a varchar(4000) column: longer texts live only in the appeal tables. */
  static final int VARIABLE_TEXT_LIMIT = 3900;

  private Texts() {}

  static String trim(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static String abbreviate(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    return s.substring(0, max - 1) + "…";
  }
}
