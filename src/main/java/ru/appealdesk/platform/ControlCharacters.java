package ru.appealdesk.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No control characters in any text the API receives: U+0000 and the other C0 and C1 controls (and DEL) are refused
 * in every JSON string, whatever the field; tab, CR and LF are allowed here and refused in single-line fields by
 * {@link SingleLine}. PostgreSQL cannot store U+0000 at all, and the others break letters, CSV exports and logs.
 */
@Configuration(proxyBeanMethods = false)
public class ControlCharacters {

  /** Spring Boot adds every {@link Module} bean to the application's {@code ObjectMapper} (not Camunda's own). */
  @Bean
  Module controlCharacterModule() {
    SimpleModule module = new SimpleModule("appealdesk-control-characters");
    module.addDeserializer(String.class, new CheckedStrings());
    return module;
  }

  /** Index of the first forbidden character, or -1. {@code multiLine}: tab, CR and LF are allowed. */
  public static int firstForbidden(CharSequence s, boolean multiLine) {
    for (int i = 0; i < s.length(); i++) {
      if (forbidden(s.charAt(i), multiLine)) {
        return i;
      }
    }
    return -1;
  }

  public static boolean forbidden(char c, boolean multiLine) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return !multiLine;
    }
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
  }

  /** The Russian reason for a forbidden character at {@code index}. */
  public static String reason(char c, int index) {
    return String.format("недопустимый управляющий символ U+%04X (позиция %d)", (int) c, index + 1);
  }

  static final class CheckedStrings extends StdScalarDeserializer<String> {

    CheckedStrings() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String s = StringDeserializer.instance.deserialize(p, ctxt);
      if (s != null) {
        int i = firstForbidden(s, true);
        if (i >= 0) {
          throw new Refused(p, reason(s.charAt(i), i));
        }
      }
      return s;
    }
  }

  /** A string with a control character; {@link ApiExceptionHandler} answers 400 naming the field. */
  static final class Refused extends MismatchedInputException {

    private final String reason;

    Refused(JsonParser p, String reason) {
      super(p, "Control character in a string value", String.class);
      this.reason = reason;
    }

    String reason() {
      return reason;
    }
  }
}
