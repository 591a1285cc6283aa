package ru.appealdesk.tasklist;

import java.util.Set;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * The case card in Tasklist: a Tasklist plugin (Camunda's documented plugin SPI, registered in
 * {@code META-INF/services/org.camunda.bpm.tasklist.plugin.spi.TasklistPlugin}). Its script
 * ({@code plugin-webapp/appealdesk-case-card/app/plugin.js}) adds the tab «Дело» to every task; its REST resource
 * ({@link CaseCardResource}) lives under the Tasklist API, so the webapp's own session and CSRF protection guard it
 * and the engine knows the logged-in employee during each call.
 */
public class CaseCardPlugin extends AbstractTasklistPlugin {

  public static final String ID = "appealdesk-case-card";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(CaseCardRootResource.class);
  }
}
