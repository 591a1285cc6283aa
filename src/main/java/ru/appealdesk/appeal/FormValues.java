package ru.appealdesk.appeal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import ru.appealdesk.platform.BadRequestException;

/**
 * The one reader of what a Camunda Form submitted (or the API put into a variable): texts, dates as Camunda Forms send
 * them ({@code 2026-11-20}, with or without time and offset, or a Date), booleans, lists. What a form declares
 * (required, lengths, values) is enforced by the server-side form validator from the deployed form; this only reads.
 */
public final class FormValues {

  private final VariableScope scope;
  private final ZoneId zone;

  private FormValues(VariableScope scope, ZoneId zone) {
    this.scope = scope;
    this.zone = zone;
  }

  /** Dates without a zone are read in {@code zone} (the jurisdiction's). */
  public static FormValues of(VariableScope scope, ZoneId zone) {
    return new FormValues(scope, zone);
  }

  /** The trimmed text, or null when absent or blank. */
  public String text(String name) {
    Object v = scope.getVariable(name);
    return v == null || v.toString().isBlank() ? null : v.toString().strip();
  }

  /** true/false from a Boolean or its text; {@code fallback} when absent. */
  public boolean bool(String name, boolean fallback) {
    Object v = scope.getVariable(name);
    if (v instanceof Boolean b) {
      return b;
    }
    return v == null ? fallback : Boolean.parseBoolean(v.toString());
  }

  /** A date or date-time; null when absent; a malformed value is a 400 naming the field. */
  public Instant instant(String name) {
    Object v = scope.getVariable(name);
    if (v instanceof Date d) {
      return d.toInstant();
    }
    String s = text(name);
    if (s == null) {
      return null;
    }
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay(zone).toInstant();
      }
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e) {
        return LocalDateTime.parse(s).atZone(zone).toInstant();
      }
    } catch (DateTimeParseException e) {
      throw new BadRequestException(name, "неверная дата «" + Texts.abbreviate(s, 30) + "», формат ГГГГ-ММ-ДД");
    }
  }

  /** The same as {@link #instant} as an offset date-time in the zone. */
  public OffsetDateTime dateTime(String name) {
    Instant i = instant(name);
    return i == null ? null : i.atZone(zone).toOffsetDateTime();
  }

  /** A checklist or tag list (a collection, or comma-separated text); empty when absent. */
  public List<String> list(String name) {
    Object v = scope.getVariable(name);
    if (v instanceof Collection<?> c) {
      return c.stream().filter(x -> x != null && !x.toString().isBlank()).map(x -> x.toString().strip()).toList();
    }
    String s = text(name);
    return s == null ? List.of() : AppealSteps.groups(s);
  }
}
