package ru.appealdesk.platform;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A text without control characters (U+0000, the other C0 and C1 controls, DEL). Single-line fields (names, phones,
 * numbers, codes) refuse tab, CR and LF too; {@code multiLine = true} allows them (appeal content, notes, addresses).
 * The JSON reader refuses the worst of them already (see {@link ControlCharacters}); this constraint also guards what
 * arrives through Tasklist forms, where the same request records are validated.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface PlainText {

  boolean multiLine() default false;

  String message() default "недопустимые управляющие символы";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<PlainText, CharSequence> {

    private boolean multiLine;

    @Override
    public void initialize(PlainText annotation) {
      multiLine = annotation.multiLine();
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      int i = ControlCharacters.firstForbidden(value, multiLine);
      if (i < 0) {
        return true;
      }
      char c = value.charAt(i);
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(!multiLine && (c == '\t' || c == '\n' || c == '\r')
              ? "однострочное поле: без табуляции и переводов строки (позиция " + (i + 1) + ")"
              : ControlCharacters.reason(c, i))
          .addConstraintViolation();
      return false;
    }
  }
}
