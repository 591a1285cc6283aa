package ru.appealdesk.form;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the form filters for both engine REST APIs (the paths follow the configured roots). */
@Configuration(proxyBeanMethods = false)
class FormWebConfiguration {

  @Bean
  FilterRegistrationBean<FormRefusalFilter> formRefusalFilter(ObjectMapper json,
      @Value("${spring.jersey.application-path:/engine-rest}") String restPath,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    String rest = trim(restPath);
    String webappRest = trim(webappPath) + "/api/engine";
    FilterRegistrationBean<FormRefusalFilter> registration = new FilterRegistrationBean<>(
        new FormRefusalFilter(List.of(rest, webappRest), json));
    registration.setName("formRefusalFilter");
    registration.addUrlPatterns(rest + "/*", trim(webappPath) + "/api/engine/*");
    return registration;
  }

  @Bean
  FilterRegistrationBean<CompletionDisplayFieldFilter> completionDisplayFieldFilter(ObjectMapper json,
      FormService forms, TaskService tasks, IdentityService identity,
      @Value("${spring.jersey.application-path:/engine-rest}") String restPath,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    String rest = trim(restPath);
    FilterRegistrationBean<CompletionDisplayFieldFilter> registration = new FilterRegistrationBean<>(
        new CompletionDisplayFieldFilter(List.of(rest, trim(webappPath) + "/api/engine"), json, forms, tasks,
            identity));
    registration.setName("completionDisplayFieldFilter");
    registration.addUrlPatterns(rest + "/*", trim(webappPath) + "/api/engine/*");
    return registration;
  }

  private static String trim(String path) {
    String p = path.startsWith("/") ? path : "/" + path;
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}
