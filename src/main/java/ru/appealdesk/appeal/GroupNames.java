package ru.appealdesk.appeal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
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

  /**
   * The names of every group of {@code csvs} (comma-separated group ids, null allowed), read with one query: a routing
   * names up to three units, and one query per group was a fiftieth of an intake (issue 19, docs/bench.md).
   */
  Known of(String... csvs) {
    Set<String> ids = new LinkedHashSet<>();
    for (String csv : csvs) {
      if (csv != null && !csv.isBlank()) {
        ids.addAll(AppealSteps.groups(csv));
      }
    }
    Map<String, String> named = new HashMap<>();
    if (!ids.isEmpty()) {
      for (Group g : identity.createGroupQuery().groupIdIn(ids.toArray(String[]::new)).list()) {
        if (g.getName() != null && !g.getName().isBlank()) {
          named.put(g.getId(), g.getName());
        }
      }
    }
    return new Known(named);
  }

  /** Group names read by {@link #of}; a group without a name in Camunda Admin gets the product's Russian name. */
  record Known(Map<String, String> named) {

    /** {@code "legal,branch-head"} → «Юридический отдел, Руководитель обособленного подразделения». */
    String names(String csv) {
      if (csv == null || csv.isBlank()) {
        return null;
      }
      return AppealSteps.groups(csv).stream().map(this::name).collect(Collectors.joining(", "));
    }

    private String name(String id) {
      String name = named.get(id);
      return name != null ? name : AppGroup.byId(id).map(AppGroup::russianName).orElse(id);
    }
  }
}
