package ru.appealdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.identity.TasklistFilters.Kind;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

class TasklistFiltersTest extends AbstractIntegrationTest {

  private static final List<String> TITLES = List.of("Мои задачи", "Задачи группы", "Срок сегодня", "Просроченные");

  @Autowired
  FilterService filterService;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;
  @Autowired
  TasklistFilters seeder;

  private final List<String> createdTasks = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    createdTasks.forEach(id -> taskService.deleteTask(id, true));
  }

  @Test
  void everyEmployeeSeesExactlyTheFourQueuesOfTheirGroup() {
    for (AppGroup group : AppGroup.values()) {
      if (!group.isEmployeeUnit()) {
        continue;
      }
      List<Filter> visible = visibleTo(DemoUsers.of(group).id(), group);

      assertThat(visible).extracting(Filter::getName).as(group.id()).containsExactlyInAnyOrderElementsOf(TITLES);
      assertThat(visible).extracting(f -> f.getProperties().get(TasklistFilters.KEY))
          .containsExactlyInAnyOrder("MINE", "GROUP:" + group.id(), "DUE_TODAY:" + group.id(), "OVERDUE:" + group.id());
    }
  }

  @Test
  void processOwnersGetNoTaskQueues() {
    assertThat(visibleTo(DemoUsers.of(AppGroup.PROCESS_OWNERS).id(), AppGroup.PROCESS_OWNERS)).isEmpty();
  }

  @Test
  void filtersShowTheAppealVariablesAndSortByDueDate() {
    Filter f = seeder.find(Kind.OVERDUE, AppGroup.LEGAL);

    assertThat(f.getProperties()).containsEntry("refresh", true).containsKey("description").containsKey("priority");
    @SuppressWarnings("unchecked")
    List<Map<String, String>> variables = (List<Map<String, String>>) f.getProperties().get("variables");
    assertThat(variables).extracting(v -> v.get("name"))
        .contains("appealNumber", "appealType", "subject", "clientFullName", "answerDueAt");
    assertThat(variables).allSatisfy(v -> assertThat(v.get("label")).isNotBlank());
    assertThat(seeder.find(Kind.MINE, null).getProperties().get("description")).isNotNull();
  }

  @Test
  void seedingAgainCreatesNothingNew() {
    long before = filterService.createTaskFilterQuery().count();

    seeder.run(null);

    assertThat(filterService.createTaskFilterQuery().count()).isEqualTo(before);
  }

  @Test
  void queuesSelectByAssigneeGroupAndDueDate() {
    ZoneId zone = ZoneId.systemDefault();
    LocalDate today = LocalDate.of(2031, 3, 4);
    ClockUtil.setCurrentTime(Date.from(today.atTime(10, 0).atZone(zone).toInstant()));
    String tag = "filter-test-" + UUID.randomUUID();
    String overdue = task(tag, AppGroup.LEGAL, today.minusDays(1).atTime(23, 59, 59), null, zone);
    String overdueEarlierToday = task(tag, AppGroup.LEGAL, today.atTime(9, 0), null, zone);
    String dueTonight = task(tag, AppGroup.LEGAL, today.atTime(23, 59, 59), null, zone);
    String dueLater = task(tag, AppGroup.LEGAL, today.plusDays(3).atTime(23, 59, 59), null, zone);
    String claimedOverdue = task(tag, AppGroup.LEGAL, today.minusDays(2).atTime(12, 0), "lawyer", zone);
    String otherGroup = task(tag, AppGroup.MARKETING, today.minusDays(1).atTime(12, 0), null, zone);

    identityService.setAuthentication("lawyer", List.of(AppGroup.LEGAL.id()));

    assertThat(list(Kind.GROUP, AppGroup.LEGAL, tag))
        .containsExactly(overdue, overdueEarlierToday, dueTonight, dueLater);
    assertThat(list(Kind.OVERDUE, AppGroup.LEGAL, tag))
        .containsExactly(claimedOverdue, overdue, overdueEarlierToday);
    assertThat(list(Kind.DUE_TODAY, AppGroup.LEGAL, tag)).containsExactly(overdueEarlierToday, dueTonight);
    assertThat(list(Kind.MINE, null, tag)).containsExactly(claimedOverdue);
    assertThat(otherGroup).isNotIn(list(Kind.OVERDUE, AppGroup.LEGAL, tag));
  }

  @Test
  void tasklistSeesTheGroupsFiltersOverRestAndNotOthers() {
    String body = Http.as(baseUrl(), "lawyer", DemoUsers.PASSWORD).get("/engine-rest/filter?resourceType=Task").body();

    assertThat(body).contains("Задачи группы", "Просроченные", "Срок сегодня", "Мои задачи", "GROUP:legal")
        .doesNotContain("GROUP:marketing");
    String filterId = seeder.find(Kind.GROUP, AppGroup.MARKETING).getId();
    assertThat(Http.as(baseUrl(), "lawyer", DemoUsers.PASSWORD).get("/engine-rest/filter/" + filterId).statusCode())
        .isEqualTo(403);
  }

  private List<Filter> visibleTo(String userId, AppGroup group) {
    identityService.setAuthentication(userId, List.of(group.id()));
    try {
      return filterService.createTaskFilterQuery().list();
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** What Tasklist shows: the filter extended by Tasklist's own default sorting (created, newest first). */
  private List<String> list(Kind kind, AppGroup group, String tag) {
    Filter f = seeder.find(kind, group);
    List<Task> found = filterService.list(f.getId(),
        taskService.createTaskQuery().taskNameLike(tag + "%").orderByTaskCreateTime().desc());
    return found.stream().map(Task::getId).toList();
  }

  private String task(String tag, AppGroup group, LocalDateTime due, String assignee, ZoneId zone) {
    Task t = taskService.newTask();
    t.setName(tag + "-" + createdTasks.size());
    t.setDueDate(Date.from(due.atZone(zone).toInstant()));
    t.setAssignee(assignee);
    taskService.saveTask(t);
    taskService.addCandidateGroup(t.getId(), group.id());
    createdTasks.add(t.getId());
    return t.getId();
  }
}
