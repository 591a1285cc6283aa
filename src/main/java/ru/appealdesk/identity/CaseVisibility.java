package ru.appealdesk.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.AuthorizationQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import ru.appealdesk.appeal.AppealSteps;
import ru.appealdesk.platform.TransactionMemo;

/**
 * Camunda's side of {@link CaseAccess}: the engine grants READ on a case's process instances (runtime and history) to
 * exactly the people the rule names, through the documented {@code ResourceAuthorizationProvider} of a process
 * engine plugin, so Tasklist, Cockpit and {@code /engine-rest} agree with {@code /api}:
 * <ul>
 *   <li>whoever is offered a task of a case (candidate group or user) or is assigned it may read that case (so
 *       Tasklist can show the appeal variables under every task in the list), and keeps READ on its history;</li>
 *   <li>the appeal's routing groups (variables {@code responsibleGroup}, {@code coExecutorGroup},
 *       {@code approvalGroup}, {@code deliveredByGroup}) and the fixed candidate groups of the case's process models
 *       ({@link ProcessGroups}) read the case as soon as it reaches a task;</li>
 *   <li>the supervisor of the case's jurisdiction (appeals controller for RU, client-rights officer for KZ) reads the
 *       case and every one of its tasks: per instance, never on all cases of both countries (granted with the case's
 *       first task; before it, only {@code /api} knows the jurisdiction);</li>
 *   <li>a deployer who is not an administrator gets READ on their deployment, not DELETE (a cascading delete would
 *       remove running cases).</li>
 * </ul>
 * Grants are per instance; the runtime ones are deleted with the instance, the history ones carry the root instance id
 * and go with the history cleanup ({@code enableHistoricInstancePermissions}).
 */
@Component
class CaseVisibility extends AbstractProcessEnginePlugin {

  /** Appeal variables naming groups that work on the case (docs/CONTRACTS.md). */
  static final List<String> ROUTING_VARIABLES = List.of("responsibleGroup", "coExecutorGroup", "approvalGroup",
      "deliveredByGroup");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new Provider());
  }

  static final class Provider extends DefaultAuthorizationProvider {

    /**
     * Camunda folds a new grant into one of the same command still in its cache by taking the cached grant's
     * permissions in place of its own: a supervisor's READ on a new task, cached first, would swallow the READ and
     * UPDATE the candidate group of that task then gets (the client-rights officer could not claim her own tasks).
     * Both are kept.
     */
    @Override
    protected void updateAuthorizationBasedOnCacheEntries(AuthorizationEntity authorization, String userId,
        String groupId, Resource resource, String resourceId) {
      int own = authorization.getPermissions();
      super.updateAuthorizationBasedOnCacheEntries(authorization, userId, groupId, resource, resourceId);
      if (authorization.getAuthorizationType() == AuthorizationEntity.AUTH_TYPE_GRANT) {
        authorization.setPermissions(authorization.getPermissions() | own);
      }
    }

    /**
     * A process instance inserted by this command has no stored grants yet: its first task asks for none (one query
     * less per intake and per call activity). The id is the engine's new one, so the database cannot hold a grant on it.
     * The engine calls this for every execution it inserts without a parent yet, child executions too; their ids are
     * never a grant's resource id, so their entries are simply never asked for.
     */
    @Override
    public AuthorizationEntity[] newProcessInstance(ProcessInstance instance) {
      AuthorizationEntity[] granted = super.newProcessInstance(instance);
      TransactionMemo.get(new StoredGrants(commandContext(), instance.getId()), ArrayList<AuthorizationEntity>::new);
      return granted;
    }

    /**
     * A process's task inserted by this command has no grant in the database yet: the engine made its id just now, and
     * what the command adds is flushed only at its end. The default provider asks the database anyway, for the task
     * and for its history, once per candidate group, candidate user and assignee of every new task (issue 19: two
     * queries per escalation task of a storm, and per task of every case). Asked for as before: a standalone task
     * (it may come with an id of the caller's, on which an administrator may have granted already), a task that was
     * flushed already and a task of an earlier command.
     */
    @Override
    protected AuthorizationEntity getGrantAuthorizationByGroupId(String groupId, Resource resource, String resourceId) {
      return insertedNow(resource, resourceId) ? null
          : super.getGrantAuthorizationByGroupId(groupId, resource, resourceId);
    }

    @Override
    protected AuthorizationEntity getGrantAuthorizationByUserId(String userId, Resource resource, String resourceId) {
      return insertedNow(resource, resourceId) ? null
          : super.getGrantAuthorizationByUserId(userId, resource, resourceId);
    }

    /**
     * Whether {@code resourceId} is a process's task (or the history of one) that this command inserted and has not
     * flushed: the engine's cache says so.
     */
    static boolean insertedNow(Resource resource, String resourceId) {
      if (resourceId == null || (resource.resourceType() != Resources.TASK.resourceType()
          && resource.resourceType() != Resources.HISTORIC_TASK.resourceType())) {
        return false;
      }
      CachedDbEntity cached = commandContext().getDbEntityManager().getDbEntityCache()
          .getCachedEntity(TaskEntity.class, resourceId);
      return cached != null && cached.getEntityState() == DbEntityState.TRANSIENT
          && cached.getEntity() instanceof TaskEntity task && task.getProcessInstanceId() != null;
    }

    @Override
    public AuthorizationEntity[] newTask(Task task) {
      AuthorizationEntity[] granted = super.newTask(task);
      ExecutionEntity execution = execution(task);
      if (execution == null) {
        return new Grants().toArray(granted);
      }
      Grants grants = new Grants();
      Set<String> readers = new LinkedHashSet<>(routingGroups(execution));
      for (DelegateExecution e = execution; e != null; e = e.getSuperExecution()) {
        DelegateExecution scope = e;
        readers.addAll(ProcessGroups.of(scope.getProcessDefinitionId(), id -> scope.getBpmnModelInstance()));
      }
      for (String supervisor : EngineCaseAccess.supervisors(jurisdiction(execution))) {
        readers.add(supervisor);
        grants.taskRead(task, supervisor);
      }
      readers.forEach(group -> grants.caseRead(execution, null, group));
      return grants.toArray(granted);
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
      AuthorizationEntity[] granted = super.newTaskGroupIdentityLink(task, groupId, type);
      ExecutionEntity execution = execution(task);
      if (!IdentityLinkType.CANDIDATE.equals(type) || execution == null) {
        return new Grants().toArray(granted);
      }
      Grants grants = new Grants();
      grants.caseRead(execution, null, groupId);
      return grants.toArray(granted);
    }

    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
      AuthorizationEntity[] granted = super.newTaskUserIdentityLink(task, userId, type);
      ExecutionEntity execution = execution(task);
      if (!IdentityLinkType.CANDIDATE.equals(type) || execution == null) {
        return new Grants().toArray(granted);
      }
      Grants grants = new Grants();
      grants.caseRead(execution, userId, null);
      return grants.toArray(granted);
    }

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
      AuthorizationEntity[] granted = super.newTaskAssignee(task, oldAssignee, newAssignee);
      ExecutionEntity execution = execution(task);
      if (newAssignee == null || execution == null) {
        return new Grants().toArray(granted);
      }
      Grants grants = new Grants();
      grants.caseRead(execution, newAssignee, null);
      return grants.toArray(granted);
    }

    @Override
    public AuthorizationEntity[] newDeployment(Deployment deployment) {
      Authentication current = Context.getProcessEngineConfiguration().getIdentityService()
          .getCurrentAuthentication();
      if (current == null || current.getUserId() == null || DeploymentTrust.isAdmin(current)) {
        return super.newDeployment(deployment);
      }
      return new AuthorizationEntity[] {createGrantAuthorization(current.getUserId(), null, Resources.DEPLOYMENT,
          deployment.getId(), Permissions.READ)};
    }

    private static ExecutionEntity execution(Task task) {
      return task instanceof TaskEntity t ? t.getExecution() : null;
    }

    /** The routing groups of the appeal (nothing for other processes). */
    private static Set<String> routingGroups(DelegateExecution execution) {
      Set<String> groups = new LinkedHashSet<>();
      for (DelegateExecution e = execution; e != null; e = e.getSuperExecution()) {
        for (String name : ROUTING_VARIABLES) {
          if (e.getVariable(name) instanceof String csv) {
            groups.addAll(AppealSteps.groups(csv));
          }
        }
      }
      groups.removeIf(g -> !g.matches("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*"));
      return groups;
    }

    /** {@code RU}/{@code KZ} of the case: variable {@code jurisdiction} up the call chain, else the business key. */
    private static String jurisdiction(DelegateExecution execution) {
      for (DelegateExecution e = execution; e != null; e = e.getSuperExecution()) {
        Object j = e.getVariable("jurisdiction");
        if ("RU".equals(j) || "KZ".equals(j)) {
          return (String) j;
        }
        String byNumber = EngineCaseAccess.jurisdictionOfNumber(e.getProcessBusinessKey());
        if (byNumber != null) {
          return byNumber;
        }
      }
      return null;
    }

    /** The key of a case's stored grants in one command (the command by identity). */
    private record StoredGrants(CommandContext command, String resourceId) {}

    /** The grants of one provider call, merged with what the engine's default provider granted. */
    private final class Grants {

      private final List<AuthorizationEntity> result = new ArrayList<>();
      private final Map<String, List<AuthorizationEntity>> storedByResource = new HashMap<>();

      void caseRead(ExecutionEntity execution, String userId, String groupId) {
        String instance = execution.getProcessInstanceId();
        grant(userId, groupId, Resources.PROCESS_INSTANCE, instance, null, Permissions.READ);
        if (historic()) {
          grant(userId, groupId, Resources.HISTORIC_PROCESS_INSTANCE, instance, execution.getRootProcessInstanceId(),
              HistoricProcessInstancePermissions.READ);
        }
      }

      /** The task itself; its history is covered by READ on the instance's history (no row per task). */
      void taskRead(Task task, String groupId) {
        grant(null, groupId, Resources.TASK, task.getId(), null, Permissions.READ);
      }

      private void grant(String userId, String groupId, Resource resource, String resourceId, String root,
          Permission permission) {
        AuthorizationEntity pending = find(result, userId, groupId, resource.resourceType(), resourceId, null);
        if (pending != null) {
          addPermissions(pending, permission);
          return;
        }
        AuthorizationEntity stored = find(stored(resourceId), userId, groupId, resource.resourceType(), resourceId,
            null);
        if (stored == null) {
          stored = createAuthorization(userId, groupId, resource, resourceId, permission);
          if (root != null) {
            stored.setRootProcessInstanceId(root);
          }
        } else {
          int had = stored.getPermissions();
          addPermissions(stored, permission);
          if (stored.getPermissions() == had) {
            // Already granted: handing it back would make the engine write the row again (an UPDATE of an unchanged
            // grant and a new revision, for every reader of the case on every new task).
            return;
          }
        }
        result.add(stored);
      }

      /**
       * The grants already stored for a resource id (the case's instance grants, runtime and history, share it), read
       * in one query per provider call instead of one per group and resource type (issue 19: a new task asked up to a
       * dozen times). Read without the caller's authorization checks, as the default provider's own lookups are.
       * The answer is kept for the rest of the command: a new task and its candidate link ask for the same case in
       * two provider calls. Reading again in the same command would give the same entities, because what the
       * command adds or changes is flushed only at its end, and the engine hands back its cached instances.
       */
      private List<AuthorizationEntity> stored(String resourceId) {
        if (insertedNow(Resources.TASK, resourceId)) {
          return List.of(); // a new task's own grants (the supervisor's READ): nothing stored yet, see insertedNow
        }
        CommandContext command = commandContext();
        return storedByResource.computeIfAbsent(resourceId,
            id -> TransactionMemo.get(new StoredGrants(command, id), () -> query(command, id)));
      }

      private static List<AuthorizationEntity> query(CommandContext context, String id) {
        AuthorizationQueryImpl query = new AuthorizationQueryImpl();
        query.resourceId(id);
        query.authorizationType(AuthorizationEntity.AUTH_TYPE_GRANT);
        AuthorizationManager manager = context.getAuthorizationManager();
        List<Authorization> found = context.runWithoutAuthorization(
            () -> manager.selectAuthorizationByQueryCriteria(query));
        List<AuthorizationEntity> entities = new ArrayList<>(found.size());
        found.forEach(a -> entities.add((AuthorizationEntity) a));
        return entities;
      }

      AuthorizationEntity[] toArray(AuthorizationEntity[] granted) {
        List<AuthorizationEntity> all = new ArrayList<>();
        if (granted != null) {
          all.addAll(Arrays.asList(granted));
        }
        all.addAll(result);
        return dedupe(all);
      }
    }

    /**
     * An authorization created earlier in the same command is only in the engine's entity cache: the database
     * answers "none", and a second insert of the same (group or user, resource) would break the unique key. New
     * entities that repeat a pending one (or each other) are folded into it instead.
     */
    static AuthorizationEntity[] dedupe(List<AuthorizationEntity> granted) {
      List<AuthorizationEntity> pending = new ArrayList<>(commandContext().getDbEntityManager()
          .getCachedEntitiesByType(AuthorizationEntity.class));
      List<AuthorizationEntity> out = new ArrayList<>();
      for (AuthorizationEntity a : granted) {
        if (a == null || out.stream().anyMatch(b -> b == a)) {
          continue;
        }
        if (a.getId() == null) {
          AuthorizationEntity same = find(out, a.getUserId(), a.getGroupId(), a.getResourceType(), a.getResourceId(), a);
          if (same == null) {
            same = find(pending, a.getUserId(), a.getGroupId(), a.getResourceType(), a.getResourceId(), a);
          }
          if (same != null) {
            same.setPermissions(same.getPermissions() | a.getPermissions());
            continue;
          }
        }
        out.add(a);
      }
      return out.toArray(new AuthorizationEntity[0]);
    }

    private static AuthorizationEntity find(List<AuthorizationEntity> candidates, String userId, String groupId,
        int resourceType, String resourceId, AuthorizationEntity except) {
      for (AuthorizationEntity a : candidates) {
        if (a != except && a.getAuthorizationType() == AuthorizationEntity.AUTH_TYPE_GRANT
            && a.getResourceType() == resourceType
            && Objects.equals(a.getResourceId(), resourceId)
            && Objects.equals(a.getUserId(), userId)
            && Objects.equals(a.getGroupId(), groupId)) {
          return a;
        }
      }
      return null;
    }

    private static boolean historic() {
      return Context.getProcessEngineConfiguration().isEnableHistoricInstancePermissions();
    }

    private static CommandContext commandContext() {
      return Context.getCommandContext();
    }
  }
}
