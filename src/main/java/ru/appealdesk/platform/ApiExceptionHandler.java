package ru.appealdesk.platform;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import ru.appealdesk.platform.BadRequestException.FieldProblem;

/**
 * Every error of the application's MVC endpoints is an RFC 7807 problem ({@link Problems}): 400 lists each bad field
 * ({@code errors[].field}, {@code errors[].message}), 404/405/413/415 of unknown paths and methods too (no selector on
 * this advice, so it also answers when no controller was found). Never a stack trace, never the input quoted back from
 * a library message, and the log gets the exception type only (see {@code docs/security.md}, log policy).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
  private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '([^']{1,100})'");

  @ExceptionHandler(BadRequestException.class)
  ProblemDetail badRequest(BadRequestException e) {
    return invalid(e.problems());
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraintViolation(ConstraintViolationException e) {
    return invalid(e.getConstraintViolations().stream()
        .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
        .toList());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return Problems.of(HttpStatus.NOT_FOUND, "path", e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return Problems.of(HttpStatus.CONFLICT, "state", e.getMessage());
  }

  /** {@code @PreAuthorize} refusals (and engine refusals) are 403, not "unexpected" 500s. */
  @ExceptionHandler({AccessDeniedException.class, AuthorizationException.class})
  ProblemDetail accessDenied(Exception e) {
    return Problems.of(HttpStatus.FORBIDDEN, "Authorization", SecurityConfiguration.FORBIDDEN_REASON);
  }

  /** A multipart body that cannot be parsed (missing boundary, truncated part …). */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Object> multipart(MultipartException e) {
    if (e instanceof MaxUploadSizeExceededException) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "file", tooLarge()));
    }
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.of(HttpStatus.BAD_REQUEST, "body", "тело multipart/form-data повреждено или неполно"));
  }

  /**
   * A value the database refused although the input checks passed (they should have caught it): answered by its SQL
   * state, so a missed limit is a 400/409 for the caller and a warning in the log, never a 500.
   */
  @ExceptionHandler(DataAccessException.class)
  ProblemDetail dataAccess(DataAccessException e, HttpServletRequest request) {
    String state = sqlState(e);
    if (state != null && state.startsWith("22")) {
      log.warn("Database refused a value of {} {} (SQL state {}): an input check is missing", request.getMethod(),
          request.getRequestURI(), state);
      return invalid(List.of(new FieldProblem("body", switch (state) {
        case "22001" -> "значение длиннее допустимого";
        case "22007", "22008" -> "дата или время вне допустимого диапазона";
        case "22021", "22P05" -> "недопустимые символы в тексте";
        default -> "недопустимое значение";
      })));
    }
    if (e instanceof DataIntegrityViolationException && "23505".equals(state)) {
      return Problems.of(HttpStatus.CONFLICT, "body", "такая запись уже есть");
    }
    return unexpected(e, request);
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e, HttpServletRequest request) {
    String id = UUID.randomUUID().toString();
    // the exception's type and stack only: messages of libraries may quote input (see the log policy)
    log.error("Unexpected error {} in {} {}", id, request.getMethod(), request.getRequestURI(), e);
    ProblemDetail pd = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "body",
        "внутренняя ошибка, обратитесь к администратору и назовите код " + id);
    pd.setProperty("errorId", id);
    return pd;
  }

  // ------------------------------------------------------------------ Spring MVC's own exceptions

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
      problems.add(new FieldProblem(fe.getField(), fe.getDefaultMessage()));
    }
    ex.getBindingResult().getGlobalErrors()
        .forEach(ge -> problems.add(new FieldProblem(ge.getObjectName(), ge.getDefaultMessage())));
    return problem(invalid(problems), headers);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> problems.add(
        new FieldProblem(r.getMethodParameter().getParameterName() == null ? "body"
            : r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
    return problem(invalid(problems), headers);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return problem(invalid(List.of(unreadable(ex.getCause()))), headers);
  }

  /** What was wrong with a body Jackson could not read: the field by its JSON path, never the value quoted back. */
  static FieldProblem unreadable(Throwable cause) {
    if (cause instanceof ControlCharacters.Refused refused) {
      return new FieldProblem(path(refused), refused.reason());
    }
    if (cause instanceof UnrecognizedPropertyException upe) {
      return new FieldProblem(path(upe), "неизвестное поле «" + upe.getPropertyName() + "»; допустимы: "
          + upe.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
    }
    if (cause instanceof InvalidFormatException ife && ife.getTargetType() != null && ife.getTargetType().isEnum()) {
      String allowed = Arrays.stream(ife.getTargetType().getEnumConstants()).map(Object::toString)
          .collect(Collectors.joining(", "));
      return new FieldProblem(path(ife), "недопустимое значение; допустимо: " + allowed);
    }
    if (cause instanceof JsonMappingException jme && jme.getCause() instanceof java.time.DateTimeException) {
      return new FieldProblem(path(jme), "дата и время в формате ISO-8601 с часовым поясом, например "
          + "2026-11-20T10:00:00+03:00, в допустимом диапазоне");
    }
    if (cause instanceof MismatchedInputException mie && !mie.getPath().isEmpty()) {
      return new FieldProblem(path(mie), "неверный тип или формат значения");
    }
    if (cause instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
      return new FieldProblem(path(jme), "неверный формат значения");
    }
    if (cause instanceof JsonParseException jpe && jpe.getOriginalMessage() != null) {
      Matcher duplicate = DUPLICATE_FIELD.matcher(jpe.getOriginalMessage());
      if (duplicate.find()) {
        return new FieldProblem(duplicate.group(1), "поле указано в запросе дважды");
      }
    }
    if (cause == null) {
      return new FieldProblem("body", "тело запроса пустое: ожидается JSON");
    }
    return new FieldProblem("body", "тело запроса не является корректным JSON");
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return problem(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "file", tooLarge()), headers);
  }

  /** Every other exception Spring MVC knows (404 no handler, 405, 406, 415, missing parameters …), in Russian. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    ProblemDetail pd;
    if (ex instanceof HttpRequestMethodNotSupportedException m) {
      pd = Problems.of(status, "method", "метод " + m.getMethod() + " не поддерживается для этого адреса"
          + (m.getSupportedHttpMethods() == null || m.getSupportedHttpMethods().isEmpty() ? ""
              : "; допустимо: " + m.getSupportedHttpMethods().stream().map(Object::toString)
                  .collect(Collectors.joining(", "))));
    } else if (ex instanceof HttpMediaTypeNotSupportedException m) {
      pd = Problems.of(status, "Content-Type", "тип содержимого не поддерживается"
          + (m.getSupportedMediaTypes().isEmpty() ? ""
              : "; допустимо: " + m.getSupportedMediaTypes().stream().map(MediaType::toString).distinct()
                  .collect(Collectors.joining(", "))));
    } else if (ex instanceof HttpMediaTypeNotAcceptableException) {
      pd = Problems.of(status, "Accept", "запрошенный формат ответа не поддерживается; допустимо: application/json");
    } else if (ex instanceof MissingServletRequestParameterException m) {
      pd = Problems.of(status, m.getParameterName(), "обязательный параметр не указан");
    } else if (ex instanceof MissingServletRequestPartException m) {
      pd = Problems.of(status, m.getRequestPartName(), "обязательная часть multipart не передана");
    } else if (ex instanceof MissingRequestHeaderException m) {
      pd = Problems.of(status, m.getHeaderName(), "обязательный заголовок не указан");
    } else if (ex instanceof MissingPathVariableException m) {
      pd = Problems.of(status, m.getVariableName(), "не указано в адресе");
    } else if (ex instanceof MethodArgumentTypeMismatchException m) {
      pd = Problems.of(HttpStatus.BAD_REQUEST, m.getName(), "неверный формат значения");
    } else if (ex instanceof org.springframework.beans.TypeMismatchException m) {
      pd = Problems.of(HttpStatus.BAD_REQUEST, m.getPropertyName() == null ? "body" : m.getPropertyName(),
          "неверный формат значения");
    } else if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
      pd = Problems.of(HttpStatus.NOT_FOUND, "path", "адрес не найден");
    } else if (ex instanceof ResponseStatusException rse && rse.getReason() != null && isRussian(rse.getReason())) {
      pd = Problems.of(status, Problems.field(status.value()), rse.getReason());
    } else if (body instanceof ProblemDetail given && given.getProperties() != null
        && given.getProperties().containsKey("errors")) {
      pd = given;
    } else {
      pd = Problems.generic(status.value());
    }
    return problem(pd, headers);
  }

  private static ResponseEntity<Object> problem(ProblemDetail pd, HttpHeaders headers) {
    HttpHeaders h = new HttpHeaders();
    if (headers != null) {
      h.putAll(headers);
    }
    h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return ResponseEntity.status(pd.getStatus()).headers(h).body(pd);
  }

  static ProblemDetail invalid(List<FieldProblem> problems) {
    Set<FieldProblem> distinct = new LinkedHashSet<>(problems);
    return Problems.of(HttpStatus.BAD_REQUEST, List.copyOf(distinct));
  }

  private static String tooLarge() {
    return "файл или запрос больше допустимого размера";
  }

  private static boolean isRussian(String s) {
    return s.codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC);
  }

  private static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.isEmpty() ? "body" : sb.toString();
  }

  private static String lastNode(String propertyPath) {
    int dot = propertyPath.indexOf('.');
    return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
  }
}
