package ru.appealdesk.perf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.appealdesk.support.AbstractIntegrationTest;

/**
 * A table that changed beyond autovacuum's threshold is analysed; one that did not is left alone; while another
 * session (another node) holds the sweep's lock, this node's sweep leaves the tables to it.
 */
class TableStatisticsIT extends AbstractIntegrationTest {

  @Autowired
  TableStatistics statistics;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void analysesWhatChangedAndNothingElse() {
    jdbc.execute("create table if not exists stats_probe (id int)");
    try {
      jdbc.execute("analyze stats_probe");
      jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Object>) c -> {
        try (var s = c.createStatement()) {
          s.execute("insert into stats_probe select generate_series(1, 2000)");
          s.execute("select pg_stat_force_next_flush()");
        }
        return null;
      });
      assertThat(statistics.analyzeStale()).anyMatch(t -> t.endsWith(".stats_probe"));
      Long reltuples = jdbc.queryForObject("select reltuples::bigint from pg_class where relname = 'stats_probe'",
          Long.class);
      assertThat(reltuples).isEqualTo(2000L);
      assertThat(statistics.analyzeStale()).noneMatch(t -> t.endsWith(".stats_probe"));
    } finally {
      jdbc.execute("drop table stats_probe");
    }
  }

  @Test
  void leavesTheSweepToTheNodeThatHoldsTheLock() throws Exception {
    jdbc.execute("create table if not exists stats_probe_locked (id int)");
    try (var other = jdbc.getDataSource().getConnection(); var s = other.createStatement()) {
      jdbc.execute("analyze stats_probe_locked");
      s.execute("insert into stats_probe_locked select generate_series(1, 2000)");
      s.execute("select pg_stat_force_next_flush()");
      s.execute("select pg_advisory_lock(" + TableStatistics.LOCK + ")");
      assertThat(statistics.sweepUnlessRunningElsewhere()).isNull();
      s.execute("select pg_advisory_unlock(" + TableStatistics.LOCK + ")");
      assertThat(statistics.sweepUnlessRunningElsewhere()).anyMatch(t -> t.endsWith(".stats_probe_locked"));
    } finally {
      jdbc.execute("drop table stats_probe_locked");
    }
  }
}
