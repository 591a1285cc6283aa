package ru.appealdesk.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import ru.appealdesk.platform.BadRequestException.FieldProblem;

/**
 * The one shape of every {@code /api} error (RFC 7807, {@code application/problem+json}): a Russian title and detail,
 * and {@code errors[]} with the field (JSON path, parameter, header or {@code path}) and the Russian reason. The MVC
 * exception handler, the security filter chain, the error page, the login throttle and Tomcat's error valve all write
 * it through here, so an integrator parses one format whatever failed.
 */
public final class Problems {

  /** Paths whose errors are always problem JSON, whatever answered them. */
  public static final String API_PREFIX = "/api";

  /** For writers outside Spring (Tomcat's valve): Spring's builder flattens ProblemDetail's properties. */
  static final ObjectMapper FALLBACK_JSON = org.springframework.http.converter.json.Jackson2ObjectMapperBuilder.json()
      .build();

  private Problems() {}

  public static boolean isApi(String path) {
    return path != null && (path.equals(API_PREFIX) || path.startsWith(API_PREFIX + "/"));
  }

  /** At most this many fields are listed (a list of 5,000 bad values gets a short answer). */
  static final int MAX_LISTED = 50;

  public static ProblemDetail of(HttpStatusCode status, List<FieldProblem> all) {
    List<FieldProblem> problems = all;
    if (all.size() > MAX_LISTED) {
      problems = new java.util.ArrayList<>(all.subList(0, MAX_LISTED));
      problems.add(new FieldProblem("body", "и ещё " + (all.size() - MAX_LISTED) + " ошибок"));
    }
    ProblemDetail pd = ProblemDetail.forStatus(status);
    pd.setTitle(title(status.value()));
    pd.setDetail(problems.isEmpty() ? title(status.value())
        : problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
    pd.setProperty("errors", problems);
    return pd;
  }

  public static ProblemDetail of(HttpStatusCode status, String field, String reason) {
    return of(status, List.of(new FieldProblem(field, reason)));
  }

  /** Writes a problem straight to the servlet response (filters, valves: no MVC there). */
  public static void write(HttpServletResponse res, ObjectMapper json, ProblemDetail pd, String path)
      throws IOException {
    if (path != null && pd.getInstance() == null) {
      try {
        pd.setInstance(URI.create(path));
      } catch (IllegalArgumentException e) {
        // a path that is no URI (that is often why it failed): leave instance out
      }
    }
    res.setStatus(pd.getStatus());
    res.setCharacterEncoding(StandardCharsets.UTF_8.name());
    res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    (json == null ? FALLBACK_JSON : json).writeValue(res.getOutputStream(), pd);
  }

  /** Russian title of a status (the detail says what exactly was wrong). */
  public static String title(int status) {
    return switch (status) {
      case 400 -> "Неверный запрос";
      case 401 -> "Требуется вход";
      case 403 -> "Доступ запрещён";
      case 404 -> "Не найдено";
      case 405 -> "Метод не поддерживается";
      case 406 -> "Формат ответа не поддерживается";
      case 409 -> "Конфликт с текущим состоянием";
      case 413 -> "Слишком большой запрос";
      case 414 -> "Слишком длинный адрес";
      case 415 -> "Неподдерживаемый тип содержимого";
      case 429 -> "Слишком много попыток";
      case 431 -> "Слишком большие заголовки запроса";
      case 503 -> "Сервис временно недоступен";
      default -> status >= 500 ? "Внутренняя ошибка" : "Ошибка запроса";
    };
  }

  /** A Russian reason for a status when nothing more specific is known. */
  public static String reason(int status) {
    return switch (status) {
      case 400 -> "запрос не может быть обработан: проверьте адрес, параметры и тело";
      case 401 -> "войдите с учётной записью сотрудника (HTTP Basic)";
      case 403 -> "у ваших групп нет права на это действие";
      case 404 -> "адрес не найден";
      case 405 -> "этот метод не поддерживается для адреса";
      case 413 -> "запрос больше допустимого размера";
      case 414 -> "адрес запроса слишком длинный";
      case 415 -> "тип содержимого не поддерживается";
      case 431 -> "заголовки запроса слишком большие";
      default -> status >= 500 ? "внутренняя ошибка, обратитесь к администратору" : title(status).toLowerCase();
    };
  }

  /** The default field of a status: what the caller should look at. */
  public static String field(int status) {
    return switch (status) {
      case 401, 403 -> "Authorization";
      case 404, 414 -> "path";
      case 405 -> "method";
      case 406 -> "Accept";
      case 415 -> "Content-Type";
      case 431 -> "headers";
      default -> "body";
    };
  }

  public static ProblemDetail generic(int status) {
    return of(HttpStatusCode.valueOf(status), field(status), reason(status));
  }
}
