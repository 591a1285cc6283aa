package ru.appealdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Log lines keep the type and the frames of an exception, never its message, whoever logged it. */
class WithheldExceptionMessagesTest {

  final LoggerContext context = new LoggerContext();

  String encode(String loggerName, String message, Throwable t) {
    PatternLayoutEncoder pattern = new PatternLayoutEncoder();
    pattern.setContext(context);
    pattern.setPattern("%logger %msg%n%ex");
    pattern.start();
    WithheldExceptionMessages.Withholding encoder = new WithheldExceptionMessages.Withholding(pattern);
    encoder.setContext(context);
    encoder.start();
    Logger logger = context.getLogger(loggerName);
    LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.ERROR, message, t, null);
    return new String(encoder.encode(event), StandardCharsets.UTF_8);
  }

  @Test
  void theDriversMessageWithTheInsertedValuesIsWithheld() {
    SQLException batch = new SQLException("Batch entry 0 insert into appeal_client values ('Иванов', '+79161234567') "
        + "was aborted", "22001");
    RuntimeException wrapped = new RuntimeException("could not execute batch: Иванов", batch);
    String line = encode("org.hibernate.engine.jdbc.batch", "ENGINE-16004 Exception while closing command context: "
        + wrapped.getMessage(), wrapped);
    assertThat(line).contains("java.lang.RuntimeException").contains("java.sql.SQLException")
        .contains("at ru.appealdesk.platform.WithheldExceptionMessagesTest")
        .contains(WithheldExceptionMessages.MESSAGE_WITHHELD)
        .doesNotContain("Иванов").doesNotContain("79161234567");
  }

  @Test
  void stackTracesPrintedIntoTheMessageByALibraryLoseTheirMessagesToo() {
    String line = encode("org.camunda.bpm.engine.rest.exception", "ENGINE-REST-HTTP500 "
        + "org.camunda.bpm.engine.rest.exception.RestException: Cannot instantiate: «Иванов Иван»\n"
        + "second line of the message: паспорт 4510 123456\n"
        + "\tat org.camunda.Some.method(Some.java:1)\n"
        + "Caused by: org.camunda.bpm.engine.ProcessEngineException: value «+79161234567»\n"
        + "\tat org.camunda.Other.method(Other.java:2)", null);
    assertThat(line).contains("RestException: " + WithheldExceptionMessages.MESSAGE_WITHHELD)
        .contains("Caused by: org.camunda.bpm.engine.ProcessEngineException")
        .contains("at org.camunda.Other.method")
        .doesNotContain("Иванов").doesNotContain("4510").doesNotContain("79161234567");
  }

  @Test
  void eventsWithoutExceptionsPassUnchanged() {
    assertThat(encode("ru.appealdesk.appeal.AppealService", "Appeal RU-2026-000001 received", null))
        .contains("Appeal RU-2026-000001 received");
    assertThat(encode("org.camunda.bpm.engine", "ENGINE-00001 Process Engine default created.", null))
        .contains("ENGINE-00001 Process Engine default created.");
  }
}
