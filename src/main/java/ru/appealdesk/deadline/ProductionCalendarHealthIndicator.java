package ru.appealdesk.deadline;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health component {@code productionCalendar}. Its status is {@code WARN} while a year that deadlines are already
 * counted over has no decree data: the current year at any time, next year from 1 November (appeals received then
 * have deadlines in January). {@code WARN} ranks below {@code UP} in {@code management.endpoint.health.status.order},
 * so the application stays {@code UP} for a load balancer (deadlines still compute, provisionally, on the days the law
 * fixes); the details name the missing years, say what to do, and each new warning is logged at WARN once. Dates
 * follow the engine clock ({@link Now}).
 */
@Component
class ProductionCalendarHealthIndicator implements HealthIndicator {

  /** The component's status when a year is missing. */
  static final Status WARN = new Status("WARN", "Нет данных производственного календаря: сроки предварительные");

  private static final Logger log = LoggerFactory.getLogger(ProductionCalendarHealthIndicator.class);

  private final CalendarStore store;
  private volatile String lastWarning = "";

  ProductionCalendarHealthIndicator(CalendarStore store) {
    this.store = store;
  }

  @Override
  public Health health() {
    LocalDate today = Now.instant().atZone(Jurisdiction.RU.zone()).toLocalDate();
    Map<String, Object> years = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (Jurisdiction j : Jurisdiction.values()) {
      ProductionCalendar calendar = store.calendar(j);
      years.put(j.name(), calendar.years());
      if (!calendar.covers(today.getYear())) {
        missing.add(j + " " + today.getYear());
      }
      if (today.getMonthValue() >= Month.NOVEMBER.getValue() && !calendar.covers(today.getYear() + 1)) {
        missing.add(j + " " + (today.getYear() + 1));
      }
    }
    Health.Builder health = (missing.isEmpty() ? Health.up() : Health.status(WARN))
        .withDetail("years", years).withDetail("missing", missing);
    String warning = missing.isEmpty() ? "" : "Нет данных производственного календаря: " + String.join(", ", missing)
        + ". Сроки на эти годы считаются предварительно (праздники и переносы, которые установлены законом, без "
        + "постановления о переносе выходных) и помечаются «предварительно». Загрузите год: POST /api/calendars "
        + "(JSON или файл xmlcalendar) — сроки открытых дел будут пересчитаны.";
    if (!warning.isEmpty()) {
      health.withDetail("level", "WARN").withDetail("warning", warning);
      if (!warning.equals(lastWarning)) {
        log.warn("Production calendar data missing for {}", missing);
      }
    }
    lastWarning = warning;
    return health.build();
  }
}
