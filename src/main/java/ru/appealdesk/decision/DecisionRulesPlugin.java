package ru.appealdesk.decision;

import java.util.ArrayList;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;
import ru.appealdesk.platform.EvaluatedDecisions;

/**
 * Guards on every decision table of the engine: the legal ceiling of SPEC §5a is checked when a table is deployed
 * (from the classpath at start-up or from Camunda Modeler through {@code /engine-rest/deployment/create}), and an
 * evaluation that matches no rule fails loudly instead of handing a process an empty answer. Every evaluation is
 * remembered for its transaction with the version it ran on ({@link EvaluatedDecisions}: the rules an appeal records).
 * The tables' FEEL cells are parsed once ({@link ParsedOnceFeelEngine}).
 */
@Component
public class DecisionRulesPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(new LegalDeadlineCeiling());

    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    dmn.getCustomPostDecisionEvaluationListeners().add(new NoMatchingRuleGuard());
    // which versions decided a case (issue 17), as the evaluations themselves ran
    dmn.getCustomPostDecisionEvaluationListeners().add(EvaluatedDecisions.listener());
    // Performance (issue 19): Camunda's FEEL engine with every cell parsed once (ParsedOnceFeelEngine)
    DefaultDmnEngineConfiguration tables = dmn;
    dmn.setFeelEngineFactory(ParsedOnceFeelEngine.factory(tables::getFeelCustomFunctionProviders));
  }
}
