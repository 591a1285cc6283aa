package ru.appealdesk.deadline;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.appealdesk.identity.AppGroup;
import ru.appealdesk.identity.CaseAccess;
import ru.appealdesk.platform.BadRequestException;

/** {@code GET /api/deadlines/overdue?group=legal}: what runs late for a unit, for those who control deadlines. */
@RestController
@RequestMapping("/api/deadlines")
class DeadlineController {

  private final OverdueTasks overdue;
  private final CaseAccess caseAccess;

  DeadlineController(OverdueTasks overdue, CaseAccess caseAccess) {
    this.overdue = overdue;
    this.caseAccess = caseAccess;
  }

  @GetMapping("/overdue")
  @PreAuthorize("hasAnyAuthority('GROUP_appeals-controller','GROUP_client-rights-officer','GROUP_camunda-admin')")
  List<OverdueTasks.OverdueItem> overdue(@RequestParam(required = false) String group) {
    if (group == null || group.isBlank()) {
      throw new BadRequestException("group", "Укажите группу, например legal");
    }
    if (AppGroup.byId(group).isEmpty()) {
      throw new BadRequestException("group", "Неизвестная группа: " + group);
    }
    return caseAccess.visibleOnly(overdue.forGroup(group), OverdueTasks.OverdueItem::caseNumber);
  }
}
