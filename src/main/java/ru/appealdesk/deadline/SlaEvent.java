package ru.appealdesk.deadline;

import java.time.Instant;

/**
 * What the reminder and breach delegates know about a late (or nearly late) step: the case, the activity id and name
 * of the task, its candidate group, its due date, the jurisdiction and the group that receives escalations.
 */
public record SlaEvent(String caseNumber, String processInstanceId, String step, String stepName, String group,
    Instant dueAt, Jurisdiction jurisdiction) {

  public String escalationGroup() {
    return SlaBreaches.escalationGroup(jurisdiction);
  }
}
