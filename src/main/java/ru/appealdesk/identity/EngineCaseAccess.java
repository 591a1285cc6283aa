package ru.appealdesk.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.appealdesk.appeal.AppealSteps;
import ru.appealdesk.platform.NotFoundException;

/**
 * {@link CaseAccess}: the rule of issue 14, read from the application's tables and the engine's history.
 * <ul>
 *   <li>administrators ({@code camunda-admin}) see everything;</li>
 *   <li>the appeals controller sees every RU case, the client-rights officer every KZ case (appeals by their
 *       jurisdiction, restructurings are KZ, outages concern both countries; other cases, e.g. stand-alone letters,
 *       by the {@code jurisdiction} variable of their process, else only through the next rules);</li>
 *   <li>members of an appeal's responsible, co-executor, approval or delivery group (the {@code appeal} row), and of
 *       the groups the case's process models name for their tasks ({@link ProcessGroups}: the credit committee of a
 *       restructuring, the playbook's units of an outage, the office manager of a letter);</li>
 *   <li>whoever is or was candidate (user or group) or assignee of a task of any process instance of the case: those
 *       with the number as business key and everything they called ({@code ROOT_PROC_INST_ID_}), from the engine's
 *       history, so a former participant keeps seeing the case they worked on.</li>
 * </ul>
 * Camunda's own authorizations give the same people READ on the case's instances ({@link CaseVisibility}), so
 * {@code /engine-rest}, Tasklist and {@code /api} agree.
 */
@Component
class EngineCaseAccess implements CaseAccess {

  /** Longest case number of any feature (columns are varchar(64)). */
  static final int MAX_NUMBER_LENGTH = 64;
  private static final String NO_GROUP = "\u0000none";

  private final JdbcClient jdbc;
  private final RepositoryService repository;

  EngineCaseAccess(JdbcClient jdbc, RepositoryService repository) {
    this.jdbc = jdbc;
    this.repository = repository;
  }

  /** What the application knows of a case before asking the engine. */
  record CaseFacts(boolean exists, String jurisdiction, Set<String> groups) {
    static final CaseFacts UNKNOWN = new CaseFacts(false, null, Set.of());
  }

  @Override
  public boolean canSee(String userId, Collection<String> groupIds, String caseNumber) {
    if (userId == null || caseNumber == null || caseNumber.isBlank() || caseNumber.length() > MAX_NUMBER_LENGTH) {
      return false;
    }
    List<String> groups = groupIds == null ? List.of() : List.copyOf(groupIds);
    if (groups.contains(AppGroup.CAMUNDA_ADMIN)) {
      return true;
    }
    CaseFacts facts = facts(caseNumber);
    if (!facts.exists()) {
      return false;
    }
    if (supervises(groups, facts.jurisdiction())) {
      return true;
    }
    if (facts.groups().stream().anyMatch(groups::contains)) {
      return true;
    }
    return participated(userId, groups, caseNumber)
        || modelGroups(caseNumber).stream().anyMatch(groups::contains);
  }

  /** The fixed candidate groups of the process models the case runs on (its own and what it called). */
  Set<String> modelGroups(String caseNumber) {
    List<String> definitions = jdbc.sql("select distinct d.proc_def_id_ from act_hi_procinst d "
            + "where coalesce(d.root_proc_inst_id_, d.id_) in (" + CASE_ROOTS + ")")
        .param("number", caseNumber)
        .query(String.class)
        .list();
    Set<String> groups = new java.util.HashSet<>();
    for (String definition : definitions) {
      groups.addAll(ProcessGroups.of(definition, repository::getBpmnModelInstance));
    }
    return groups;
  }

  /** An outage concerns the clients of both countries (its message goes out in Russian and Kazakh). */
  static final String BOTH = "RU+KZ";

  /** The appeals controller supervises RU cases, the client-rights officer KZ cases (both: outages). */
  static boolean supervises(Collection<String> groups, String jurisdiction) {
    return supervisors(jurisdiction).stream().anyMatch(groups::contains);
  }

  /** The supervising groups of a jurisdiction ({@code RU}, {@code KZ}, {@link #BOTH}); none when unknown. */
  static List<String> supervisors(String jurisdiction) {
    if ("RU".equals(jurisdiction)) {
      return List.of(AppGroup.APPEALS_CONTROLLER.id());
    }
    if ("KZ".equals(jurisdiction)) {
      return List.of(AppGroup.CLIENT_RIGHTS_OFFICER.id());
    }
    return BOTH.equals(jurisdiction) ? List.of(AppGroup.APPEALS_CONTROLLER.id(), AppGroup.CLIENT_RIGHTS_OFFICER.id())
        : List.of();
  }

  /**
   * Jurisdiction from the number where the format says it: RU-…, KZ-…, KZR-… (restructurings are KZ), OUTAGE-…
   * (both).
   */
  static String jurisdictionOfNumber(String caseNumber) {
    if (caseNumber == null) {
      return null;
    }
    if (caseNumber.startsWith("RU-")) {
      return "RU";
    }
    if (caseNumber.startsWith("OUTAGE-")) {
      return BOTH;
    }
    return caseNumber.startsWith("KZ-") || caseNumber.startsWith("KZR-") ? "KZ" : null;
  }

  /**
   * The process instances of a case: those with the number as business key and those the case's own tables name
   * (a stand-alone letter's process has no business key). Called sub-processes are found through their root.
   */
  static final String CASE_INSTANCES = """
      select p.id_ from act_hi_procinst p where p.business_key_ = :number
      union select a.process_instance_id from appeal a where a.number = :number and a.process_instance_id is not null
      union select r.process_instance_id from restructuring_case r
             where r.number = :number and r.process_instance_id is not null
      union select o.process_instance_id from outage o where o.number = :number
      union select l.process_instance_id from outgoing_letter l where l.case_number = :number""";

  static final String CASE_ROOTS = "select coalesce(h.root_proc_inst_id_, h.id_) from act_hi_procinst h where h.id_ in ("
      + CASE_INSTANCES + ")";

  CaseFacts facts(String caseNumber) {
    Optional<CaseFacts> appeal = jdbc.sql("""
            select jurisdiction, responsible_group, co_executor_group, approval_group, delivered_by_group
              from appeal where number = :number""")
        .param("number", caseNumber)
        .query((rs, n) -> {
          List<String> groups = new ArrayList<>();
          groups.addAll(AppealSteps.groups(rs.getString("responsible_group")));
          groups.addAll(AppealSteps.groups(rs.getString("co_executor_group")));
          groups.addAll(AppealSteps.groups(rs.getString("approval_group")));
          groups.addAll(AppealSteps.groups(rs.getString("delivered_by_group")));
          return new CaseFacts(true, rs.getString("jurisdiction"), Set.copyOf(groups));
        })
        .optional();
    if (appeal.isPresent()) {
      return appeal.get();
    }
    boolean known = jdbc.sql("select exists (" + CASE_INSTANCES + ") or exists (select 1 from restructuring_case "
            + "where number = :number)")
        .param("number", caseNumber)
        .query(Boolean.class)
        .single();
    if (!known) {
      return CaseFacts.UNKNOWN;
    }
    String jurisdiction = jurisdictionOfNumber(caseNumber);
    if (jurisdiction == null) {
      // the case's own process says where it runs (variable "jurisdiction", as the deadlines read it)
      jurisdiction = jdbc.sql("select v.text_ from act_hi_varinst v where v.name_ = 'jurisdiction' "
              + "and v.text_ in ('RU', 'KZ') and v.proc_inst_id_ in (" + CASE_ROOTS + ") limit 1")
          .param("number", caseNumber)
          .query(String.class)
          .optional().orElse(null);
    }
    return new CaseFacts(true, jurisdiction, Set.of());
  }

  /**
   * Candidate (user or group) or assignee, now or earlier, of a task of the case: the engine's identity-link history
   * and the task history of every process instance of the case and everything it called (same root).
   */
  boolean participated(String userId, List<String> groups, String caseNumber) {
    return jdbc.sql("with roots as (" + CASE_ROOTS + ") "
            + """
            select exists (
                     select 1 from act_hi_identitylink l
                      where l.root_proc_inst_id_ in (select * from roots)
                        and l.type_ in ('candidate', 'assignee')
                        and (l.user_id_ = :user or l.group_id_ in (:groups)))
                or exists (
                     select 1 from act_hi_taskinst t
                      where t.root_proc_inst_id_ in (select * from roots) and t.assignee_ = :user)""")
        .param("number", caseNumber)
        .param("user", userId)
        .param("groups", groups.isEmpty() ? List.of(NO_GROUP) : groups)
        .query(Boolean.class)
        .single();
  }

  @Override
  public void requireVisible(String caseNumber) {
    if (!isVisible(caseNumber)) {
      throw notFound(caseNumber);
    }
  }

  @Override
  public boolean isVisible(String caseNumber) {
    Caller caller = Caller.current();
    return caller != null && canSee(caller.userId(), caller.groups(), caseNumber);
  }

  @Override
  public <T> List<T> visibleOnly(Collection<T> items, Function<? super T, String> caseNumber) {
    Caller caller = Caller.current();
    if (caller == null) {
      return List.of();
    }
    Map<String, Boolean> decided = new HashMap<>();
    return items.stream()
        .filter(i -> decided.computeIfAbsent(String.valueOf(caseNumber.apply(i)),
            n -> canSee(caller.userId(), caller.groups(), n)))
        .toList();
  }

  /** The one answer for a case the caller may not see and for one that does not exist. */
  static NotFoundException notFound(String caseNumber) {
    String shown = caseNumber == null || caseNumber.length() > MAX_NUMBER_LENGTH
        || !caseNumber.matches("[A-Za-z0-9-]+") ? "" : " " + caseNumber;
    return new NotFoundException("Дело" + shown + " не найдено");
  }
}
