package ru.appealdesk.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link PublicPagesFilter} for the public pages only, ahead of everything else. */
@Configuration(proxyBeanMethods = false)
class ClientPagesConfiguration {

  @Bean
  FilterRegistrationBean<PublicPagesFilter> publicPagesFilter(ClientProperties properties, PublicLimits limits,
      Pages pages, ObjectMapper json) {
    FilterRegistrationBean<PublicPagesFilter> registration =
        new FilterRegistrationBean<>(new PublicPagesFilter(properties, limits, pages, json));
    registration.addUrlPatterns("/appeal", "/appeal/*", "/status/*", "/client/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    registration.setName("publicPagesFilter");
    return registration;
  }
}
