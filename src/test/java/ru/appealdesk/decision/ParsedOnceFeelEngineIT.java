package ru.appealdesk.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import ru.appealdesk.support.AbstractIntegrationTest;

/** The process engine's decision tables run on the parse-once FEEL engine, and the fixed FEEL release is on the path. */
class ParsedOnceFeelEngineIT extends AbstractIntegrationTest {

  @Test
  void theEnginesDecisionTablesUseIt() {
    DefaultDmnEngineConfiguration dmn = ((ProcessEngineConfigurationImpl) processEngine
        .getProcessEngineConfiguration()).getDmnEngineConfiguration();
    assertThat(dmn.getFeelEngine()).isInstanceOf(ParsedOnceFeelEngine.class);
    // feel-scala 1.19.5 keeps its root context (built-in functions) instead of building it per evaluation
    assertThat(org.camunda.feel.FeelEngine.class.getPackage().getImplementationVersion())
        .satisfiesAnyOf(v -> assertThat(v).isNull(), v -> assertThat(v).isEqualTo("1.19.5"));
    assertThat(org.camunda.feel.FeelEngine.class.getProtectionDomain().getCodeSource().getLocation().toString())
        .contains("feel-engine-1.19.5");
  }
}
