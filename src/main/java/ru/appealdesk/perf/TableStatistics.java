package ru.appealdesk.perf;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps PostgreSQL's planner statistics fresh when the database's autovacuum is off (some installations and this
 * project's CI machines run with {@code autovacuum = off}). Without them a table that has grown since its last
 * {@code ANALYZE} looks nearly empty to the planner, and Camunda's lookups pick the wrong index: the grant lookup
 * {@code TYPE_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_} of every new task read all 10,000 grants of its group
 * (4.5 ms) instead of one entry of the unique key (0.4 ms), nine times per intake (issue 19, docs/bench.md).
 * <p>
 * Once a minute, only while autovacuum is off, every table of the application's schema that changed by more than
 * autovacuum's own threshold (50 rows + 10 %) since its last analysis is analysed. {@code ANALYZE} reads a sample and
 * takes no lock that blocks reads or writes. With autovacuum on (PostgreSQL's default) this does nothing.
 * <p>
 * With several nodes on one database, one sweep runs at a time: a node that finds the session advisory lock
 * {@link #LOCK} taken by another node's sweep leaves this minute to it.
 */
@Component
class TableStatistics {

  private static final Logger log = LoggerFactory.getLogger(TableStatistics.class);

  /** The advisory lock key of the sweep (a constant of this class, no other lock of the application uses it). */
  static final long LOCK = 0x41505044_53544154L;

  private final JdbcTemplate jdbc;
  private volatile boolean told;

  TableStatistics(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Scheduled(initialDelayString = "${appealdesk.database.analyze-every:PT1M}",
      fixedDelayString = "${appealdesk.database.analyze-every:PT1M}")
  void sweep() {
    try {
      if ("off".equals(jdbc.queryForObject("select current_setting('autovacuum')", String.class))) {
        if (!told) {
          told = true;
          log.warn("PostgreSQL autovacuum is off: Appeal Desk analyses the tables that changed itself, once a minute");
        }
        sweepUnlessRunningElsewhere();
      }
    } catch (RuntimeException e) {
      log.warn("Table statistics not refreshed: {}", e.getClass().getSimpleName());
    }
  }

  /**
   * Analyses the stale tables while holding {@link #LOCK}, all on one connection; returns {@code null} when another
   * session (another node) holds the lock.
   */
  List<String> sweepUnlessRunningElsewhere() {
    return jdbc.execute((ConnectionCallback<List<String>>) c -> {
      JdbcTemplate session = new JdbcTemplate(new SingleConnectionDataSource(c, true));
      if (!Boolean.TRUE.equals(session.queryForObject("select pg_try_advisory_lock(?)", Boolean.class, LOCK))) {
        log.debug("Table statistics are being refreshed by another node");
        return null;
      }
      try {
        return analyzeStale(session);
      } finally {
        session.queryForObject("select pg_advisory_unlock(?)", Boolean.class, LOCK);
      }
    });
  }

  /** Analyses the tables of the current schema that changed beyond autovacuum's threshold; returns their names. */
  List<String> analyzeStale() {
    return analyzeStale(jdbc);
  }

  private static List<String> analyzeStale(JdbcTemplate jdbc) {
    List<String> stale = jdbc.queryForList("""
        select quote_ident(schemaname) || '.' || quote_ident(relname) from pg_stat_user_tables
         where schemaname = current_schema() and n_mod_since_analyze > 50 + 0.1 * greatest(n_live_tup, 0)
         order by n_mod_since_analyze desc""", String.class);
    for (String table : stale) {
      jdbc.execute("analyze " + table);
    }
    if (!stale.isEmpty()) {
      log.debug("Analysed {} tables", stale.size());
    }
    return stale;
  }
}
