package ru.appealdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.appealdesk.support.AbstractIntegrationTest;

/**
 * Keeps the benchmark harness from rotting: runs the real load client (bench/LoadClient.java, as a separate JVM, exactly
 * as bench/run.sh does) in smoke mode against this test application, with the job executor's work done by the client
 * through the REST API, and checks the report it writes. Seconds, not minutes: one window per figure, a handful of
 * instances, a few Tasklist pages over 40 SQL copies that are removed afterwards.
 */
class BenchHarnessSmokeTest extends AbstractIntegrationTest {

  @Autowired
  DataSource dataSource;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void loadClientDrivesProductAndRawReferenceAndWritesTheReport() throws Exception {
    Path out = Path.of("target", "bench-smoke", "RESULTS.md");
    Files.deleteIfExists(out);
    long openBefore = jdbc.queryForObject("select count(*) from act_ru_execution where id_ = proc_inst_id_", Long.class);

    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "bench" + File.separator + "LoadClient.java",
        "mode=smoke", "baseUrl=" + baseUrl(),
        "jdbcUrl=" + dataSource.unwrap(HikariDataSource.class).getJdbcUrl(), "jdbcUser=postgres",
        "executeJobs=true", "out=" + out,
        "warmupSeconds=1", "windowSeconds=1", "windows=1", "intakeClients=2", "lifecycleClients=2",
        "sqlCostAppeals=2", "storm=3", "tasklistTemplates=4", "extraOpen=40", "dropClones=true",
        "tasklistSamples=5", "stormTimeoutSeconds=60"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String log;
    boolean finished = p.waitFor(240, TimeUnit.SECONDS);
    log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!finished) {
      p.destroyForcibly();
    }
    assertThat(finished).as(log).isTrue();
    assertThat(p.exitValue()).as(log).isZero();

    String report = Files.readString(out);
    assertThat(report).contains("## Machine", "PostgreSQL 15", "## Figures")
        .doesNotContain("not deployed in this build", "INCOMPLETE", "did not complete");
    // every scenario produced a product figure next to the raw reference
    assertThat(report).containsPattern("\\| 1\\. Intake, 2 clients \\| starts/s [^|]*\\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+×");
    assertThat(report).containsPattern("\\| 2\\. Full lifecycle, 2 clients \\| appeals/s [^|]*\\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+×");
    assertThat(report).containsPattern("\\| 3\\. Escalation storm, 3 past-due appeals \\| [^|]*\\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+×");
    assertThat(report).containsPattern("\\| 5\\. SQL cost per appeal [^|]*\\| commits \\| [0-9.]+ \\| [0-9.]+ \\|");
    assertThat(report).containsPattern("\\| 4\\. Tasklist, [0-9,]+ open product instances [^|]*\\| group query [^|]*\\| [0-9.]+ / [0-9.]+ \\|");
    assertThat(report).contains("Bulk path for scenario 4");
    assertThat(report).containsPattern("HTTP errors / optimistic-locking failures seen by clients \\| 0 / 0 \\|");
    // the SQL copies are gone again: other tests see only instances the engine made
    assertThat(jdbc.queryForObject("select count(*) from act_ru_execution where id_ like '%-c%x%'", Long.class)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from act_ru_execution where id_ = proc_inst_id_", Long.class))
        .isGreaterThan(openBefore);
  }
}
