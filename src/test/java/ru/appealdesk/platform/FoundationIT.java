package ru.appealdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.appealdesk.identity.AppGroup;
import ru.appealdesk.identity.DemoUsers;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

class FoundationIT extends AbstractIntegrationTest {

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  IdentityService identityService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  TaskService taskService;

  @Test
  void runsOnPostgresWithFlywayMigrationsApplied() {
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 15");
    Integer applied = jdbc.queryForObject(
        "select count(*) from appdesk_schema_history where success and version = '1'", Integer.class);
    assertThat(applied).isEqualTo(1);
    assertThat(jdbc.queryForObject("select value from app_info where key = 'schema'", String.class))
        .isEqualTo("appeal-desk");
  }

  @Test
  void groupsOfTheSpecExistWithRussianNames() {
    for (AppGroup g : AppGroup.values()) {
      Group group = identityService.createGroupQuery().groupId(g.id()).singleResult();
      assertThat(group).as(g.id()).isNotNull();
      assertThat(group.getName()).isEqualTo(g.russianName());
    }
    assertThat(identityService.createGroupQuery().groupId(AppGroup.CAMUNDA_ADMIN).count()).isEqualTo(1);
    assertThat(identityService.createGroupQuery().groupMember("demo").groupId(AppGroup.CAMUNDA_ADMIN).count())
        .isEqualTo(1);
  }

  @Test
  void authorizationsAreOnAndGranted() {
    assertThat(processEngine.getProcessEngineConfiguration().isAuthorizationEnabled()).isTrue();
    assertThat(authorizationService.isUserAuthorized(DemoUsers.of(AppGroup.LEGAL).id(), List.of(AppGroup.LEGAL.id()),
        Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(authorizationService.isUserAuthorized(DemoUsers.of(AppGroup.LEGAL).id(), List.of(AppGroup.LEGAL.id()),
        Permissions.CREATE, Resources.DEPLOYMENT)).isFalse();
    assertThat(authorizationService.isUserAuthorized("processowner", List.of(AppGroup.PROCESS_OWNERS.id()),
        Permissions.CREATE, Resources.DEPLOYMENT)).isTrue();
  }

  @Test
  void everyDemoEmployeeCanLogIn() {
    for (DemoUsers.DemoUser u : DemoUsers.USERS) {
      assertThat(identityService.checkPassword(u.id(), DemoUsers.PASSWORD)).as(u.id()).isTrue();
      assertThat(identityService.createUserQuery().userId(u.id()).memberOfGroup(u.group().id()).count()).isEqualTo(1);
    }
  }

  @Test
  void restRefusesAnonymousCallsAndAcceptsCamundaUsers() {
    assertThat(Http.anonymous(baseUrl()).get("/engine-rest/engine").statusCode()).isEqualTo(401);
    assertThat(Http.as(baseUrl(), "nobody", "wrong").get("/engine-rest/engine").statusCode()).isEqualTo(401);
    assertThat(Http.as(baseUrl(), "demo", "demo").get("/engine-rest/engine").statusCode()).isEqualTo(200);
    var anonymousApi = Http.anonymous(baseUrl()).get("/api/anything");
    assertThat(anonymousApi.statusCode()).isEqualTo(401);
    assertThat(anonymousApi.headers().firstValue("Content-Type")).hasValueSatisfying(
        ct -> assertThat(ct).startsWith("application/problem+json"));
    // issue 14: anonymous callers see the status only, administrators the details
    assertThat(Http.anonymous(baseUrl()).get("/actuator/health").body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(Http.as(baseUrl(), "lawyer", "demo").get("/actuator/health").body())
        .isEqualTo("{\"status\":\"UP\"}");
    assertThat(Http.as(baseUrl(), "demo", "demo").get("/actuator/health").body()).contains("\"db\"").contains("UP");
  }

  @Test
  void anEmployeeSeesOnlyTheTasksOfTheirGroup() {
    Task task = taskService.newTask();
    task.setName("Задача маркетинга");
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), AppGroup.MARKETING.id());
    try {
      var asLawyer = Http.as(baseUrl(), DemoUsers.of(AppGroup.LEGAL).id(), DemoUsers.PASSWORD)
          .get("/engine-rest/task?taskId=" + task.getId());
      assertThat(asLawyer.statusCode()).isEqualTo(200);
      assertThat(asLawyer.body()).isEqualTo("[]");
      var asMarketer = Http.as(baseUrl(), DemoUsers.of(AppGroup.MARKETING).id(), DemoUsers.PASSWORD)
          .get("/engine-rest/task?taskId=" + task.getId());
      assertThat(asMarketer.body()).contains(task.getId());
    } finally {
      taskService.deleteTask(task.getId(), true);
    }
  }
}
