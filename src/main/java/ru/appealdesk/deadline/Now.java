package ru.appealdesk.deadline;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of the application: the process engine's, so that a test that moves the engine clock
 * ({@code ClockUtil.setCurrentTime}) moves deadlines, reminders, breaches and every "now" of the application with it.
 */
public final class Now {

  private Now() {}

  public static Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static Date date() {
    return Date.from(instant());
  }
}
