package ru.appealdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.support.AbstractIntegrationTest;

/** Who holds a case: its open tasks with their candidate groups and assignee, else the activities it waits in. */
class HoldersTest extends AbstractIntegrationTest {

  @Autowired
  Holders holders;

  private RepositoryService repository;
  private RuntimeService runtime;
  private TaskService tasks;
  private Deployment deployment;

  @BeforeEach
  void engine() {
    repository = processEngine.getRepositoryService();
    runtime = processEngine.getRuntimeService();
    tasks = processEngine.getTaskService();
  }

  @AfterEach
  void removeProbe() {
    if (deployment != null) {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void theOpenTasksOfTheCaseWithTheirGroupsAndAssigneeButNoEscalation() {
    deploy(Bpmn.createExecutableProcess("holders-probe").camundaHistoryTimeToLive(1)
        .startEvent().parallelGateway("Fork")
        .userTask("Task_Answer").name("Подготовить ответ").camundaCandidateGroups("marketing,legal").endEvent()
        .moveToNode("Fork").userTask("Task_EscalationProbe").name("Разобрать просрочку")
        .camundaCandidateGroups("appeals-controller").endEvent()
        .done());
    runtime.startProcessInstanceByKey("holders-probe", "RU-HOLD-1");
    String answer = tasks.createTaskQuery().processInstanceBusinessKey("RU-HOLD-1").taskDefinitionKey("Task_Answer")
        .singleResult().getId();
    tasks.claim(answer, "lawyer");
    runtime.startProcessInstanceByKey("holders-probe", "RU-HOLD-2"); // another case is not this one's holder

    assertThat(holders.of("RU-HOLD-1", null)).containsExactly(
        new Holders.Holder("Task_Answer", "Подготовить ответ", "legal, marketing", "lawyer"));
    assertThat(holders.of("RU-HOLD-1", null).get(0).describe())
        .isEqualTo("«Подготовить ответ» (legal, marketing), исполнитель lawyer");
    assertThat(holders.of("RU-HOLD-2", null)).singleElement()
        .satisfies(h -> assertThat(h.assignee()).isNull());
  }

  @Test
  void withoutAnOpenTaskTheActivitiesTheCaseWaitsIn() {
    deploy(Bpmn.createExecutableProcess("holders-wait-probe").camundaHistoryTimeToLive(1)
        .startEvent().receiveTask("Wait_Letter").name("Ждать письма").endEvent()
        .done());
    runtime.startProcessInstanceByKey("holders-wait-probe", "RU-HOLD-3");

    assertThat(holders.of("RU-HOLD-3", null)).containsExactly(new Holders.Holder("Wait_Letter", "Ждать письма", null,
        null));
    assertThat(holders.of("RU-HOLD-3", "Wait_Letter")).as("the step that asks is not its own holder").isEmpty();
  }

  private void deploy(BpmnModelInstance model) {
    deployment = repository.createDeployment().addModelInstance("holders-probe.bpmn", model).deploy();
  }
}
