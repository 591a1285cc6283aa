package ru.appealdesk.outage;

import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code ${outageSchedule}}: the rhythm of the playbook for BPMN expressions. A process owner may replace an expression
 * with a literal in Modeler (e.g. {@code PT2H}); otherwise the values come from {@code appealdesk.outage.*}.
 */
@Component("outageSchedule")
public class OutageSchedule {

  private final OutageProperties properties;

  OutageSchedule(OutageProperties properties) {
    this.properties = properties;
  }

  /** ISO-8601 duration between two checks of the systems ({@code timeDuration} of {@code Timer_RecheckStatus}). */
  public String recheckInterval() {
    return properties.recheckInterval().toString();
  }

  /** Due date of a channel task: the outage is urgent, so hours from now (engine clock). */
  public Date taskDue() {
    return Date.from(ClockUtil.now().toInstant().plus(properties.taskDue()));
  }

  /** Due date of a status check: before the next check would start. */
  public Date checkDue() {
    return Date.from(ClockUtil.now().toInstant().plus(properties.recheckInterval()));
  }
}
