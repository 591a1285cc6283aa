package ru.appealdesk.platform;

import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The job executor is deployment-aware, and after a restart the engine only re-registers the deployment that the
 * application itself resumes. Versions that process owners deployed from Camunda Modeler would then keep their timers and
 * async jobs forever unexecuted. This database belongs to Appeal Desk alone, so every deployment in it is registered.
 */
@Component
@Order(0)
class JobExecutorDeployments implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(JobExecutorDeployments.class);

  private final RepositoryService repository;
  private final ManagementService management;

  JobExecutorDeployments(RepositoryService repository, ManagementService management) {
    this.repository = repository;
    this.management = management;
  }

  @Override
  public void run(ApplicationArguments args) {
    Set<String> registered = management.getRegisteredDeployments();
    int added = 0;
    for (Deployment d : repository.createDeploymentQuery().list()) {
      if (!registered.contains(d.getId())) {
        management.registerDeploymentForJobExecutor(d.getId());
        added++;
      }
    }
    log.info("Job executor: {} earlier deployments registered", added);
  }
}
