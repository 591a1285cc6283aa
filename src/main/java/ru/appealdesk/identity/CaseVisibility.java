package ru.appealdesk.identity;

import java.util.Arrays;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Whoever is offered a task of a case may read that case (READ on its process instance), so Tasklist can show the appeal
 * variables of the filters ("Номер", "Клиент", "Срок ответа" …) under every task in the list. Without it the engine
 * filters those variables out: a task READ covers the task, not its process instance. The grant is per instance and per
 * candidate group or assignee, never on all cases; the engine deletes it with the instance.
 */
@Component
class CaseVisibility extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new Provider());
  }

  static final class Provider extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
      AuthorizationEntity[] granted = super.newTaskGroupIdentityLink(task, groupId, type);
      return IdentityLinkType.CANDIDATE.equals(type) ? withCaseRead(granted, task, null, groupId) : granted;
    }

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
      AuthorizationEntity[] granted = super.newTaskAssignee(task, oldAssignee, newAssignee);
      return newAssignee == null ? granted : withCaseRead(granted, task, newAssignee, null);
    }

    private AuthorizationEntity[] withCaseRead(AuthorizationEntity[] granted, Task task, String userId,
        String groupId) {
      String instance = task.getProcessInstanceId();
      if (instance == null) {
        return granted;
      }
      AuthorizationEntity read = userId != null
          ? getGrantAuthorizationByUserId(userId, Resources.PROCESS_INSTANCE, instance)
          : getGrantAuthorizationByGroupId(groupId, Resources.PROCESS_INSTANCE, instance);
      if (read == null) {
        read = createAuthorization(userId, groupId, Resources.PROCESS_INSTANCE, instance, Permissions.READ);
      } else {
        addPermissions(read, Permissions.READ);
      }
      AuthorizationEntity[] all = Arrays.copyOf(granted == null ? new AuthorizationEntity[0] : granted,
          (granted == null ? 0 : granted.length) + 1);
      all[all.length - 1] = read;
      return all;
    }
  }
}
