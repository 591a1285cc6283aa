package ru.appealdesk.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What some loggers said at DEBUG while a piece of work ran (the SQL of the engine, Hibernate or Spring JDBC, for
 * tests that count statements). The loggers are quiet on the console meanwhile and are restored afterwards.
 */
public final class LogCapture {

  private LogCapture() {}

  public static List<String> debug(Runnable work, String... loggerNames) {
    List<Logger> loggers = new ArrayList<>();
    List<Level> levels = new ArrayList<>();
    List<Boolean> additive = new ArrayList<>();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    for (String name : loggerNames) {
      Logger l = (Logger) LoggerFactory.getLogger(name);
      loggers.add(l);
      levels.add(l.getLevel());
      additive.add(l.isAdditive());
      l.addAppender(appender);
      l.setAdditive(false);
      l.setLevel(Level.DEBUG);
    }
    try {
      work.run();
    } finally {
      for (int i = 0; i < loggers.size(); i++) {
        loggers.get(i).setLevel(levels.get(i));
        loggers.get(i).setAdditive(additive.get(i));
        loggers.get(i).detachAppender(appender);
      }
    }
    return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }
}
