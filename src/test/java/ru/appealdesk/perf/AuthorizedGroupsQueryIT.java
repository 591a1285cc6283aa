package ru.appealdesk.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.appealdesk.support.AbstractIntegrationTest;

/** Camunda's "which groups hold any authorization" is answered by the index walk, with the same groups. */
class AuthorizedGroupsQueryIT extends AbstractIntegrationTest {

  @Autowired
  AuthorizationService authorizations;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void theIndexWalkFindsTheGroupsCamundasStatementFinds() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) processEngine
        .getProcessEngineConfiguration();
    assertThat(config.getDbSqlSessionFactory().mapStatement(AuthorizedGroupsQuery.CAMUNDA_STATEMENT))
        .isEqualTo(AuthorizedGroupsQuery.STATEMENT);
    // Camunda's own mappings for PostgreSQL are still there
    assertThat(config.getDbSqlSessionFactory().getStatementMappings()).hasSizeGreaterThan(1);

    List<String> created = new java.util.ArrayList<>();
    try {
      for (String group : List.of("probe-group-a", "probe-group-b", "probe-group-b", "Probe-Group-C", "probe-z9")) {
        Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        a.setGroupId(group);
        a.setResource(Resources.PROCESS_INSTANCE);
        a.setResourceId("probe-" + created.size());
        a.addPermission(Permissions.READ);
        created.add(authorizations.saveAuthorization(a).getId());
      }
      Authorization userGrant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      userGrant.setUserId("probe-user");
      userGrant.setResource(Resources.PROCESS_INSTANCE);
      userGrant.setResourceId("probe-user-case");
      userGrant.addPermission(Permissions.READ);
      created.add(authorizations.saveAuthorization(userGrant).getId());

      Set<String> camunda = new HashSet<>(jdbc.queryForList(
          "SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A", String.class));
      camunda.removeIf(Objects::isNull);
      List<String> walked = config.getCommandExecutorTxRequired().execute((Command<List<String>>) context ->
          context.getDbEntityManager().selectList(AuthorizedGroupsQuery.CAMUNDA_STATEMENT));

      assertThat(walked).doesNotHaveDuplicates().doesNotContainNull();
      assertThat(new HashSet<>(walked)).isEqualTo(camunda)
          .contains("probe-group-a", "probe-group-b", "Probe-Group-C", "probe-z9");
    } finally {
      created.forEach(authorizations::deleteAuthorization);
    }
  }
}
