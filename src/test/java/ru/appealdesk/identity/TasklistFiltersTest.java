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
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
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
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;

  private static final String FIXTURE = "tasklist-filters-fixture";
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

  private final List<String> createdTasks = new ArrayList<>();
  private final List<String> startedCases = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    createdTasks.forEach(id -> taskService.deleteTask(id, true));
    startedCases.forEach(id -> runtimeService.deleteProcessInstance(id, "test finished"));
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
        .contains("appealNumber", "appealTypeText", "subjectText", "clientFullName", "answerDueAtText")
        .doesNotContain("appealType", "subject", "answerDueAt");
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
    ZoneId zone = MOSCOW;
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
  void dueTodayIsTheDayOfTheGroupsJurisdictionNotTheServersUtcDay() {
    // 22:30 UTC on 4 March = 01:30 on 5 March in Moscow, 03:30 on 5 March in Almaty
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2031, 3, 4, 22, 30).atZone(ZoneId.of("UTC")).toInstant()));
    String tag = "filter-day-" + UUID.randomUUID();
    LocalDate fifth = LocalDate.of(2031, 3, 5);
    String ruYesterday = task(tag, AppGroup.LEGAL, fifth.minusDays(1).atTime(23, 59, 59), null, MOSCOW);
    String ruToday = task(tag, AppGroup.LEGAL, fifth.atTime(23, 59, 59), null, MOSCOW);
    String kzYesterday = task(tag, AppGroup.KZ_COMPLAINTS, fifth.minusDays(1).atTime(23, 59, 59), null, ALMATY);
    String kzToday = task(tag, AppGroup.KZ_COMPLAINTS, fifth.atTime(23, 59, 59), null, ALMATY);

    identityService.setAuthentication("lawyer", List.of(AppGroup.LEGAL.id()));
    assertThat(list(Kind.DUE_TODAY, AppGroup.LEGAL, tag)).containsExactly(ruToday);
    assertThat(list(Kind.OVERDUE, AppGroup.LEGAL, tag)).containsExactly(ruYesterday);
    identityService.setAuthentication("kzspecialist", List.of(AppGroup.KZ_COMPLAINTS.id()));
    assertThat(list(Kind.DUE_TODAY, AppGroup.KZ_COMPLAINTS, tag)).containsExactly(kzToday);
    assertThat(list(Kind.OVERDUE, AppGroup.KZ_COMPLAINTS, tag)).containsExactly(kzYesterday);
  }

  @Test
  void theControllerSeesEveryLateTaskOfRussianCasesAndTheRightsOfficerEveryKazakhOne() {
    LocalDate today = LocalDate.of(2031, 3, 4);
    ClockUtil.setCurrentTime(Date.from(today.atTime(12, 0).atZone(MOSCOW).toInstant()));
    String lateLegalRu = caseTask("RU-2031-900001", "RU", AppGroup.LEGAL, today.minusDays(1).atTime(23, 59, 59));
    String lateLetterRu = caseTask("RU-2031-900002", null, AppGroup.BRANCH_HEAD, today.atTime(9, 0));
    String onTimeRu = caseTask("RU-2031-900003", "RU", AppGroup.LEGAL, today.plusDays(2).atTime(23, 59, 59));
    String dueTodayRu = caseTask("RU-2031-900004", "RU", AppGroup.MARKETING, today.atTime(23, 59, 59));
    String lateKz = caseTask("KZ-2031-900001", "KZ", AppGroup.KZ_COMPLAINTS, today.minusDays(3).atTime(18, 0));
    String lateRestructuring = caseTask("KZR-2031-900001", "KZ", AppGroup.CREDIT_COMMITTEE,
        today.minusDays(1).atTime(18, 0));
    taskService.claim(lateLegalRu, "lawyer");

    identityService.setAuthentication("controller", List.of(AppGroup.APPEALS_CONTROLLER.id()));
    List<String> controllersOverdue = listFixture(Kind.OVERDUE, AppGroup.APPEALS_CONTROLLER);
    assertThat(controllersOverdue).containsExactly(lateLegalRu, lateLetterRu)
        .doesNotContain(onTimeRu, dueTodayRu, lateKz, lateRestructuring);
    assertThat(listFixture(Kind.DUE_TODAY, AppGroup.APPEALS_CONTROLLER)).containsExactly(lateLetterRu, dueTodayRu);
    // the group queue stays the controller's own escalations
    assertThat(listFixture(Kind.GROUP, AppGroup.APPEALS_CONTROLLER)).isEmpty();

    identityService.setAuthentication("rightsofficer", List.of(AppGroup.CLIENT_RIGHTS_OFFICER.id()));
    assertThat(listFixture(Kind.OVERDUE, AppGroup.CLIENT_RIGHTS_OFFICER)).containsExactly(lateKz, lateRestructuring);

    // an ordinary unit still sees only its own
    identityService.setAuthentication("lawyer", List.of(AppGroup.LEGAL.id()));
    assertThat(listFixture(Kind.OVERDUE, AppGroup.LEGAL)).containsExactly(lateLegalRu);
  }

  @Test
  void aFilterOfAnOlderRevisionIsBroughtUpToDateOnce() {
    Filter f = seeder.find(Kind.DUE_TODAY, AppGroup.MARKETING);
    Map<String, Object> properties = new java.util.HashMap<>(f.getProperties());
    properties.remove(TasklistFilters.REVISION_KEY);
    f.setProperties(properties);
    f.setQuery(taskService.createTaskQuery().taskCandidateGroup(AppGroup.MARKETING.id())
        .dueAfterExpression("${dateTime().withTimeAtStartOfDay().toDate()}"));
    filterService.saveFilter(f);

    seeder.run(null);

    Filter updated = seeder.find(Kind.DUE_TODAY, AppGroup.MARKETING);
    assertThat(updated.getId()).isEqualTo(f.getId());
    assertThat(updated.getProperties()).containsEntry(TasklistFilters.REVISION_KEY, TasklistFilters.REVISION);
    String json = Http.as(baseUrl(), "demo", DemoUsers.PASSWORD).get("/engine-rest/filter/" + f.getId()).body();
    assertThat(json).contains("tasklistDays.todayStart(now(), 'RU')", "tasklistDays.tomorrowStart(now(), 'RU')");
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

  /** A task of a case (a process instance with that business key and, when given, variable {@code jurisdiction}). */
  private String caseTask(String caseNumber, String jurisdiction, AppGroup group, LocalDateTime dueMoscow) {
    deployFixture();
    Map<String, Object> vars = new java.util.HashMap<>();
    vars.put("group", group.id());
    vars.put("due", Date.from(dueMoscow.atZone(MOSCOW).toInstant()));
    if (jurisdiction != null) {
      vars.put("jurisdiction", jurisdiction);
    }
    String pi = runtimeService.startProcessInstanceByKey(FIXTURE, caseNumber, vars).getId();
    startedCases.add(pi);
    return taskService.createTaskQuery().processInstanceId(pi).singleResult().getId();
  }

  private void deployFixture() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(FIXTURE).count() > 0) {
      return;
    }
    BpmnModelInstance model = Bpmn.createExecutableProcess(FIXTURE).camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_Fixture").name("Задача дела").camundaCandidateGroups("${group}")
        .camundaDueDate("${due}").endEvent().done();
    repositoryService.createDeployment().name(FIXTURE).addModelInstance(FIXTURE + ".bpmn", model).deploy();
  }

  /** What the filter shows of this test's fixture cases. */
  private List<String> listFixture(Kind kind, AppGroup group) {
    Filter f = seeder.find(kind, group);
    return filterService.list(f.getId(), taskService.createTaskQuery().processDefinitionKey(FIXTURE))
        .stream().map(Task::getId).toList();
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
