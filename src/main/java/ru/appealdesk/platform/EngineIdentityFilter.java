package ru.appealdesk.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.appealdesk.identity.Caller;

/**
 * Hands the authenticated user of a {@code /engine-rest} call to the engine, so Camunda's authorization checks apply to
 * REST exactly as they do in Tasklist. Application endpoints ({@code /api}) check groups themselves and call the engine
 * as the system.
 */
class EngineIdentityFilter extends OncePerRequestFilter {

  private final IdentityService identityService;

  EngineIdentityFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated()) {
      chain.doFilter(request, response);
      return;
    }
    identityService.setAuthentication(auth.getName(), Caller.groups(auth));
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
