package ru.appealdesk.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that never reach a controller are problem JSON for {@code /api} too:
 * <ul>
 *   <li>the servlet error page ({@code /error}), where Tomcat forwards a {@code sendError} of a filter or of the
 *       container (e.g. a request too large to read);</li>
 *   <li>Tomcat's own error report (a URL it cannot decode, a malformed request line, headers too large), which is
 *       HTML otherwise: {@link ProblemErrorReportValve} replaces Spring Boot's {@link ErrorReportValve}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ApiErrorPages {

  @Bean
  BasicErrorController basicErrorController(ErrorAttributes errorAttributes, ServerProperties serverProperties,
      ObjectProvider<ErrorViewResolver> resolvers, ObjectMapper json) {
    return new ApiAwareErrorController(errorAttributes, serverProperties, resolvers.orderedStream().toList(), json);
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
    return new WebServerFactoryCustomizer<>() {
      @Override
      public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
          Container host = context.getParent();
          for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
              host.getPipeline().removeValve(valve);
            }
          }
          ProblemErrorReportValve valve = new ProblemErrorReportValve();
          valve.setShowReport(false);
          valve.setShowServerInfo(false);
          host.getPipeline().addValve(valve);
          if (host instanceof org.apache.catalina.core.StandardHost standard) {
            // otherwise the host adds Tomcat's own HTML valve at start, in front of this one's report
            standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
          }
        });
      }

      @Override
      public String toString() {
        return "problem JSON error report valve";
      }
    };
  }

  static final class ApiAwareErrorController extends BasicErrorController {

    private final ObjectMapper json;

    ApiAwareErrorController(ErrorAttributes errorAttributes, ServerProperties serverProperties,
        List<ErrorViewResolver> resolvers, ObjectMapper json) {
      super(errorAttributes, serverProperties.getError(), resolvers);
      this.json = json;
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
      if (Problems.isApi(originalPath(request))) {
        try {
          Problems.write(response, json, problem(request), originalPath(request));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        return null;
      }
      return super.errorHtml(request, response);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ResponseEntity error(HttpServletRequest request) {
      if (Problems.isApi(originalPath(request))) {
        ProblemDetail pd = problem(request);
        return ResponseEntity.status(pd.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
      }
      return super.error(request);
    }

    private static ProblemDetail problem(HttpServletRequest request) {
      Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
      int status = code instanceof Integer i && i >= 400 ? i : 500;
      return Problems.of(HttpStatusCode.valueOf(status), Problems.field(status), Problems.reason(status));
    }

    private static String originalPath(HttpServletRequest request) {
      Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
      String path = uri == null ? request.getRequestURI() : uri.toString();
      String context = request.getContextPath();
      return context != null && !context.isEmpty() && path.startsWith(context) ? path.substring(context.length())
          : path;
    }
  }

  /** Tomcat's error report as problem JSON for {@code /api} paths; HTML (without server details) elsewhere. */
  public static final class ProblemErrorReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = Problems.FALLBACK_JSON;

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0) {
        super.report(request, response, throwable);
        return;
      }
      if (!Problems.isApi(path(request, throwable))) {
        page(response, status);
        return;
      }
      try {
        response.resetBuffer();
        Problems.write(response, JSON, Problems.of(HttpStatusCode.valueOf(status),
            status == 400 ? "path" : Problems.field(status),
            status == 400 ? "адрес или заголовки запроса не могут быть прочитаны" : Problems.reason(status)), null);
        response.finishResponse();
      } catch (IOException | IllegalStateException e) {
        // the connection is gone or the response committed: nothing more to say
      }
    }

    /**
     * Outside {@code /api} (the client pages, the webapps): a short page in Russian instead of Tomcat's English report,
     * without server details.
     */
    private static void page(Response response, int status) {
      String reason = switch (status) {
        case 400 -> "Адрес страницы или заголовки запроса не удалось прочитать. Проверьте ссылку.";
        case 404 -> "Такой страницы нет. Проверьте ссылку.";
        case 413 -> "Запрос слишком большой.";
        default -> "Запрос не может быть обработан.";
      };
      try {
        response.resetBuffer();
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!doctype html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>Ошибка "
            + status + "</title></head><body><h1>Ошибка " + status + "</h1><p>" + reason
            + "</p><p><a href=\"/\">На главную</a></p></body></html>");
        response.finishResponse();
      } catch (IOException | IllegalStateException e) {
        // the connection is gone or the response committed: nothing more to say
      }
    }

    /** "Invalid character found in the request target [/api/appeals/a ]": the part Tomcat read before failing. */
    private static final java.util.regex.Pattern TARGET = java.util.regex.Pattern.compile("request target \\[([^\\]]*)");

    /**
     * The path of the request; when Tomcat could not even read the request line, the part of the target it read,
     * which its exception names.
     */
    private static String path(Request request, Throwable throwable) {
      String uri = null;
      try {
        uri = request.getCoyoteRequest().requestURI().toString();
      } catch (RuntimeException e) {
        // not parsed
      }
      if ((uri == null || uri.isBlank()) && throwable != null && throwable.getMessage() != null) {
        java.util.regex.Matcher m = TARGET.matcher(throwable.getMessage());
        if (m.find()) {
          uri = m.group(1);
        }
      }
      return uri == null || uri.isBlank() ? request.getRequestURI() : uri;
    }
  }
}
