package ru.appealdesk.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.deadline.DeadlineService;
import ru.appealdesk.deadline.EscalationGroups;
import ru.appealdesk.deadline.Jurisdiction;
import ru.appealdesk.identity.AppGroup;
import ru.appealdesk.identity.DemoUsers;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/**
 * The escalation group is the deployed decision {@code escalation}'s (dmn/escalation.dmn), not Java's: the diagrams'
 * {@code ${deadlines.escalationGroup(execution)}} reads it, and a table a process owner deploys from Modeler changes
 * who receives new escalations at once. (Each row's value: {@code DecisionTablesTest}, fixture {@code escalation.csv}.)
 */
class EscalationDecisionTest extends AbstractIntegrationTest {

  @Autowired
  DeadlineService deadlines;
  @Autowired
  EscalationGroups escalation;
  @Autowired
  RepositoryService repositoryService;

  private String deploymentId;

  @AfterEach
  void removeDeployment() {
    if (deploymentId != null) {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void theDiagramsBeanMethodReadsTheDecision() {
    assertThat(deadlines.escalationGroup(scope("RU"))).isEqualTo("appeals-controller");
    assertThat(deadlines.escalationGroup(scope("KZ"))).isEqualTo("client-rights-officer");
    assertThat(deadlines.escalationGroup(scope(null))).as("no jurisdiction: RU rules").isEqualTo("appeals-controller");
  }

  @Test
  void aProcessOwnerChangesWhoReceivesEscalationsInModeler() throws Exception {
    var changed = DmnModels.withCell("escalation", "Out_Escalation_KZ_EscalationGroup", "\"kz-complaints\"");
    HttpResponse<String> deployed = DmnModels.deployAsModeler(Http.as(baseUrl(),
        DemoUsers.of(AppGroup.PROCESS_OWNERS).id(), DemoUsers.PASSWORD), "escalation", "escalation.dmn",
        DmnModels.bytes(changed));
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    deploymentId = new ObjectMapper().readTree(deployed.body()).path("id").asText();

    assertThat(escalation.of(Jurisdiction.KZ)).isEqualTo("kz-complaints");
    assertThat(deadlines.escalationGroup(scope("KZ"))).isEqualTo("kz-complaints");
    assertThat(escalation.of(Jurisdiction.RU)).isEqualTo("appeals-controller");
  }

  private static VariableScope scope(String jurisdiction) {
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable("jurisdiction")).thenReturn(jurisdiction);
    return scope;
  }
}
