package ru.appealdesk.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Answers a refused form submission of the engine REST API with the refusal itself: HTTP 400 and Camunda's usual
 * error shape whose {@code message} is only the Russian sentence of the {@link FormRefusedException} (plus
 * {@code errors}: field, label, message per problem), instead of the engine's wrapped technical text ("Cannot submit
 * task form …: ENGINE-03051 … Message: …") with status 500. Covers both REST APIs that complete tasks or start
 * processes: {@code /engine-rest} (integrators) and the webapps' {@code /camunda/api/engine/engine/{name}} (Tasklist),
 * for {@code task/{id}/submit-form}, {@code task/{id}/complete}, {@code process-definition/…/submit-form} and
 * {@code …/start}. Every other request passes untouched. Why a filter and not a JAX-RS exception mapper: docs/forms.md.
 */
final class FormRefusalFilter extends OncePerRequestFilter {

  private static final String CALLS =
      "(/engine/[^/]+)?/(task/[^/]+/(submit-form|complete)"
          + "|process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/(submit-form|start))";

  private final Pattern calls;
  private final ObjectMapper json;

  /** {@code restRoots}: the paths the engine REST APIs are served under ({@code /engine-rest}, {@code /camunda/api/engine}). */
  FormRefusalFilter(List<String> restRoots, ObjectMapper json) {
    this.calls = Pattern.compile("(" + String.join("|", restRoots.stream().map(Pattern::quote).toList()) + ")"
        + CALLS);
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod())) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !calls.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    FormRefusedException refusal;
    RefusalCapture.open();
    try {
      chain.doFilter(request, buffered);
    } finally {
      refusal = RefusalCapture.close();
    }
    if (refusal != null && buffered.getStatus() >= 400 && reportsThis(buffered, refusal)) {
      buffered.resetBuffer();
      buffered.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      buffered.setContentType("application/json;charset=UTF-8");
      buffered.getOutputStream().write(json.writeValueAsBytes(body(refusal)));
    }
    buffered.copyBodyToResponse();
  }

  /** The error the engine answered is this refusal (not an unrelated failure after a refusal that was handled). */
  private boolean reportsThis(ContentCachingResponseWrapper response, FormRefusedException refusal) {
    try {
      JsonNode error = json.readTree(new String(response.getContentAsByteArray(), StandardCharsets.UTF_8));
      return error != null && error.path("message").asText("").contains(refusal.getMessage());
    } catch (IOException e) {
      return false;
    }
  }

  static Map<String, Object> body(FormRefusedException refusal) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", FormRefusedException.class.getSimpleName());
    body.put("message", refusal.getMessage());
    body.put("code", FormRefusedException.CODE);
    body.put("errors", refusal.problems().stream().map(p -> {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("field", p.field());
      e.put("label", p.label());
      e.put("message", p.reason());
      return e;
    }).toList());
    return body;
  }
}
