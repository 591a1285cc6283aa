package ru.appealdesk.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Asks {@link CaseAccess} for every {@code /api} endpoint that names a case in its path (the path variable
 * {@value #CASE_VARIABLE}), before the body is read or validated: a case the caller may not see is a 404 whatever they
 * sent, and an endpoint added later is guarded without anyone remembering to. The intake endpoints are open to the
 * groups Camunda lets start the process they start (the same grants as Tasklist's "Start process"), nobody else.
 */
@Configuration(proxyBeanMethods = false)
class CaseAccessInterceptor implements WebMvcConfigurer {

  /** The path variable that carries a case number in every {@code /api} endpoint. */
  static final String CASE_VARIABLE = "number";

  /** Intake endpoint (POST) → the process it starts. */
  static final Map<String, String> INTAKE = Map.of(
      "/api/appeals", "appeal-handling",
      "/api/restructurings", "kz-restructuring",
      "/api/outages", "outage-communication");

  private final CaseAccess access;
  private final AuthorizationService authorizations;

  CaseAccessInterceptor(CaseAccess access, AuthorizationService authorizations) {
    this.access = access;
    this.authorizations = authorizations;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new HandlerInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod) {
          check(request);
        }
        return true;
      }
    }).addPathPatterns("/api/**");
  }

  void check(HttpServletRequest request) {
    Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    if (vars instanceof Map<?, ?> map && map.containsKey(CASE_VARIABLE)) {
      access.requireVisible(String.valueOf(map.get(CASE_VARIABLE)));
    }
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    String process = "POST".equals(request.getMethod()) && pattern != null ? INTAKE.get(pattern.toString()) : null;
    if (process != null && !mayStart(Caller.current(), process)) {
      throw new AccessDeniedException("intake of " + process);
    }
  }

  /** What Camunda checks when someone starts the process: CREATE on instances, CREATE_INSTANCE on the definition. */
  boolean mayStart(Caller caller, String processKey) {
    return caller != null
        && authorizations.isUserAuthorized(caller.userId(), caller.groups(), Permissions.CREATE,
            Resources.PROCESS_INSTANCE)
        && authorizations.isUserAuthorized(caller.userId(), caller.groups(),
            ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, processKey);
  }
}
