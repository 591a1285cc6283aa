package ru.appealdesk.perf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda asks, once in every command that checks an authenticated user's authorizations (every Tasklist and
 * {@code /engine-rest} call, every start permission check of {@code /api}), which groups hold any authorization:
 * {@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}. Need-to-know access gives every open case its own
 * grants, so that table grows with the open cases (about ten rows per case), and PostgreSQL answers the query by
 * reading all of them: 6 ms at 45,000 rows, about a second at a million (issue 19, docs/bench.md).
 * <p>
 * On PostgreSQL this plugin maps Camunda's statement to one with the same answer that visits one index entry per
 * distinct group ({@code perf/authorized-groups.xml}, a recursive loose index scan over Camunda's
 * {@code ACT_IDX_AUTH_GROUP_ID}). It uses the engine's MyBatis configuration and statement mappings, the mechanism
 * Camunda itself uses for database-specific statements; {@code AuthorizedGroupsQueryIT} checks both statements agree.
 */
@Component
class AuthorizedGroupsQuery extends AbstractProcessEnginePlugin {

  static final String CAMUNDA_STATEMENT = "selectAuthorizedGroupIds";
  static final String STATEMENT = "appdeskSelectAuthorizedGroupIds";
  private static final String MAPPER = "ru/appealdesk/perf/authorized-groups.xml";

  private static final Logger log = LoggerFactory.getLogger(AuthorizedGroupsQuery.class);

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    org.apache.ibatis.session.Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    try (InputStream in = AuthorizedGroupsQuery.class.getClassLoader().getResourceAsStream(MAPPER)) {
      if (in == null) {
        throw new IllegalStateException(MAPPER + " is missing");
      }
      new XMLMapperBuilder(in, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    Map<String, String> mappings = sessions.getStatementMappings() == null
        ? new HashMap<>() : new HashMap<>(sessions.getStatementMappings());
    mappings.put(CAMUNDA_STATEMENT, STATEMENT);
    sessions.setStatementMappings(mappings);
    log.info("Authorized groups: {} is answered by {}", CAMUNDA_STATEMENT, STATEMENT);
  }

  @Override
  public String toString() {
    return "AuthorizedGroupsQuery";
  }
}
