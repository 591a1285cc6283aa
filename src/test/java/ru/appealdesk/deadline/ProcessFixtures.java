package ru.appealdesk.deadline;

import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.RepositoryService;

/** Deploys the test-only diagrams of bpmn-test/ (once per content) and writes local times of a jurisdiction. */
final class ProcessFixtures {

  static final String SLA_PATTERN = "bpmn-test/sla-pattern-test.bpmn";
  static final String WORKING_DAY_TIMER = "bpmn-test/timer-working-days-test.bpmn";

  private ProcessFixtures() {}

  static void deploy(RepositoryService repositoryService, String resource) {
    repositoryService.createDeployment().name(resource).addClasspathResource(resource)
        .enableDuplicateFiltering(true).deploy();
  }

  /** A local date-time ({@code 2026-11-03T10:00}) in the jurisdiction's time zone. */
  static Date local(Jurisdiction j, String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(j.zone()).toInstant());
  }
}
