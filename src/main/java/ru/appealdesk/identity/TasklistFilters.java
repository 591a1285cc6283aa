package ru.appealdesk.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import ru.appealdesk.appeal.AppealVariables;
import ru.appealdesk.deadline.Jurisdiction;
import ru.appealdesk.tasklist.TasklistDays;

/**
 * The Tasklist filters every employee finds on the first login, created at start-up: one shared "Мои задачи" and, for each
 * employee group, "Задачи группы", "Срок сегодня" and "Просроченные", all sorted by due date and showing the appeal
 * variables. A group's filters are readable by that group only (filter authorizations), so an employee sees exactly the
 * queues of their groups.
 *
 * <p>"Срок сегодня" is today in the group's jurisdiction (Moscow for RU units, Almaty for the KZ ones), not the server's
 * UTC day. The supervisors (the appeals controller for RU, the client-rights officer for KZ) see in "Срок сегодня" and
 * "Просроченные" every task of their jurisdiction, whichever unit holds it, so nothing late escapes them.
 *
 * <p>Idempotent: a filter is found by its {@link #KEY} property and left alone while its {@link #REVISION_KEY} is current,
 * so what a process owner changes in Tasklist stays; a filter seeded by an older revision of this class is brought up
 * to date once.
 */
@Component
@Order(30)
public class TasklistFilters implements ApplicationRunner {

  /** Filter property that identifies a seeded filter: {@code <kind>} or {@code <kind>:<group id>}. */
  public static final String KEY = "appealdeskKey";
  /** Filter property: the revision of the seeded query (older filters are re-seeded once). */
  public static final String REVISION_KEY = "appealdeskRevision";
  /** 2: jurisdiction days in "Срок сегодня", jurisdiction-wide queues for the supervisors, variables in words. */
  static final int REVISION = 2;

  /** Process variables shown under each task in the list (name, Russian label); Tasklist skips absent ones. */
  static final Map<String, String> VARIABLES = variables();

  /** Units that work KZ cases only; every other unit counts its day in Moscow. */
  static final Set<AppGroup> KZ_UNITS =
      Set.of(AppGroup.KZ_COMPLAINTS, AppGroup.CREDIT_COMMITTEE, AppGroup.CLIENT_RIGHTS_OFFICER);

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

  /** The jurisdiction whose day and cases a group's queues follow. */
  public static Jurisdiction jurisdiction(AppGroup group) {
    return KZ_UNITS.contains(group) ? Jurisdiction.KZ : Jurisdiction.RU;
  }

  /** The appeals controller (RU) and the client-rights officer (KZ) watch every case of their jurisdiction. */
  public static boolean supervisesJurisdiction(AppGroup group) {
    return IdentitySeeder.SUPERVISORS.contains(group);
  }

  @Override
  public void run(ApplicationArguments args) {
    int seeded = 0;
    Filter mine = find(Kind.MINE.key(null));
    if (mine == null || revision(mine) < REVISION) {
      mine = save(mine, Kind.MINE, null, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
      seeded++;
    }
    for (AppGroup group : AppGroup.values()) {
      if (!group.isEmployeeUnit()) {
        continue;
      }
      identity.grant(group.id(), Resources.FILTER, mine.getId(), Permissions.READ);
      for (Kind kind : List.of(Kind.GROUP, Kind.DUE_TODAY, Kind.OVERDUE)) {
        Filter f = find(kind.key(group));
        if (f == null || revision(f) < REVISION) {
          f = save(f, kind, group, query(kind, group));
          seeded++;
        }
        identity.grant(group.id(), Resources.FILTER, f.getId(), Permissions.READ);
      }
    }
    log.info("Tasklist filters present ({} created or brought up to revision {})", seeded, REVISION);
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

  private static int revision(Filter f) {
    return f.getProperties().get(REVISION_KEY) instanceof Number n ? n.intValue() : 1;
  }

  private TaskQuery query(Kind kind, AppGroup group) {
    Jurisdiction j = jurisdiction(group);
    TaskQuery q = tasks.createTaskQuery();
    if (kind != Kind.GROUP && supervisesJurisdiction(group)) {
      // every unit's tasks of the jurisdiction's cases: appeals carry the variable, letters and KZ restructurings
      // the case number (RU-…, KZ-…, KZR-…) as business key
      q.or().processVariableValueEquals("jurisdiction", j.name()).processInstanceBusinessKeyLike(j.name() + "%")
          .endOr();
    } else {
      q.taskCandidateGroup(group.id());
      if (kind != Kind.GROUP) {
        // deadlines matter whoever holds the task
        q.includeAssignedTasks();
      }
    }
    return switch (kind) {
      // the queue to claim from: only what nobody took yet
      case GROUP -> q;
      case DUE_TODAY -> q.dueAfterExpression(TasklistDays.todayStartExpression(j))
          .dueBeforeExpression(TasklistDays.tomorrowStartExpression(j));
      case OVERDUE -> q.dueBeforeExpression("${now()}");
      case MINE -> throw new IllegalArgumentException("MINE is not a group filter");
    };
  }

  private Filter save(Filter existing, Kind kind, AppGroup group, TaskQuery query) {
    query.orderByDueDate().asc();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(KEY, kind.key(group));
    properties.put(REVISION_KEY, REVISION);
    properties.put("description", description(kind, group));
    properties.put("priority", kind.priority);
    properties.put("color", kind.color);
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    List<Map<String, String>> shown = new ArrayList<>();
    VARIABLES.forEach((name, label) -> shown.add(Map.of("name", name, "label", label)));
    properties.put("variables", shown);
    Filter f = existing != null ? existing : filters.newTaskFilter(kind.title);
    f.setName(kind.title);
    f.setQuery(query);
    f.setProperties(properties);
    return filters.saveFilter(f);
  }

  private static String description(Kind kind, AppGroup group) {
    if (group == null) {
      return kind.description;
    }
    if (kind != Kind.GROUP && supervisesJurisdiction(group)) {
      String country = jurisdiction(group) == Jurisdiction.KZ ? "Казахстана" : "России";
      return group.russianName() + (kind == Kind.DUE_TODAY
          ? ": задачи всех подразделений по делам " + country + " со сроком сегодня"
          : ": все просроченные задачи по делам " + country + ", у кого бы они ни были");
    }
    return kind.description.formatted(group.russianName());
  }

  private static Map<String, String> variables() {
    Map<String, String> v = new LinkedHashMap<>();
    // Tasklist shows the first two under each task and the rest on expanding; absent ones are skipped,
    // so an appeal shows its number and client, a KZ restructuring (caseNumber, borrowerFullName) its own.
    // Words, not codes: the *Text variables the appeal service writes (dates with the zone, «04.12.2026 23:59 (МСК)»).
    v.put(AppealVariables.APPEAL_NUMBER, "Номер");
    v.put("caseNumber", "Номер");
    v.put(AppealVariables.CLIENT_FULL_NAME, "Клиент");
    v.put("borrowerFullName", "Заемщик");
    v.put(AppealVariables.ANSWER_DUE_AT_TEXT, "Срок ответа");
    v.put(AppealVariables.APPEAL_TYPE_TEXT, "Тип");
    v.put(AppealVariables.SUBJECT_TEXT, "Тема");
    v.put(AppealVariables.CHANNEL_TEXT, "Способ обращения");
    v.put(AppealVariables.RECEIVED_AT_TEXT, "Получено");
    v.put(AppealVariables.CONTRACT_NUMBER, "Договор");
    v.put(AppealVariables.JURISDICTION, "Страна");
    return v;
  }
}
