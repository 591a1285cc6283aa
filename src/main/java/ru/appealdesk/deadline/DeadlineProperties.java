package ru.appealdesk.deadline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code appealdesk.deadlines.*}.
 *
 * @param calendarRefresh how old the in-memory copy of the calendars may get before it is re-read (other nodes
 *     see an administrator's change within this time)
 * @param mailFrom sender of reminder and escalation e-mails
 * @param tasklistUrl link put into the e-mails
 */
@ConfigurationProperties("appealdesk.deadlines")
public record DeadlineProperties(Duration calendarRefresh, String mailFrom, String tasklistUrl) {

  public DeadlineProperties {
    calendarRefresh = calendarRefresh == null ? Duration.ofMinutes(1) : calendarRefresh;
    mailFrom = mailFrom == null || mailFrom.isBlank() ? "appeal-desk@appealdesk.local" : mailFrom;
    tasklistUrl = tasklistUrl == null || tasklistUrl.isBlank()
        ? "http://localhost:8080/camunda/app/tasklist/" : tasklistUrl;
  }
}
