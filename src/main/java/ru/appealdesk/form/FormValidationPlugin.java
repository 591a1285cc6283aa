package ru.appealdesk.form;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Registers {@link FormValidationParseListener} with the process engine (the documented way: a process engine plugin
 * adding a BPMN parse listener), so every deployment — from the classpath at start-up or from Camunda Modeler through
 * {@code /engine-rest/deployment/create} — gets the server-side form validation.
 */
@Component
public class FormValidationPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners()
        .add(new FormValidationParseListener(FormCatalog.INSTANCE, FormRules.INSTANCE));
  }
}
