package ru.appealdesk.platform;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;

/**
 * Log policy, last line of defence (docs/security.md): no exception message ever reaches a log line. Messages of
 * libraries quote what they were given — the JDBC driver the values of a failed insert, Jackson the text it could not
 * read, the engine the value it could not convert — and that may be a client's name or passport. Every appender's
 * encoder is wrapped (pattern and structured ECS alike): a logged exception keeps its type and stack trace, loses its
 * message (and those of its causes), and the same messages are cut out of the log line's text where a library put them
 * in (Camunda's {@code ENGINE-16004 Exception while closing command context: …}). What happened stays visible (type,
 * frames, case number, the incident in Cockpit with its full message); what was typed does not.
 *
 * <p>Installed right after Spring Boot has configured Logback ({@code META-INF/spring.factories}), for the whole JVM.
 */
public class WithheldExceptionMessages implements GenericApplicationListener {

  static final String WITHHELD = "[…]";
  /** Shown instead of an exception's message. */
  static final String MESSAGE_WITHHELD = "[message withheld: log policy]";
  /**
   * {@code shown} turns this off (a developer's machine with test data only, never with clients' data); the
   * default is {@code withheld}.
   */
  public static final String PROPERTY = "appealdesk.logging.exception-messages";
  /** Shorter messages ("null", "0", a status) carry nothing and would cut too much out of the text. */
  private static final int MIN_CUT = 4;

  @Override
  public boolean supportsEventType(ResolvableType eventType) {
    Class<?> type = eventType.getRawClass();
    return type != null && (ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
        || ApplicationPreparedEvent.class.isAssignableFrom(type));
  }

  @Override
  public int getOrder() {
    return LoggingApplicationListener.DEFAULT_ORDER + 1;
  }

  @Override
  public void onApplicationEvent(ApplicationEvent event) {
    org.springframework.core.env.Environment env = event instanceof ApplicationEnvironmentPreparedEvent e
        ? e.getEnvironment() : ((ApplicationPreparedEvent) event).getApplicationContext().getEnvironment();
    if (!"shown".equalsIgnoreCase(env.getProperty(PROPERTY, "withheld"))) {
      install();
    }
  }

  /** Wraps the encoder of every output appender of Logback (idempotent). */
  public static void install() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)) {
      return;
    }
    Set<Appender<ILoggingEvent>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Logger logger : context.getLoggerList()) {
      for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
        Appender<ILoggingEvent> appender = it.next();
        if (seen.add(appender) && appender instanceof OutputStreamAppender<ILoggingEvent> out
            && out.getEncoder() != null && !(out.getEncoder() instanceof Withholding)) {
          Withholding wrapper = new Withholding(out.getEncoder());
          wrapper.setContext(context);
          wrapper.start();
          out.setEncoder(wrapper);
        }
      }
    }
  }

  /** The event as it may be written: exception messages withheld. Events without an exception pass unchanged. */
  static ILoggingEvent withheld(ILoggingEvent event) {
    IThrowableProxy tp = event.getThrowableProxy();
    if (tp instanceof Proxy || tp instanceof Plain) {
      return event;
    }
    String text = event.getFormattedMessage();
    String result = text;
    if (tp != null) {
      List<String> messages = new ArrayList<>();
      collect(tp, messages, Collections.newSetFromMap(new IdentityHashMap<>()));
      result = cut(result, messages);
    }
    String logger = event.getLoggerName();
    if (logger == null || !logger.startsWith(OWN_LOGGERS)) {
      result = textTraces(result);
    }
    if (tp == null && java.util.Objects.equals(result, text)) {
      return event;
    }
    return new Event(event, result, tp == null ? null : proxy(tp));
  }

  /** Our own log lines are written to carry no personal data; everyone else's are searched for stack traces. */
  private static final String OWN_LOGGERS = "ru.appealdesk.";
  /** {@code some.package.SomethingException: message} inside a text (a stack trace a library printed itself). */
  private static final java.util.regex.Pattern TRACE_HEADER = java.util.regex.Pattern.compile(
      "((?:[A-Za-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error|Throwable|Fault))(?=: )");
  private static final java.util.regex.Pattern TRACE_FRAME = java.util.regex.Pattern.compile(
      "^\\s+(at |\\.\\.\\. \\d+ (more|common))|^\\s*(Caused by|Suppressed): ");

  /**
   * Stack traces that libraries format into the message text (Camunda REST's {@code ENGINE-REST-HTTP500 …}): every
   * {@code Type: message} keeps the type, loses the message, and the message's further lines go too.
   */
  static String textTraces(String text) {
    if (text == null || (!text.contains("Exception") && !text.contains("Error") && !text.contains("Throwable")
        && !text.contains("Fault"))) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean inMessage = false;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      java.util.regex.Matcher header = TRACE_HEADER.matcher(line);
      if (header.find()) {
        line = line.substring(0, header.end(1)) + ": " + MESSAGE_WITHHELD;
        inMessage = true;
      } else if (inMessage) {
        if (TRACE_FRAME.matcher(line).find()) {
          inMessage = false;
        } else {
          continue;
        }
      }
      if (out.length() > 0 || i > 0) {
        out.append('\n');
      }
      out.append(line);
    }
    return out.toString();
  }

  private static void collect(IThrowableProxy tp, List<String> messages, Set<IThrowableProxy> seen) {
    if (tp == null || !seen.add(tp)) {
      return;
    }
    if (tp.getMessage() != null && tp.getMessage().length() >= MIN_CUT) {
      messages.add(tp.getMessage());
    }
    collect(tp.getCause(), messages, seen);
    if (tp.getSuppressed() != null) {
      for (IThrowableProxy s : tp.getSuppressed()) {
        collect(s, messages, seen);
      }
    }
  }

  static String cut(String text, List<String> messages) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String m : messages) {
      result = result.replace(m, WITHHELD);
    }
    return result;
  }

  private static IThrowableProxy proxy(IThrowableProxy tp) {
    return tp instanceof ThrowableProxy real ? new Proxy(real.getThrowable(), Collections.newSetFromMap(
        new IdentityHashMap<>())) : new Plain(tp);
  }

  /** Encodes through the original encoder, withholding exception messages. */
  static final class Withholding extends EncoderBase<ILoggingEvent> {

    private final Encoder<ILoggingEvent> delegate;

    Withholding(Encoder<ILoggingEvent> delegate) {
      this.delegate = delegate;
    }

    @Override
    public byte[] headerBytes() {
      return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
      return delegate.encode(withheld(event));
    }

    @Override
    public byte[] footerBytes() {
      return delegate.footerBytes();
    }
  }

  /** A throwable standing in for the logged one: same type name and frames, no message (for stack-trace printers). */
  static final class Surrogate extends Throwable {

    private final String typeName;

    Surrogate(Throwable original, Surrogate cause) {
      super(original.getMessage() == null ? null : MESSAGE_WITHHELD, cause, true, true);
      this.typeName = original.getClass().getName();
      setStackTrace(original.getStackTrace());
    }

    @Override
    public String toString() {
      return getMessage() == null ? typeName : typeName + ": " + getMessage();
    }

    static Surrogate of(Throwable t, Set<Throwable> seen) {
      if (t == null || !seen.add(t)) {
        return null;
      }
      Surrogate s = new Surrogate(t, of(t.getCause(), seen));
      for (Throwable suppressed : t.getSuppressed()) {
        Surrogate x = of(suppressed, seen);
        if (x != null) {
          s.addSuppressed(x);
        }
      }
      return s;
    }
  }

  /** Carries only stack frames into {@link ThrowableProxy}'s constructor. */
  static final class FrameCarrier extends Throwable {
    FrameCarrier(StackTraceElement[] frames) {
      super(null, null, false, true);
      setStackTrace(frames);
    }
  }

  /** A {@link ThrowableProxy} (some formatters require one) of the original's type and frames, without messages. */
  static final class Proxy extends ThrowableProxy {

    private final String className;
    private final String message;
    private final IThrowableProxy cause;
    private final IThrowableProxy[] suppressed;
    private final Throwable surrogate;

    Proxy(Throwable original, Set<Throwable> seen) {
      super(frameCarrier(original));
      seen.add(original);
      this.className = original.getClass().getName();
      this.message = original.getMessage() == null ? null : MESSAGE_WITHHELD;
      Throwable c = original.getCause();
      this.cause = c == null || seen.contains(c) ? null : new Proxy(c, seen);
      List<IThrowableProxy> s = new ArrayList<>();
      for (Throwable x : original.getSuppressed()) {
        if (!seen.contains(x)) {
          s.add(new Proxy(x, seen));
        }
      }
      this.suppressed = s.toArray(new IThrowableProxy[0]);
      this.surrogate = Surrogate.of(original, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Throwable frameCarrier(Throwable original) {
      return new FrameCarrier(original.getStackTrace());
    }

    @Override
    public Throwable getThrowable() {
      return surrogate;
    }

    @Override
    public String getMessage() {
      return message;
    }

    @Override
    public String getOverridingMessage() {
      return null;
    }

    @Override
    public String getClassName() {
      return className;
    }

    @Override
    public IThrowableProxy getCause() {
      return cause;
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
      return suppressed;
    }

    @Override
    public boolean isCyclic() {
      return false;
    }
  }

  /** The same for proxies that are not {@link ThrowableProxy} (deserialized events). */
  record Plain(IThrowableProxy original) implements IThrowableProxy {

    @Override
    public String getMessage() {
      return original.getMessage() == null ? null : MESSAGE_WITHHELD;
    }

    @Override
    public String getOverridingMessage() {
      return null;
    }

    @Override
    public String getClassName() {
      return original.getClassName();
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
      return original.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
      return original.getCommonFrames();
    }

    @Override
    public IThrowableProxy getCause() {
      return original.getCause() == null ? null : new Plain(original.getCause());
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
      IThrowableProxy[] s = original.getSuppressed();
      if (s == null) {
        return null;
      }
      IThrowableProxy[] out = new IThrowableProxy[s.length];
      for (int i = 0; i < s.length; i++) {
        out[i] = new Plain(s[i]);
      }
      return out;
    }

    @Override
    public boolean isCyclic() {
      return original.isCyclic();
    }
  }

  /** The logged event with its message text and exception replaced. */
  record Event(ILoggingEvent original, String text, IThrowableProxy throwable) implements ILoggingEvent {

    @Override
    public String getThreadName() {
      return original.getThreadName();
    }

    @Override
    public ch.qos.logback.classic.Level getLevel() {
      return original.getLevel();
    }

    @Override
    public String getMessage() {
      return text;
    }

    @Override
    public Object[] getArgumentArray() {
      return null;
    }

    @Override
    public String getFormattedMessage() {
      return text;
    }

    @Override
    public String getLoggerName() {
      return original.getLoggerName();
    }

    @Override
    public LoggerContextVO getLoggerContextVO() {
      return original.getLoggerContextVO();
    }

    @Override
    public IThrowableProxy getThrowableProxy() {
      return throwable;
    }

    @Override
    public StackTraceElement[] getCallerData() {
      return original.getCallerData();
    }

    @Override
    public boolean hasCallerData() {
      return original.hasCallerData();
    }

    @Override
    public List<Marker> getMarkerList() {
      return original.getMarkerList();
    }

    @Override
    public Map<String, String> getMDCPropertyMap() {
      return original.getMDCPropertyMap();
    }

    @Override
    @SuppressWarnings("deprecation")
    public Map<String, String> getMdc() {
      return original.getMdc();
    }

    @Override
    public long getTimeStamp() {
      return original.getTimeStamp();
    }

    @Override
    public int getNanoseconds() {
      return original.getNanoseconds();
    }

    @Override
    public java.time.Instant getInstant() {
      return original.getInstant();
    }

    @Override
    public long getSequenceNumber() {
      return original.getSequenceNumber();
    }

    @Override
    public List<KeyValuePair> getKeyValuePairs() {
      return original.getKeyValuePairs();
    }

    @Override
    public void prepareForDeferredProcessing() {
      original.prepareForDeferredProcessing();
    }
  }
}
