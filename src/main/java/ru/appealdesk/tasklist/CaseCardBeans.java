package ru.appealdesk.tasklist;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.stereotype.Component;

/**
 * Hands the Spring beans to the card's REST resource: Camunda's Tasklist JAX-RS application creates plugin resources
 * itself (not Spring), so they look the application's services up here.
 */
@Component
class CaseCardBeans implements ApplicationContextAware {

  private static volatile ApplicationContext context;

  @Override
  public void setApplicationContext(ApplicationContext applicationContext) {
    context = applicationContext;
  }

  static CaseCards cards() {
    return bean(CaseCards.class);
  }

  static ObjectMapper json() {
    return bean(ObjectMapper.class);
  }

  private static <T> T bean(Class<T> type) {
    ApplicationContext c = context;
    if (c == null) {
      throw new IllegalStateException("Application not started");
    }
    return c.getBean(type);
  }
}
