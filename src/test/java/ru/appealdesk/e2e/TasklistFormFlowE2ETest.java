package ru.appealdesk.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.identity.DemoUsers;

/**
 * The Tasklist harness on a two-step test process (src/test/resources/e2e): an employee of {@code legal} finds the task
 * in "Задачи группы" by the appeal number the filter shows, claims it, gets the form's validation error, completes it,
 * and the next task appears for {@code appeals-controller}. The real processes use the same steps
 * (AppealTasklistE2ETest, RestructuringTasklistE2ETest).
 */
class TasklistFormFlowE2ETest extends BrowserTest {

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  HistoryService historyService;

  @Autowired
  TaskService taskService;

  private Deployment deployment;
  private final List<String> decoys = new ArrayList<>();

  @BeforeEach
  void deployFixture() {
    deployment = repositoryService.createDeployment().name("e2e-fixture")
        .addClasspathResource("e2e/e2e-fixture.bpmn").addClasspathResource("e2e/form-e2e-review.form").deploy();
  }

  @AfterEach
  void removeFixture() {
    repositoryService.deleteDeployment(deployment.getId(), true);
    decoys.forEach(id -> taskService.deleteTask(id, true));
  }

  private String decoy(int i) {
    Task t = taskService.newTask();
    t.setName("Другая задача " + i);
    t.setDueDate(new Date(System.currentTimeMillis() - 3_600_000L * (i + 1)));
    taskService.saveTask(t);
    taskService.addCandidateGroup(t.getId(), "legal");
    return t.getId();
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

    // a busy queue: 16 older tasks push the case off Tasklist's first page (15 per page) until one searches for it
    for (int i = 0; i < 16; i++) {
      decoys.add(decoy(i));
    }

    Tasklist lawyer = new Tasklist(chromium.newPage(), baseUrl(), "fixture").login("lawyer", DemoUsers.PASSWORD);
    lawyer.shot("logged-in");
    lawyer.openFilter("Задачи группы");
    assertThat(lawyer.taskInList("Рассмотреть (E2E)", number)).hasCount(0);
    lawyer.searchCase(number);
    assertThat(lawyer.taskInList("Рассмотреть (E2E)", number)).hasCount(1);
    assertThat(lawyer.page().locator("li.task")).hasCount(1);
    lawyer.shot("group-queue");

    lawyer.openTask("Рассмотреть (E2E)", number).claim();
    assertThat(lawyer.field("Номер обращения")).hasValue(number);
    lawyer.shot("claimed");

    lawyer.type("Заключение", "коротко").pressComplete();
    assertThat(lawyer.fieldErrors().first()).isVisible();
    assertThat(lawyer.fieldErrors().first()).containsText("10");
    lawyer.shot("validation-error");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isOne();

    lawyer.fill("Заключение", "Проверено, претензия обоснована").pressComplete();
    assertThat(lawyer.form()).isHidden();
    lawyer.shot("completed");

    Tasklist controller = new Tasklist(chromium.newPage(), baseUrl(), "fixture").login("controller",
        DemoUsers.PASSWORD);
    controller.step(5).openFilter("Задачи группы").searchCase(number);
    assertThat(controller.taskInList("Утвердить (E2E)", number)).hasCount(1);
    controller.shot("next-group");

    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("conclusion").singleResult().getValue()).isEqualTo("Проверено, претензия обоснована");
  }
}
