package ru.appealdesk.restructuring;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import ru.appealdesk.deadline.Jurisdiction;

/**
 * Reads process variables whatever wrote them: the API (Date, Boolean, List), or Camunda Forms in Tasklist (dates and
 * numbers as strings, checklists as JSON arrays). Dates without a zone are Kazakh local time.
 */
final class Vars {

  static final ZoneId ALMATY = Jurisdiction.KZ.zone();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Vars() {}

  static String string(Object v) {
    if (v == null) {
      return null;
    }
    String s = v.toString().trim();
    return s.isEmpty() ? null : s;
  }

  static boolean bool(Object v) {
    return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(v.toString().trim());
  }

  static Boolean boolOrNull(Object v) {
    return v == null ? null : bool(v);
  }

  static BigDecimal decimal(Object v) {
    String s = string(v);
    if (s == null) {
      return null;
    }
    try {
      return new BigDecimal(s.replace(',', '.').replace(" ", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Integer integer(Object v) {
    BigDecimal d = decimal(v);
    if (d == null) {
      return null;
    }
    try {
      return d.intValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  static Date date(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Date d) {
      return d;
    }
    String s = string(v);
    if (s == null) {
      return null;
    }
    try {
      return Date.from(OffsetDateTime.parse(s).toInstant());
    } catch (RuntimeException ignored) {
      // not an offset date-time
    }
    try {
      return Date.from(LocalDateTime.parse(s).atZone(ALMATY).toInstant());
    } catch (RuntimeException ignored) {
      // not a local date-time
    }
    try {
      return Date.from(LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s).atStartOfDay(ALMATY).toInstant());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("не дата: " + s);
    }
  }

  static OffsetDateTime offsetDateTime(Object v) {
    Date d = date(v);
    return d == null ? null : d.toInstant().atZone(ALMATY).toOffsetDateTime();
  }

  /** A list of codes from a Java collection, a JSON array (Camunda Forms checklist) or a comma-separated string. */
  static List<String> codes(Object v) {
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (v instanceof Collection<?> c) {
      c.forEach(o -> {
        if (o != null && !o.toString().isBlank()) {
          out.add(o.toString().trim());
        }
      });
      return out;
    }
    String s = v.toString().trim();
    if (s.startsWith("[")) {
      try {
        return JSON.readValue(s, new TypeReference<List<String>>() {});
      } catch (Exception e) {
        throw new IllegalArgumentException("не список: " + s);
      }
    }
    for (String part : s.split(",")) {
      if (!part.isBlank()) {
        out.add(part.trim());
      }
    }
    return out;
  }
}
