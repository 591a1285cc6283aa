package ru.appealdesk.platform;

import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Empties the {@link CredentialsCache} whenever the engine changes identities: saving a user (new password), deleting
 * one, unlocking, saving or deleting a group, creating or deleting a membership. Whether the change comes from
 * Camunda Admin, {@code /engine-rest} or the application, it runs through one of these commands. The cache is emptied
 * again after the surrounding transaction completes, so a login checked against the old row in between is not kept.
 */
@Component
class IdentityChangePlugin extends AbstractProcessEnginePlugin {

  static final Set<String> IDENTITY_COMMANDS = Set.of("SaveUserCmd", "DeleteUserCmd", "UnlockUserCmd",
      "SaveGroupCmd", "DeleteGroupCmd", "CreateMembershipCmd", "DeleteMembershipCmd");

  private final CredentialsCache cache;

  IdentityChangePlugin(CredentialsCache cache) {
    this.cache = cache;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new Interceptor());
  }

  final class Interceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (!IDENTITY_COMMANDS.contains(command.getClass().getSimpleName())) {
        return next.execute(command);
      }
      cache.invalidateAll();
      try {
        return next.execute(command);
      } finally {
        cache.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
          TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              cache.invalidateAll();
            }
          });
        }
      }
    }
  }
}
