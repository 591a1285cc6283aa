package ru.appealdesk.identity;

import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import ru.appealdesk.platform.NotFoundException;

/**
 * First cut of {@link CaseAccess}: administrators see everything; anyone else sees a case when the engine grants them
 * READ on one of the case's process instances (the per-case grants of {@link CaseVisibility}, the supervisors' grants).
 * The security work of issue 14 completes it (former participants, routing groups, jurisdiction of supervisors).
 */
@Component
class EngineCaseAccess implements CaseAccess {

  static final String GROUP_PREFIX = "GROUP_";

  private final HistoryService history;
  private final AuthorizationService authorizations;

  EngineCaseAccess(HistoryService history, AuthorizationService authorizations) {
    this.history = history;
    this.authorizations = authorizations;
  }

  @Override
  public boolean canSee(String userId, Collection<String> groupIds, String caseNumber) {
    if (userId == null || caseNumber == null || caseNumber.isBlank()) {
      return false;
    }
    List<String> groups = List.copyOf(groupIds);
    if (groups.contains(AppGroup.CAMUNDA_ADMIN)) {
      return true;
    }
    for (HistoricProcessInstance pi : history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).list()) {
      if (authorizations.isUserAuthorized(userId, groups, Permissions.READ, Resources.PROCESS_INSTANCE, pi.getId())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void requireVisible(String caseNumber) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    List<String> groups = auth == null ? List.of() : auth.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith(GROUP_PREFIX))
        .map(a -> a.substring(GROUP_PREFIX.length())).toList();
    if (auth == null || !canSee(auth.getName(), groups, caseNumber)) {
      throw new NotFoundException("Дело " + caseNumber + " не найдено");
    }
  }
}
