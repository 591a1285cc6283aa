package ru.appealdesk.platform;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway migrations on Camunda's own tables (performance indexes, CONTRACTS.md range V60-69). The application's Flyway
 * runs before the process engine creates the {@code ACT_*} schema on a fresh database (the JPA transaction manager the
 * engine shares depends on it), so these scripts live in {@code db/engine-migration} with their own history table and
 * run once the engine exists, before the web server accepts requests.
 */
@Configuration(proxyBeanMethods = false)
class EngineIndexMigrations {

  static final String LOCATION = "classpath:db/engine-migration";
  static final String HISTORY_TABLE = "appdesk_engine_schema_history";

  private static final Logger log = LoggerFactory.getLogger(EngineIndexMigrations.class);

  /** A marker bean: its creation (after the engine's) applies the migrations. */
  record Applied(int migrations) {}

  @Bean
  Applied engineIndexMigrationsApplied(ProcessEngine processEngine, DataSource dataSource) {
    MigrateResult result = Flyway.configure()
        .dataSource(dataSource)
        .locations(LOCATION)
        .table(HISTORY_TABLE)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
    if (result.migrationsExecuted > 0 && dataSource instanceof HikariDataSource hikari
        && hikari.getHikariPoolMXBean() != null) {
      hikari.getHikariPoolMXBean().softEvictConnections(); // database-level settings apply to new connections only
    }
    log.info("Engine index migrations of {} applied: {} (schema now at {})", processEngine.getName(),
        result.migrationsExecuted, result.targetSchemaVersion);
    return new Applied(result.migrationsExecuted);
  }
}
