package ru.appealdesk.perf;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
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
 */
@Component
class TableStatistics {

  private static final Logger log = LoggerFactory.getLogger(TableStatistics.class);

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
        analyzeStale();
      }
    } catch (RuntimeException e) {
      log.warn("Table statistics not refreshed: {}", e.getClass().getSimpleName());
    }
  }

  /** Analyses the tables of the current schema that changed beyond autovacuum's threshold; returns their names. */
  List<String> analyzeStale() {
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
