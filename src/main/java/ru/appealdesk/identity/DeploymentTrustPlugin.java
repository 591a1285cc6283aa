package ru.appealdesk.identity;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/** Registers {@link DeploymentTrust} as a pre-deployer; beans are looked up only when someone deploys. */
@Component
class DeploymentTrustPlugin extends AbstractProcessEnginePlugin {

  /** Package of the application's own beans, which diagrams may call (delegates, {@code deadlines} …). */
  static final String APPLICATION_PACKAGE = "ru.appealdesk.";

  private final ApplicationContext context;

  DeploymentTrustPlugin(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(0, new DeploymentTrust(this::isApplicationBean, context::containsBean));
  }

  boolean isApplicationBean(String name) {
    if (!context.containsBean(name)) {
      return false;
    }
    Class<?> type = context.getType(name, false);
    return type != null && type.getName().startsWith(APPLICATION_PACKAGE);
  }
}
