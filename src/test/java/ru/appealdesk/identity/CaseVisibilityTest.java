package ru.appealdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.LogCapture;

/** The candidate group of a task may read the case's variables; other groups may not; nothing outlives the case. */
class CaseVisibilityTest extends AbstractIntegrationTest {

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  JdbcClient jdbc;

  private Deployment deployment;

  @BeforeEach
  void deployFixture() {
    deployment = repositoryService.createDeployment().name("case-visibility-test")
        .addClasspathResource("e2e/e2e-fixture.bpmn").addClasspathResource("e2e/form-e2e-review.form").deploy();
  }

  @AfterEach
  void removeFixture() {
    identityService.clearAuthentication();
    repositoryService.deleteDeployment(deployment.getId(), true);
  }

  @Test
  void candidateGroupReadsTheCaseVariablesAndOthersDoNot() {
    ProcessInstance pi = startCase("CV-1");

    assertThat(variablesSeenBy("lawyer", AppGroup.LEGAL, pi)).containsExactlyInAnyOrder("appealNumber", "subject",
        "answerDueAt");
    assertThat(variablesSeenBy("marketer", AppGroup.MARKETING, pi)).isEmpty();

    Task review = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    taskService.claim(review.getId(), "lawyer");
    taskService.complete(review.getId(), Map.of("conclusion", "Проверено полностью"));
    assertThat(variablesSeenBy("controller", AppGroup.APPEALS_CONTROLLER, pi)).contains("appealNumber");

    Task approve = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    taskService.complete(approve.getId());
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
        .resourceId(pi.getId()).count()).as("grants left after the case ended").isZero();
  }

  /**
   * A case's readers are granted with its first task; a claim or the next task adds only who is new. Handing the
   * stored grants back to the engine unchanged made it rewrite every one of them (a new revision per reader per task,
   * issue 19).
   */
  @Test
  void aNewTaskOfTheCaseDoesNotRewriteTheGrantsItAlreadyHas() {
    ProcessInstance pi = startCase("CV-2");
    Map<String, Integer> first = caseGrantRevisions(pi);
    assertThat(first).as("grants of the first task").isNotEmpty().containsValue(1).doesNotContainValue(2);

    Task review = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    taskService.claim(review.getId(), "lawyer");
    Map<String, Integer> claimed = caseGrantRevisions(pi);
    assertThat(claimed).as("the claim adds the assignee and leaves the rest").containsAllEntriesOf(first)
        .containsEntry(Resources.PROCESS_INSTANCE.resourceType() + "/lawyer", 1).hasSizeGreaterThan(first.size());
    taskService.complete(review.getId(), Map.of("conclusion", "Проверено полностью"));
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_Approve");

    assertThat(caseGrantRevisions(pi)).as("the case's grants after its second task").isEqualTo(claimed);
  }

  /**
   * A task the command has just inserted cannot have a grant in the database: its grants (the candidate group's, the
   * supervisor's READ) are worked out without asking. The engine's default provider asked once per candidate group,
   * and the supervisor's READ once more (issue 19). A task of an earlier command is still asked for: a candidate
   * group added later may hold a grant on it already.
   */
  @Test
  void aNewTaskIsGrantedWithoutLookingItsGrantsUp() {
    List<String> lookups = authorizationStatements(() -> startCase("RU-CV-3"));
    Task review = taskService.createTaskQuery().processInstanceBusinessKey("RU-CV-3").singleResult();
    assertThat(lookups).as("the start's statements, its inserts of the task's grants among them")
        .anyMatch(line -> line.startsWith("==>  Preparing: insert into ACT_RU_AUTHORIZATION"))
        .anyMatch(line -> line.contains(review.getId()));
    assertThat(lookupsOf(lookups, review)).as("lookups of the new task's grants").isEmpty();
    assertThat(taskGrants(review)).as("the candidate group's grant and the RU supervisor's")
        .containsEntry(AppGroup.LEGAL.id(), List.of("READ", "UPDATE"))
        .containsEntry(AppGroup.APPEALS_CONTROLLER.id(), List.of("READ"));

    assertThat(lookupsOf(authorizationStatements(
        () -> taskService.addCandidateGroup(review.getId(), AppGroup.MARKETING.id())), review))
        .as("a candidate group added by a later command").isNotEmpty();
    assertThat(taskGrants(review)).containsKey(AppGroup.MARKETING.id());
  }

  /**
   * The parameters of each select that named the task (MyBatis logs a statement, then its parameters): the engine's
   * own lookups are written in capitals, the provider's stored-grants query is not.
   */
  private static List<String> lookupsOf(List<String> statements, Task task) {
    List<String> lookups = new java.util.ArrayList<>();
    for (int i = 0; i + 1 < statements.size(); i++) {
      if (statements.get(i).toLowerCase(java.util.Locale.ROOT).startsWith("==>  preparing: select")
          && statements.get(i + 1).contains(task.getId())) {
        lookups.add(statements.get(i + 1));
      }
    }
    return lookups;
  }

  /** What the engine's authorization statements logged (MyBatis: statement and parameters) while {@code work} ran. */
  private static List<String> authorizationStatements(Runnable work) {
    return LogCapture.debug(work, "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity");
  }

  /** The permissions of each group's grant on the task. */
  private Map<String, List<String>> taskGrants(Task task) {
    Map<String, List<String>> grants = new java.util.TreeMap<>();
    authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId()).list()
        .forEach(a -> grants.put(a.getGroupId(), java.util.Arrays.stream(a.getPermissions(Permissions.values()))
            .map(p -> p.getName()).filter(n -> !"NONE".equals(n)).sorted().toList()));
    return grants;
  }

  /**
   * A deployer who is not an administrator may read their deployment but not delete it (a cascading delete would
   * remove running cases); an administrator keeps Camunda's READ and DELETE, known by the authentication's groups or,
   * when they do not name {@code camunda-admin}, by the membership.
   */
  @Test
  void onlyAnAdministratorMayDeleteTheDeploymentTheyMade() {
    String owners = AppGroup.PROCESS_OWNERS.id();
    assertThat(deployAs("processowner", owners)).as("process owner").containsExactly(true, false);
    assertThat(deployAs("demo", owners)).as("administrator by membership").containsExactly(true, true);
    assertThat(deployAs("demo", AppGroup.CAMUNDA_ADMIN)).as("administrator by authentication")
        .containsExactly(true, true);
  }

  /** READ and DELETE of the deploying user on a deployment made while authenticated with {@code group}. */
  private List<Boolean> deployAs(String user, String group) {
    identityService.setAuthentication(user, List.of(group));
    Deployment made;
    try {
      made = repositoryService.createDeployment().name("case-visibility-deployer")
          .addClasspathResource("e2e/e2e-fixture.bpmn").addClasspathResource("e2e/form-e2e-review.form").deploy();
    } finally {
      identityService.clearAuthentication();
    }
    try {
      return List.of(Permissions.READ, Permissions.DELETE).stream()
          .map(p -> authorizationService.createAuthorizationQuery().resourceType(Resources.DEPLOYMENT)
              .resourceId(made.getId()).userIdIn(user).list().stream().anyMatch(a -> a.isPermissionGranted(p)))
          .toList();
    } finally {
      repositoryService.deleteDeployment(made.getId(), true);
    }
  }

  private ProcessInstance startCase(String number) {
    return runtimeService.createProcessInstanceById(
        repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult().getId())
        .businessKey(number)
        .setVariables(Map.of("appealNumber", number, "subject", "Тема", "answerDueAt", new Date()))
        .execute();
  }

  /** Revision of each grant on the case's instance (runtime and history), by resource type and grantee. */
  private Map<String, Integer> caseGrantRevisions(ProcessInstance pi) {
    Map<String, Integer> revisions = new java.util.TreeMap<>();
    jdbc.sql("select resource_type_, coalesce(group_id_, user_id_) who, rev_ from act_ru_authorization"
        + " where resource_id_ = :id").param("id", pi.getId())
        .query((rs, n) -> revisions.put(rs.getInt(1) + "/" + rs.getString(2), rs.getInt(3))).list();
    return revisions;
  }

  private List<String> variablesSeenBy(String user, AppGroup group, ProcessInstance pi) {
    identityService.setAuthentication(user, List.of(group.id()));
    try {
      return runtimeService.createVariableInstanceQuery().processInstanceIdIn(pi.getId()).list().stream()
          .map(v -> v.getName()).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
