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
 * start-up. Idempotent: it adds what is missing and never removes what an administrator granted in Camunda Admin, with
 * one exception (issue 14): the wildcard grants that earlier versions gave the supervisors (READ on every instance and
 * task of both jurisdictions) and the process owners (ALL on definitions and deployments, READ on every instance) are
 * cut back to the least-privilege set below at every start, because per-case visibility ({@link CaseVisibility},
 * {@link CaseAccess}) depends on them being absent. {@code docs/security.md} lists who may do what.
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

  /**
   * Roles that watch every deadline of their jurisdiction (SPEC §3 appeals controller: RU, KZ client-rights officer:
   * KZ): they see the cases of their jurisdiction through per-instance grants, never through a wildcard.
   */
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
      // jurisdiction-bound since issue 14: CaseVisibility grants READ per case of the supervisor's jurisdiction
      revoke(g.id(), Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
      revoke(g.id(), Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
      revoke(g.id(), Resources.TASK, ANY, Permissions.READ);
      revoke(g.id(), Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
      revoke(g.id(), Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
    }
    // Process owners: deploy, read definitions, decisions, forms (deployment resources) and statistics; no cases
    String owners = AppGroup.PROCESS_OWNERS.id();
    grant(owners, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    exactly(owners, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
    exactly(owners, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    exactly(owners, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    exactly(owners, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    exactly(owners, Resources.PROCESS_INSTANCE, ANY);
    noDeploymentDeleteForNonAdmins();
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

  /** Takes these permissions away from the group's grant on the resource (no-op without such a grant). */
  void revoke(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization auth = groupGrant(groupId, resource, resourceId);
    if (auth == null) {
      return;
    }
    boolean changed = false;
    for (Permission p : permissions) {
      if (auth.isPermissionGranted(p)) {
        auth.removePermission(p);
        changed = true;
      }
    }
    if (changed) {
      save(auth);
    }
  }

  /** The group's grant on the resource holds exactly these permissions (none: the grant is deleted). */
  void exactly(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization auth = groupGrant(groupId, resource, resourceId);
    if (permissions.length == 0) {
      if (auth != null) {
        authorizations.deleteAuthorization(auth.getId());
        log.info("Authorization of {} on {} {} removed (least privilege)", groupId, resource.resourceName(),
            resourceId);
      }
      return;
    }
    int wanted = 0;
    for (Permission p : permissions) {
      wanted |= p.getValue();
    }
    if (auth != null && permissionBits(auth) == wanted) {
      return;
    }
    if (auth == null) {
      auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      auth.setGroupId(groupId);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    }
    auth.setPermissions(permissions);
    save(auth);
  }

  /**
   * Camunda's default grants a deployer READ and DELETE on their deployment; a cascading delete removes running cases,
   * so only administrators keep DELETE ({@link CaseVisibility} grants new deployers READ only).
   */
  private void noDeploymentDeleteForNonAdmins() {
    for (Authorization auth : authorizations.createAuthorizationQuery().resourceType(Resources.DEPLOYMENT)
        .authorizationType(AUTH_TYPE_GRANT).list()) {
      if (auth.getUserId() != null && !ANY.equals(auth.getUserId()) && auth.isPermissionGranted(Permissions.DELETE)
          && identity.createUserQuery().userId(auth.getUserId()).memberOfGroup(AppGroup.CAMUNDA_ADMIN).count() == 0) {
        auth.removePermission(Permissions.DELETE);
        save(auth);
      }
    }
  }

  private static int permissionBits(Authorization auth) {
    int bits = 0;
    for (Permission p : auth.getPermissions(Permissions.values())) {
      bits |= p.getValue();
    }
    return bits;
  }

  private Authorization groupGrant(String groupId, Resource resource, String resourceId) {
    return authorizations.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT)
        .singleResult();
  }

  private void save(Authorization auth) {
    authorizations.saveAuthorization(auth);
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
