package ru.appealdesk.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import ru.appealdesk.platform.CamundaIdentityAuthenticationProvider.LoginThrottledException;

/**
 * {@code /api/**}, {@code /engine-rest/**} and {@code /actuator/**}: stateless HTTP Basic against Camunda identity,
 * 401 without credentials (as problem JSON, with the Russian reason), 429 while the {@link LoginThrottle} holds an
 * address back. {@code /actuator/health} answers everyone with its status and administrators with the details. The
 * Camunda webapps under {@code /camunda} keep their own session login and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  static final String UNAUTHORIZED_REASON = "войдите с учётной записью сотрудника (HTTP Basic): логин и пароль "
      + "Camunda";
  static final String FORBIDDEN_REASON = "у ваших групп нет права на это действие";

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService, ObjectMapper json,
      @Value(ClientAddress.TRUSTED_PROXIES) int trustedProxies) throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    http
        .securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**"),
            paths.matcher("/actuator/**")))
        // the provider is the application's only AuthenticationProvider bean, so Spring Security's global
        // AuthenticationManager uses it; registering it here too would check every wrong password twice
        .authorizeHttpRequests(a -> a
            .requestMatchers(paths.matcher("/actuator/health"), paths.matcher("/actuator/health/**"),
                paths.matcher("/actuator/info")).permitAll()
            .requestMatchers(paths.matcher("/actuator/**")).denyAll()
            .anyRequest().authenticated())
        .httpBasic(b -> b.realmName("Appeal Desk")
            // the login throttle counts per user and client address: behind our proxies, the client's, not nginx'
            .authenticationDetailsSource(request -> loginDetails(request, trustedProxies))
            .authenticationEntryPoint((req, res, ex) -> unauthorized(req, res, json, ex)))
        .exceptionHandling(e -> e
            .authenticationEntryPoint((req, res, ex) -> unauthorized(req, res, json, ex))
            .accessDeniedHandler((req, res, ex) -> Problems.write(res, json,
                Problems.of(HttpStatus.FORBIDDEN, "Authorization", FORBIDDEN_REASON), req.getRequestURI())))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .addFilterAfter(new EngineIdentityFilter(identityService), BasicAuthenticationFilter.class);
    return http.build();
  }

  /** What an HTTP Basic login carries to {@link CamundaIdentityAuthenticationProvider}: the client's address. */
  static WebAuthenticationDetails loginDetails(HttpServletRequest request, int trustedProxies) {
    return new WebAuthenticationDetails(ClientAddress.of(request, trustedProxies), null);
  }

  /** Everything else (webapps, static resources, public pages) is not guarded by Spring Security. */
  @Bean
  SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
    http
        .authorizeHttpRequests(a -> a.anyRequest().permitAll())
        .csrf(c -> c.disable())
        .headers(h -> h.frameOptions(f -> f.sameOrigin()));
    return http.build();
  }

  /**
   * URLs the firewall refuses ({@code //}, {@code ;}, encoded slashes, {@code %00} …): problem JSON for {@code /api},
   * a plain 400 elsewhere.
   */
  @Bean
  RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
    return (req, res, ex) -> {
      if (Problems.isApi(req.getRequestURI())) {
        Problems.write(res, json, Problems.of(HttpStatus.BAD_REQUEST, "path",
            "адрес запроса содержит недопустимые символы или последовательности"), null);
      } else {
        res.sendError(HttpStatus.BAD_REQUEST.value());
      }
    };
  }

  private static void unauthorized(HttpServletRequest req, HttpServletResponse res, ObjectMapper json,
      AuthenticationException ex) throws IOException {
    if (ex instanceof LoginThrottledException throttled) {
      res.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
      ProblemDetail pd = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Authorization",
          "слишком много неудачных попыток входа с этого адреса; повторите через "
              + throttled.retryAfterSeconds() + " с");
      Problems.write(res, json, pd, req.getRequestURI());
      return;
    }
    res.setHeader("WWW-Authenticate", "Basic realm=\"Appeal Desk\", charset=\"UTF-8\"");
    Problems.write(res, json, Problems.of(HttpStatus.UNAUTHORIZED, "Authorization", UNAUTHORIZED_REASON),
        req.getRequestURI());
  }
}
