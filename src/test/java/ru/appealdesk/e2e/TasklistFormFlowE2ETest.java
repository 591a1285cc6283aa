package ru.appealdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.identity.DemoUsers;
import ru.appealdesk.support.AbstractIntegrationTest;

/**
 * The Tasklist harness on a two-step test process (src/test/resources/e2e): an employee of {@code legal} finds the task
 * in "Задачи группы" by the appeal number the filter shows, claims it, gets the form's validation error, completes it,
 * and the next task appears for {@code appeals-controller}. The real processes use the same steps
 * (AppealTasklistE2ETest, RestructuringTasklistE2ETest).
 */
class TasklistFormFlowE2ETest extends AbstractIntegrationTest {

  private static Chromium chromium;

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  HistoryService historyService;

  private Deployment deployment;

  @BeforeAll
  static void startBrowser() {
    chromium = Chromium.launch();
  }

  @AfterAll
  static void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @BeforeEach
  void deployFixture() {
    deployment = repositoryService.createDeployment().name("e2e-fixture")
        .addClasspathResource("e2e/e2e-fixture.bpmn").addClasspathResource("e2e/form-e2e-review.form").deploy();
  }

  @AfterEach
  void removeFixture() {
    repositoryService.deleteDeployment(deployment.getId(), true);
  }

  @Test
  void employeeClaimsFixesTheValidationErrorCompletesAndTheNextGroupGetsTheTask() {
    String number = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
    ProcessInstance pi = runtimeService.createProcessInstanceById(
        repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult().getId())
        .businessKey(number)
        .setVariables(Map.of("appealNumber", number, "subject", "Проверка формы",
            "answerDueAt", new Date(System.currentTimeMillis() + 86_400_000L)))
        .execute();

    Tasklist lawyer = new Tasklist(chromium.newPage(), baseUrl(), "fixture").login("lawyer", DemoUsers.PASSWORD);
    lawyer.shot("logged-in");
    lawyer.openFilter("Задачи группы");
    assertThat(lawyer.taskInList("Рассмотреть (E2E)", number)).hasCount(1);
    lawyer.shot("group-queue");

    lawyer.openTask("Рассмотреть (E2E)", number).claim();
    assertThat(lawyer.field("Номер обращения")).hasValue(number);
    lawyer.shot("claimed");

    lawyer.fill("Заключение", "коротко").pressComplete();
    assertThat(lawyer.fieldErrors().first()).isVisible();
    assertThat(lawyer.fieldErrors().first()).containsText("10");
    lawyer.shot("validation-error");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isOne();

    lawyer.fill("Заключение", "Проверено, претензия обоснована").pressComplete();
    assertThat(lawyer.form()).isHidden();
    lawyer.shot("completed");

    Tasklist controller = new Tasklist(chromium.newPage(), baseUrl(), "fixture").login("controller",
        DemoUsers.PASSWORD);
    controller.step(5).openFilter("Задачи группы");
    assertThat(controller.taskInList("Утвердить (E2E)", number)).hasCount(1);
    controller.shot("next-group");

    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("conclusion").singleResult().getValue()).isEqualTo("Проверено, претензия обоснована");
  }
}
