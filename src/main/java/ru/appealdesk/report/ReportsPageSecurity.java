package ru.appealdesk.report;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * {@code /reports} (the officers' report pages) needs a login: HTTP Basic against Camunda identity like {@code /api}
 * (the browser asks for the Camunda login and password), and one of the groups that may read the SLA report. The
 * page's assets ({@code /reports-assets/**}, {@code /webjars/**}) stay public: they hold no data.
 */
@Configuration(proxyBeanMethods = false)
class ReportsPageSecurity {

  static final String GROUPS_ALLOWED = "отчёт доступен сотруднику, ответственному за работу с обращениями (РФ), ДЛПК "
      + "(Казахстан) и администраторам";

  @Bean
  @Order(10)
  SecurityFilterChain reportsPageFilterChain(HttpSecurity http) throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    http
        .securityMatcher(new OrRequestMatcher(paths.matcher("/reports"), paths.matcher("/reports/**")))
        .authorizeHttpRequests(a -> a.anyRequest().hasAnyAuthority("GROUP_appeals-controller",
            "GROUP_client-rights-officer", "GROUP_camunda-admin"))
        .httpBasic(b -> b.realmName("Appeal Desk").authenticationEntryPoint((req, res, ex) -> {
          res.setHeader("WWW-Authenticate", "Basic realm=\"Appeal Desk\", charset=\"UTF-8\"");
          page(res, HttpServletResponse.SC_UNAUTHORIZED, "Нужен вход",
              "Войдите с учётной записью сотрудника: логин и пароль Camunda.");
        }))
        .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) ->
            page(res, HttpServletResponse.SC_FORBIDDEN, "Нет доступа", "Этот " + GROUPS_ALLOWED + ".")))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(h -> h.frameOptions(f -> f.deny()));
    return http.build();
  }

  private static void page(HttpServletResponse res, int status, String title, String text)
      throws java.io.IOException {
    res.setStatus(status);
    res.setContentType("text/html;charset=UTF-8");
    res.getOutputStream().write(("<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>" + title
        + "</title></head><body><h1>" + title + "</h1><p>" + text + "</p></body></html>")
        .getBytes(StandardCharsets.UTF_8));
  }
}
