package ru.appealdesk.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The same {@link LoginThrottle} for the login form of Tasklist, Cockpit and Admin
 * ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}, form fields {@code username} and
 * {@code password}): a throttled user and address get 429 without their password being checked; the outcome (401 or
 * 200) is counted like an HTTP Basic attempt.
 */
@Component
class WebappLoginThrottleFilter extends OncePerRequestFilter {

  private static final int MAX_BODY = 16 * 1024;

  private final LoginThrottle throttle;
  private final ObjectMapper json;
  private final Pattern loginPath;
  private final int trustedProxies;

  WebappLoginThrottleFilter(LoginThrottle throttle, ObjectMapper json,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
      @Value(ClientAddress.TRUSTED_PROXIES) int trustedProxies) {
    this.throttle = throttle;
    this.json = json;
    this.trustedProxies = trustedProxies;
    this.loginPath = Pattern.compile(Pattern.quote(webappPath) + "/api/admin/auth/user/[^/]+/login/[^/]+/?");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !loginPath.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_BODY);
    String user = field(body, "username");
    String address = ClientAddress.of(request, trustedProxies);
    long wait = user == null ? 0 : throttle.waitSeconds(user, address);
    if (wait > 0) {
      response.setHeader("Retry-After", Long.toString(wait));
      Problems.write(response, json, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "username",
          "слишком много неудачных попыток входа с этого адреса; повторите через " + wait + " с"), null);
      return;
    }
    chain.doFilter(new RequestWithBody(request, body), response);
    if (user != null) {
      int status = response.getStatus();
      if (status == 401 || status == 403) {
        throttle.failed(user, address);
      } else if (status >= 200 && status < 300) {
        throttle.succeeded(user, address);
      }
    }
  }

  /** One field of an {@code application/x-www-form-urlencoded} body. */
  static String field(byte[] body, String name) {
    for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && name.equals(pair.substring(0, eq))) {
        try {
          return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    return null;
  }
}
