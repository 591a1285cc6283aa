package ru.appealdesk.platform;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A date a person could really mean: within {@link #years()} years of today (default ±100), not before
 * {@link #notBefore()} and, with {@link #notFuture()}, not later than now (plus a few minutes of clock skew). Keeps
 * typos like year 1 or 9999 and the ±999,999,999-year extremes of {@code java.time} out of the database and the
 * deadline arithmetic. "Today" is the engine clock, as everywhere else in the application.
 */
@Documented
@Constraint(validatedBy = PlausibleDate.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface PlausibleDate {

  /** ISO date (e.g. {@code 2000-01-01}): earlier values are refused; empty = only the {@link #years()} window. */
  String notBefore() default "";

  /** Not later than now (received dates). */
  boolean notFuture() default false;

  /** The window around today, in years. */
  int years() default 100;

  String message() default "дата вне допустимого диапазона";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Clocks of the sender and the server differ a little. */
  Duration CLOCK_SKEW = Duration.ofMinutes(5);

  class Validator implements ConstraintValidator<PlausibleDate, Object> {

    private PlausibleDate rule;
    private LocalDate notBefore;

    @Override
    public void initialize(PlausibleDate annotation) {
      rule = annotation;
      notBefore = annotation.notBefore().isBlank() ? null : LocalDate.parse(annotation.notBefore());
    }

    @Override
    public boolean isValid(Object value, ConstraintValidatorContext context) {
      OffsetDateTime moment = moment(value);
      if (moment == null) {
        return true; // absent, or text the owner's own check reports as unreadable
      }
      Instant at = moment.toInstant();
      Instant now = ClockUtil.getCurrentTime().toInstant();
      ZonedDateTime today = now.atZone(ZoneOffset.UTC);
      String problem = null;
      if (notBefore != null && moment.toLocalDate().isBefore(notBefore)) {
        problem = "не ранее " + notBefore;
      } else if (rule.notFuture() && at.isAfter(now.plus(CLOCK_SKEW))) {
        problem = "дата не может быть в будущем";
      } else if (at.isBefore(today.minusYears(rule.years()).toInstant())
          || at.isAfter(today.plusYears(rule.years()).toInstant())) {
        problem = "дата должна быть в пределах " + rule.years() + " лет от сегодняшнего дня";
      }
      if (problem == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
      return false;
    }

    /**
     * The value as a moment in the offset the sender gave (the calendar day they meant), UTC when it has none; null
     * when absent or unreadable.
     */
    static OffsetDateTime moment(Object value) {
      try {
        if (value instanceof OffsetDateTime o) {
          return o;
        }
        if (value instanceof ZonedDateTime z) {
          return z.toOffsetDateTime();
        }
        if (value instanceof Instant i) {
          return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Date d) {
          return d.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof LocalDate d) {
          return d.atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof CharSequence s && !s.toString().isBlank()) {
          TemporalAccessor parsed = java.time.format.DateTimeFormatter.ISO_DATE_TIME.parseBest(s.toString().strip(),
              OffsetDateTime::from, ZonedDateTime::from, java.time.LocalDateTime::from);
          if (parsed instanceof OffsetDateTime o) {
            return o;
          }
          if (parsed instanceof ZonedDateTime z) {
            return z.toOffsetDateTime();
          }
          return ((java.time.LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
        }
      } catch (ArithmeticException | java.time.DateTimeException e) {
        return null;
      }
      return null;
    }
  }
}
