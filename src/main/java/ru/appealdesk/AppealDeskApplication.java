package ru.appealdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Appeal Desk: handling of client appeals of microfinance organisations (RU, KZ) on Camunda 7.
 * No {@code @EnableProcessApplication}: it would switch off the pattern-based auto-deployment of bpmn/, dmn/ and forms/.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AppealDeskApplication {

  public static void main(String[] args) {
    SpringApplication.run(AppealDeskApplication.class, args);
  }
}
