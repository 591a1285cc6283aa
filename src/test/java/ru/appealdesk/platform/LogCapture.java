package ru.appealdesk.platform;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Production log levels for the duration of a test: the test profile logs WARN and above, the application INFO and
 * above; a test of the log policy must see what production would write. The tests' own SMTP server (GreenMail, not
 * part of the application) stays at WARN: it reports every mailbox it creates, with the address.
 */
public final class LogCapture implements AutoCloseable {

  private final LoggingSystem logging;

  private LogCapture(LoggingSystem logging) {
    this.logging = logging;
    logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
    logging.setLogLevel(TEST_SMTP, LogLevel.WARN);
  }

  static final String TEST_SMTP = "com.icegreen.greenmail";

  public static LogCapture productionLevels() {
    return new LogCapture(LoggingSystem.get(LogCapture.class.getClassLoader()));
  }

  @Override
  public void close() {
    logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
    logging.setLogLevel(TEST_SMTP, null);
  }
}
