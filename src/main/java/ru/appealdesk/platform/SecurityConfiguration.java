package ru.appealdesk.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * {@code /api/**} and {@code /engine-rest/**}: stateless HTTP Basic against Camunda identity, 401 without credentials.
 * The Camunda webapps under {@code /camunda} keep their own session login and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService, ObjectMapper json,
      CamundaIdentityAuthenticationProvider provider) throws Exception {
    http
        .securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**")))
        .authenticationProvider(provider)
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .httpBasic(b -> b.realmName("Appeal Desk")
            .authenticationEntryPoint((req, res, ex) -> {
              res.setHeader("WWW-Authenticate", "Basic realm=\"Appeal Desk\"");
              problem(res, json, HttpStatus.UNAUTHORIZED, "Authentication required", req.getRequestURI());
            }))
        .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) ->
            problem(res, json, HttpStatus.FORBIDDEN, "Not allowed for your groups", req.getRequestURI())))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .addFilterAfter(new EngineIdentityFilter(identityService), BasicAuthenticationFilter.class);
    return http.build();
  }

  /** Everything else (webapps, static resources, health) is not guarded by Spring Security. */
  @Bean
  SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
    http
        .authorizeHttpRequests(a -> a
            .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
            .requestMatchers("/actuator/**").denyAll()
            .anyRequest().permitAll())
        .csrf(c -> c.disable())
        .headers(h -> h.frameOptions(f -> f.sameOrigin()));
    return http.build();
  }

  private static void problem(HttpServletResponse res, ObjectMapper json, HttpStatus status, String detail, String path)
      throws IOException {
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
    pd.setInstance(URI.create(path));
    res.setStatus(status.value());
    res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(res.getOutputStream(), pd);
  }
}
