package ru.appealdesk.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every employee finds on the first login, created at start-up: one shared "Мои задачи" and, for each
 * employee group, "Задачи группы", "Срок сегодня" and "Просроченные", all sorted by due date and showing the appeal
 * variables. A group's filters are readable by that group only (filter authorizations), so an employee sees exactly the
 * queues of their groups. Idempotent: a filter is found by its {@link #KEY} property and never overwritten, so what a
 * process owner changes in Tasklist stays.
 */
@Component
@Order(30)
public class TasklistFilters implements ApplicationRunner {

  /** Filter property that identifies a seeded filter: {@code <kind>} or {@code <kind>:<group id>}. */
  public static final String KEY = "appealdeskKey";

  /** Process variables shown under each task in the list (name, Russian label); Tasklist skips absent ones. */
  static final Map<String, String> VARIABLES = variables();

  private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

  private final FilterService filters;
  private final TaskService tasks;
  private final IdentitySeeder identity;

  public TasklistFilters(FilterService filters, TaskService tasks, IdentitySeeder identity) {
    this.filters = filters;
    this.tasks = tasks;
    this.identity = identity;
  }

  /** The four queues; Tasklist orders filters by the {@code priority} property. */
  public enum Kind {
    MINE("Мои задачи", -20, "#1f77b4", "Задачи, которые вы взяли в работу"),
    GROUP("Задачи группы", -10, "#2ca02c", "%s: задачи группы, которые ещё никто не взял в работу"),
    DUE_TODAY("Срок сегодня", 10, "#ff7f0e", "%s: задачи группы со сроком сегодня"),
    OVERDUE("Просроченные", 20, "#d62728", "%s: задачи группы с истёкшим сроком");

    private final String title;
    private final int priority;
    private final String color;
    private final String description;

    Kind(String title, int priority, String color, String description) {
      this.title = title;
      this.priority = priority;
      this.color = color;
      this.description = description;
    }

    public String title() {
      return title;
    }

    /** The {@link #KEY} of this kind's filter for a group ({@code null} for the shared "Мои задачи"). */
    public String key(AppGroup group) {
      return group == null ? name() : name() + ":" + group.id();
    }
  }

  @Override
  public void run(ApplicationArguments args) {
    int created = 0;
    Filter mine = find(Kind.MINE.key(null));
    if (mine == null) {
      mine = save(Kind.MINE, null, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
      created++;
    }
    for (AppGroup group : AppGroup.values()) {
      if (!group.isEmployeeUnit()) {
        continue;
      }
      identity.grant(group.id(), Resources.FILTER, mine.getId(), Permissions.READ);
      for (Kind kind : List.of(Kind.GROUP, Kind.DUE_TODAY, Kind.OVERDUE)) {
        Filter f = find(kind.key(group));
        if (f == null) {
          f = save(kind, group, query(kind, group));
          created++;
        }
        identity.grant(group.id(), Resources.FILTER, f.getId(), Permissions.READ);
      }
    }
    log.info("Tasklist filters present ({} created)", created);
  }

  /** The filter of one kind for one group (the shared "Мои задачи" for {@code group == null}), if seeded. */
  public Filter find(Kind kind, AppGroup group) {
    return find(kind.key(group));
  }

  private Filter find(String key) {
    return filters.createTaskFilterQuery().list().stream()
        .filter(f -> f.getProperties() != null && key.equals(f.getProperties().get(KEY)))
        .findFirst().orElse(null);
  }

  private TaskQuery query(Kind kind, AppGroup group) {
    TaskQuery q = tasks.createTaskQuery().taskCandidateGroup(group.id());
    return switch (kind) {
      // the queue to claim from: only what nobody took yet
      case GROUP -> q;
      // deadlines matter whoever holds the task
      case DUE_TODAY -> q.includeAssignedTasks()
          .dueAfterExpression("${dateTime().withTimeAtStartOfDay().toDate()}")
          .dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}");
      case OVERDUE -> q.includeAssignedTasks().dueBeforeExpression("${now()}");
      case MINE -> throw new IllegalArgumentException("MINE is not a group filter");
    };
  }

  private Filter save(Kind kind, AppGroup group, TaskQuery query) {
    query.orderByDueDate().asc();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(KEY, kind.key(group));
    properties.put("description", group == null ? kind.description : kind.description.formatted(group.russianName()));
    properties.put("priority", kind.priority);
    properties.put("color", kind.color);
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    List<Map<String, String>> shown = new ArrayList<>();
    VARIABLES.forEach((name, label) -> shown.add(Map.of("name", name, "label", label)));
    properties.put("variables", shown);
    Filter f = filters.newTaskFilter(kind.title);
    f.setQuery(query);
    f.setProperties(properties);
    return filters.saveFilter(f);
  }

  private static Map<String, String> variables() {
    Map<String, String> v = new LinkedHashMap<>();
    // Tasklist shows the first two under each task and the rest on expanding; absent ones are skipped,
    // so an appeal shows its number and client, a KZ restructuring (caseNumber, borrowerFullName) its own.
    v.put("appealNumber", "Номер");
    v.put("caseNumber", "Номер");
    v.put("clientFullName", "Клиент");
    v.put("borrowerFullName", "Заемщик");
    v.put("answerDueAt", "Срок ответа");
    v.put("appealType", "Тип");
    v.put("subject", "Тема");
    v.put("receivedAt", "Получено");
    v.put("contractNumber", "Договор");
    v.put("jurisdiction", "Страна");
    return v;
  }
}
