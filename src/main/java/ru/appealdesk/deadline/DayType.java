package ru.appealdesk.deadline;

/** A day that differs from the plain "Monday to Friday work, weekend off" rule; codes of the xmlcalendar format. */
public enum DayType {
  /** {@code t="1"}: public holiday or a day off moved by decree. */
  NON_WORKING(1),
  /** {@code t="2"}: shortened pre-holiday working day (a working day for deadlines). */
  SHORTENED(2),
  /** {@code t="3"}: working Saturday or Sunday decreed by a transfer. */
  WORKING(3);

  private final int code;

  DayType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public boolean isWorking() {
    return this != NON_WORKING;
  }

  public static DayType ofCode(int code) {
    for (DayType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    throw new IllegalArgumentException("Unknown day type " + code + " (expected 1, 2 or 3)");
  }
}
