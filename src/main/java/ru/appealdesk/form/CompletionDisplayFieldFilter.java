package ru.appealdesk.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.appealdesk.platform.RequestWithBody;

/**
 * {@code POST …/task/{id}/complete} of the engine REST APIs completes a task with variables but, unlike
 * {@code submit-form}, passes no form handler: what it sends for the read-only or disabled fields of the task's form is
 * removed from the request here, so display fields are not input on either call. Only the form and the task's
 * variables are read (as the system: the caller's own permissions still decide the completion itself).
 */
final class CompletionDisplayFieldFilter extends OncePerRequestFilter {

  private final Pattern calls;
  private final ObjectMapper json;
  private final FormService forms;
  private final TaskService tasks;
  private final IdentityService identity;

  CompletionDisplayFieldFilter(List<String> restRoots, ObjectMapper json, FormService forms, TaskService tasks,
      IdentityService identity) {
    this.calls = Pattern.compile("(" + String.join("|", restRoots.stream().map(Pattern::quote).toList()) + ")"
        + "(/engine/[^/]+)?/task/([^/]+)/complete");
    this.json = json;
    this.forms = forms;
    this.tasks = tasks;
    this.identity = identity;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !calls.matcher(path(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher m = calls.matcher(path(request));
    byte[] body = request.getInputStream().readAllBytes();
    String taskId = m.matches() ? URLDecoder.decode(m.group(3), StandardCharsets.UTF_8) : null;
    chain.doFilter(new RequestWithBody(request, withoutDisplayFields(taskId, body)), response);
  }

  private byte[] withoutDisplayFields(String taskId, byte[] body) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException e) {
      return body;
    }
    if (taskId == null || root == null || !(root.get("variables") instanceof ObjectNode variables)
        || variables.isEmpty()) {
      return body;
    }
    Set<String> display = asSystem(() -> displayFields(taskId, variables));
    if (display.stream().noneMatch(variables::has)) {
      return body;
    }
    variables.remove(display);
    try {
      return json.writeValueAsBytes(root);
    } catch (IOException e) {
      return body;
    }
  }

  private Set<String> displayFields(String taskId, ObjectNode submitted) {
    try {
      Optional<FormSchema> form = FormCatalog.INSTANCE.forTask(forms, taskId);
      if (form.isEmpty()) {
        return Set.of();
      }
      Map<String, Object> before = FormValues.plain(tasks.getVariablesTyped(taskId, false));
      Map<String, Object> after = new HashMap<>(before);
      submitted.properties().forEach(e -> after.put(e.getKey(), FormValues.plainValue(e.getValue().get("value"))));
      Set<String> display = FormRules.INSTANCE.displayFields(form.get(), before);
      display.addAll(FormRules.INSTANCE.displayFields(form.get(), after));
      return display;
    } catch (RuntimeException e) {
      // no such task, no form: the engine answers the call itself
      return Set.of();
    }
  }

  /** Reads without the caller's authorizations and puts them back (a filter runs outside engine commands). */
  private <T> T asSystem(Supplier<T> work) {
    var caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
