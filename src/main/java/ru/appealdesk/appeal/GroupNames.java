package ru.appealdesk.appeal;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;
import ru.appealdesk.identity.AppGroup;

/** Units by the Russian names their groups carry in Camunda Admin (so an administrator's rename shows everywhere). */
@Component
class GroupNames {

  private final IdentityService identity;

  GroupNames(IdentityService identity) {
    this.identity = identity;
  }

  /** {@code "legal,branch-head"} → «Юридический отдел, Руководитель обособленного подразделения». */
  String names(String csv) {
    if (csv == null || csv.isBlank()) {
      return null;
    }
    return AppealSteps.groups(csv).stream().map(this::name).collect(Collectors.joining(", "));
  }

  String name(String id) {
    Group g = identity.createGroupQuery().groupId(id).singleResult();
    if (g != null && g.getName() != null && !g.getName().isBlank()) {
      return g.getName();
    }
    return AppGroup.byId(id).map(AppGroup::russianName).orElse(id);
  }
}
