package ru.appealdesk.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.appealdesk.appeal.AppealFlows.appeal;
import static ru.appealdesk.appeal.AppealFlows.client;
import static ru.appealdesk.appeal.AppealFlows.document;
import static ru.appealdesk.appeal.AppealFlows.now;

import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.LogCapture;

/**
 * Issue 19, the intake's round trips: what the intake of a new client need not ask the database, because the intake
 * itself created the client, the appeal and its registration clock; and what it still asks about a client who wrote
 * before. The statements are read from Hibernate's and Spring JDBC's SQL logs while the intake runs.
 */
class IntakeStatementsTest extends AbstractIntegrationTest {

  static final String RECEIVED = "2026-11-02T10:00:00+03:00";
  static final Pattern CLIENTS_APPEALS = Pattern.compile("from appeal a\\d+_0 where a\\d+_0\\.client_id");

  @Autowired
  AppealFlows flows;
  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aNewClientsIntakeAsksNothingAboutEarlierAppealsRecordedRulesOrTheClockItStarts() {
    now("2026-11-02T10:30:00+03:00");
    ProcessInstance[] started = new ProcessInstance[1];
    List<String> sql = statements(() -> started[0] = flows.start(letter(client(document()))));
    String number = started[0].getBusinessKey();

    assertThat(sql).as("the client's earlier appeals (there are none)").noneMatch(s -> CLIENTS_APPEALS.matcher(s).find());
    assertThat(sql).as("whether the rules are recorded (they are not yet)").noneMatch(s -> s.contains("from appeal_rule"));
    assertThat(sql.stream().filter(s -> s.contains("case_clock"))).as("the clock, its event and its row: one statement")
        .singleElement().asString().contains("insert into case_clock_event").contains("on conflict");

    assertThat(jdbc.sql("select kind from appeal_rule r join appeal a on a.id = r.appeal_id where a.number = :n")
        .param("n", number).query(String.class).list()).as("the rules that routed it, once").contains("PROCESS", "DECISION")
        .filteredOn("PROCESS"::equals).hasSize(1);
    assertThat(jdbc.sql("select event from case_clock_event where case_number = :n and clock = 'REGISTRATION'")
        .param("n", number).query(String.class).list()).containsExactly("STARTED");
    assertThat(flows.appeal(started[0]).getProcessInstanceId()).isEqualTo(started[0].getId());
  }

  @Test
  void aClientWhoWroteBeforeIsStillAskedAbout() {
    now("2026-11-02T10:30:00+03:00");
    var client = client(document());
    flows.start(letter(client));
    List<String> sql = statements(() -> flows.start(letter(client)));
    assertThat(sql).as("the known client's earlier appeals: known at all, and answered on this matter")
        .filteredOn(s -> CLIENTS_APPEALS.matcher(s).find()).hasSize(2);
  }

  /**
   * The deployed tables' latest versions (the subjects' vocabulary) are asked once per intake, by the check; the
   * subject's name the process gets is the one the check found, not asked again inside the intake's transaction.
   */
  @Test
  void theLatestTablesAreAskedOncePerIntake() {
    now("2026-11-02T10:30:00+03:00");
    List<String> sql = LogCapture.debug(() -> flows.start(letter(client(document()))),
        "org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity");
    assertThat(sql).as("the latest versions of all tables (LatestDecisions)")
        .filteredOn(s -> s.contains("Preparing") && s.contains("as MAX_VERSION from ACT_RE_DECISION_DEF group by"))
        .hasSize(1);
  }

  /** A complaint by letter without a contract number: the check has to ask whether the client is known. */
  private static NewAppeal letter(ClientDetails client) {
    return appeal("RU", "COMPLAINT", "EMPLOYEE_CONDUCT", "LETTER", client, false, false, RECEIVED);
  }

  /** The SQL that Hibernate and Spring's JDBC templates logged while {@code work} ran, one line each. */
  private static List<String> statements(Runnable work) {
    return LogCapture.debug(work, "org.hibernate.SQL", "org.springframework.jdbc.core.JdbcTemplate").stream()
        .map(s -> s.replaceAll("\\s+", " ")).toList();
  }
}
