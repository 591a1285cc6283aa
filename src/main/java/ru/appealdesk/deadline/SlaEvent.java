package ru.appealdesk.deadline;

import java.time.Instant;

/**
 * What the reminder and breach delegates know about a clock that is (nearly) out: the case, the clock, the step that
 * holds the case (activity id and current name from the model, its groups; {@code heldBy} describes every holder),
 * the deadline, the jurisdiction and, for a breach, the group that receives escalations (decision {@code escalation};
 * null for a reminder, which does not ask it).
 */
public record SlaEvent(String caseNumber, String processInstanceId, String clock, String step, String stepName,
    String group, String heldBy, Instant dueAt, Jurisdiction jurisdiction, String escalationGroup) {

  /** The same event measured against {@code due} (what the breach record says the deadline was). */
  SlaEvent withDueAt(Instant due) {
    return new SlaEvent(caseNumber, processInstanceId, clock, step, stepName, group, heldBy, due, jurisdiction,
        escalationGroup);
  }
}
