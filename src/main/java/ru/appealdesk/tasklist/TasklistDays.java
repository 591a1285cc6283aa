package ru.appealdesk.tasklist;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.springframework.stereotype.Component;
import ru.appealdesk.deadline.Jurisdiction;

/**
 * The day of a jurisdiction for the Tasklist filters ("Срок сегодня" is today in Moscow for RU queues and in Almaty for
 * KZ ones, not the server's UTC day). Used in the stored filter queries, e.g.
 * {@code dueAfterExpression = ${tasklistDays.todayStart(now(), 'RU')}}; {@code now()} is the engine's clock, so the
 * bean is plain arithmetic.
 */
@Component(TasklistDays.BEAN)
public class TasklistDays {

  public static final String BEAN = "tasklistDays";

  /** 00:00 of the day {@code now} falls on in the jurisdiction's zone. */
  public Date todayStart(Date now, String jurisdiction) {
    return Date.from(local(now, jurisdiction).toLocalDate().atStartOfDay(zone(jurisdiction)).toInstant());
  }

  /** 00:00 of the next day in the jurisdiction's zone (the end of "today", exclusive). */
  public Date tomorrowStart(Date now, String jurisdiction) {
    return Date.from(local(now, jurisdiction).toLocalDate().plusDays(1).atStartOfDay(zone(jurisdiction)).toInstant());
  }

  /** {@link #todayStart} as the expression of a stored filter query. */
  public static String todayStartExpression(Jurisdiction jurisdiction) {
    return "${" + BEAN + ".todayStart(now(), '" + jurisdiction.name() + "')}";
  }

  /** {@link #tomorrowStart} as the expression of a stored filter query. */
  public static String tomorrowStartExpression(Jurisdiction jurisdiction) {
    return "${" + BEAN + ".tomorrowStart(now(), '" + jurisdiction.name() + "')}";
  }

  private static ZonedDateTime local(Date now, String jurisdiction) {
    return now.toInstant().atZone(zone(jurisdiction));
  }

  private static ZoneId zone(String jurisdiction) {
    return Jurisdiction.of(jurisdiction).zone();
  }
}
