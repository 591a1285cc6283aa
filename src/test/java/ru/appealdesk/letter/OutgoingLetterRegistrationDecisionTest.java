package ru.appealdesk.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import ru.appealdesk.support.AbstractIntegrationTest;

/** Every row of dmn/outgoing-letter-registration.dmn, from SPEC §3.12. */
class OutgoingLetterRegistrationDecisionTest extends AbstractIntegrationTest {

  @Autowired
  DecisionService decisionService;

  @ParameterizedTest(name = "{0} → registered: {1}")
  @CsvSource({
      "COMMERCIAL_OFFER, false, Rule_CommercialOffer",
      "ADVERTISING, false, Rule_Advertising",
      "PRICE_LIST, false, Rule_PriceList",
      "GREETING, false, Rule_Greeting",
      "EVENT_INVITATION, false, Rule_EventInvitation",
      "ANSWER, true, Rule_AnyOtherLetter",
      "INFORMATION_REQUEST, true, Rule_AnyOtherLetter",
      "NOTICE, true, Rule_AnyOtherLetter",
      "REGULATOR, true, Rule_AnyOtherLetter",
      "OTHER, true, Rule_AnyOtherLetter"})
  void nonRegisteredKindsOfSpec312AreNotRegistered(String kind, boolean registered, String rule) {
    var result = decisionService.evaluateDecisionTableByKey("outgoing-letter-registration",
        Map.of("letterKind", kind));
    assertThat(result.getSingleResult().<Boolean>getSingleEntry()).isEqualTo(registered);
    var lastOfThisKind = processEngine.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey("outgoing-letter-registration").includeInputs().includeOutputs()
        .orderByEvaluationTime().desc().list().stream()
        .filter(h -> kind.equals(h.getInputs().get(0).getValue()))
        .findFirst().orElseThrow();
    assertThat(lastOfThisKind.getOutputs().get(0).getRuleId()).isEqualTo(rule);
  }

  @org.junit.jupiter.api.Test
  void everyLetterKindOfTheFormsIsDecided() {
    for (LetterKind k : LetterKind.values()) {
      assertThat(decisionService.evaluateDecisionTableByKey("outgoing-letter-registration",
          Map.of("letterKind", k.name())).getSingleResult()).as(k.name()).isNotNull();
    }
  }
}
