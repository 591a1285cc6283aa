package ru.appealdesk.casefile;

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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Document ids that must be documents of the case in the request path ({@code /api/appeals/{number}/…}): e.g. the
 * {@code attachments} of {@code POST /api/appeals/{number}/information}. An id of another case's file, or one that does
 * not exist, is a 400 naming it. Outside an HTTP request (no case number in sight) nothing is checked.
 */
@Documented
@Constraint(validatedBy = CaseFileDocuments.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface CaseFileDocuments {

  /** The path variable that holds the case number. */
  String pathVariable() default "number";

  String message() default "документ не найден в деле";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<CaseFileDocuments, Collection<?>> {

    @Autowired(required = false)
    private CaseFile caseFile;
    private String pathVariable;

    @Override
    public void initialize(CaseFileDocuments annotation) {
      pathVariable = annotation.pathVariable();
    }

    /** More ids than this are refused by the list's size limit; they are not looked up one by one. */
    static final int MAX_CHECKED = 100;

    @Override
    public boolean isValid(Collection<?> ids, ConstraintValidatorContext context) {
      String caseNumber = caseNumber(pathVariable);
      if (ids == null || ids.isEmpty() || ids.size() > MAX_CHECKED || caseNumber == null || caseFile == null) {
        return true;
      }
      List<Long> filed = caseFile.list(caseNumber).stream().map(CaseDocument::id).toList();
      List<Integer> notIds = new ArrayList<>();
      List<String> foreign = new ArrayList<>();
      int i = 0;
      for (Object id : ids) {
        i++;
        String text = id == null ? "" : id.toString().strip();
        Long value = text.matches("[0-9]{1,18}") ? Long.valueOf(text) : null;
        if (value == null) {
          notIds.add(i);
        } else if (!filed.contains(value)) {
          foreign.add(value.toString());
        }
      }
      if (notIds.isEmpty() && foreign.isEmpty()) {
        return true;
      }
      // one violation for the whole list: the rejected value is the list, repeated in every violation's message
      List<String> parts = new ArrayList<>();
      if (!notIds.isEmpty()) {
        parts.add("вложения № " + limited(notIds) + ": ожидается номер документа из дела (id из POST …/documents)");
      }
      if (!foreign.isEmpty()) {
        parts.add("документов " + limited(foreign) + " нет в деле " + caseNumber);
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(escape(String.join("; ", parts))).addConstraintViolation();
      return false;
    }

    private static String limited(List<?> items) {
      List<?> shown = items.size() > 10 ? items.subList(0, 10) : items;
      return shown.stream().map(Object::toString).collect(java.util.stream.Collectors.joining(", "))
          + (items.size() > shown.size() ? " и ещё " + (items.size() - shown.size()) : "");
    }

    private static String escape(String message) {
      return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }

    @SuppressWarnings("unchecked")
    private static String caseNumber(String variable) {
      RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
      if (attributes == null) {
        return null;
      }
      Object vars = attributes.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
          RequestAttributes.SCOPE_REQUEST);
      return vars instanceof Map<?, ?> map ? (String) ((Map<String, String>) map).get(variable) : null;
    }
  }
}
