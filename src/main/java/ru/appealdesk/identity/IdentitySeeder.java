package ru.appealdesk.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes the groups of SPEC §1, {@code process-owners} and {@code camunda-admin} exist with their authorizations at every
 * start-up. Idempotent: it adds what is missing and never removes what an administrator granted in Camunda Admin.
 */
@Component
@Order(10)
public class IdentitySeeder implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(IdentitySeeder.class);

  /** Which groups may start which process from Tasklist (and through /engine-rest). */
  static final Map<String, List<AppGroup>> STARTERS = Map.of(
      "appeal-handling", List.of(AppGroup.OFFICE_STAFF, AppGroup.CONTACT_CENTER, AppGroup.INTERNET_MARKETER,
          AppGroup.REGIONAL_NETWORK_HEAD, AppGroup.APPEALS_CONTROLLER, AppGroup.BRANCH_HEAD, AppGroup.KZ_COMPLAINTS),
      "kz-restructuring", List.of(AppGroup.CLIENT_RIGHTS_OFFICER, AppGroup.KZ_COMPLAINTS),
      "outgoing-letter", List.of(AppGroup.OFFICE_MANAGER, AppGroup.BRANCH_HEAD, AppGroup.LEGAL, AppGroup.MARKETING,
          AppGroup.APPEALS_CONTROLLER, AppGroup.GENERAL_DIRECTOR),
      "outage-communication", List.of(AppGroup.APPEALS_CONTROLLER, AppGroup.MARKETING, AppGroup.CONTACT_CENTER,
          AppGroup.REGIONAL_NETWORK_HEAD));

  /** Roles that watch every deadline (SPEC §3 appeals controller, KZ client-rights officer): see all cases. */
  static final List<AppGroup> SUPERVISORS = List.of(AppGroup.APPEALS_CONTROLLER, AppGroup.CLIENT_RIGHTS_OFFICER);

  private final IdentityService identity;
  private final AuthorizationService authorizations;

  public IdentitySeeder(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (AppGroup g : AppGroup.values()) {
      ensureGroup(g.id(), g.russianName(), Groups.GROUP_TYPE_WORKFLOW);
    }
    ensureGroup(AppGroup.CAMUNDA_ADMIN, "Администраторы Camunda", Groups.GROUP_TYPE_SYSTEM);
    grantAdmin();
    for (AppGroup g : AppGroup.values()) {
      grant(g.id(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(g.id(), Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
      grant(g.id(), Resources.DECISION_DEFINITION, ANY, Permissions.READ);
      // Tasklist filters: each group reads only its own (TasklistFilters grants them one by one)
    }
    STARTERS.forEach((process, groups) -> groups.forEach(g -> {
      grant(g.id(), Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.CREATE_INSTANCE);
      grant(g.id(), Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }));
    for (AppGroup g : SUPERVISORS) {
      grant(g.id(), Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(g.id(), Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
      grant(g.id(), Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
      grant(g.id(), Resources.TASK, ANY, Permissions.READ);
      grant(g.id(), Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
      grant(g.id(), Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
    }
    String owners = AppGroup.PROCESS_OWNERS.id();
    grant(owners, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(owners, Resources.DEPLOYMENT, ANY, Permissions.ALL);
    grant(owners, Resources.PROCESS_DEFINITION, ANY, Permissions.ALL);
    grant(owners, Resources.DECISION_DEFINITION, ANY, Permissions.ALL);
    grant(owners, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.ALL);
    grant(owners, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, Permissions.CREATE);
    log.info("Identity seeded: {} groups with authorizations", AppGroup.values().length + 1);
  }

  private void ensureGroup(String id, String name, String type) {
    Group existing = identity.createGroupQuery().groupId(id).singleResult();
    if (existing == null) {
      Group g = identity.newGroup(id);
      g.setName(name);
      g.setType(type);
      identity.saveGroup(g);
    }
  }

  /** {@code camunda-admin} may do everything, as Camunda's own admin-user set-up grants it. */
  private void grantAdmin() {
    for (Resource r : Resources.values()) {
      grant(AppGroup.CAMUNDA_ADMIN, r, ANY, Permissions.ALL);
    }
  }

  void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization auth = authorizations.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT)
        .singleResult();
    if (auth == null) {
      auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      auth.setGroupId(groupId);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    }
    boolean changed = auth.getId() == null;
    for (Permission p : permissions) {
      if (!auth.isPermissionGranted(p)) {
        auth.addPermission(p);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(auth);
    }
  }
}
