package ru.appealdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.support.AbstractIntegrationTest;

class JobExecutorDeploymentsIT extends AbstractIntegrationTest {

  @Autowired
  RepositoryService repository;
  @Autowired
  ManagementService management;
  @Autowired
  JobExecutorDeployments registrar;

  @Test
  void deploymentsTheEngineForgotAtRestartAreRegisteredAgain() {
    Deployment modelerDeployment = repository.createDeployment().name("from-modeler")
        .addModelInstance("probe.bpmn", Bpmn.createExecutableProcess("job-executor-probe")
            .camundaHistoryTimeToLive(1).startEvent().endEvent().done())
        .deploy();
    try {
      // what a restart does: the engine knows only the deployments it resumes itself
      management.unregisterDeploymentForJobExecutor(modelerDeployment.getId());
      assertThat(management.getRegisteredDeployments()).doesNotContain(modelerDeployment.getId());

      registrar.run(null);

      assertThat(management.getRegisteredDeployments()).contains(modelerDeployment.getId());
      repository.createDeploymentQuery().list()
          .forEach(d -> assertThat(management.getRegisteredDeployments()).contains(d.getId()));
    } finally {
      repository.deleteDeployment(modelerDeployment.getId(), true);
    }
  }
}
