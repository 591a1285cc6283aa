package ru.appealdesk.deadline;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code productionCalendar}. Missing calendar data never takes the application out of a load
 * balancer (deadlines still compute, with the logged fallback), so the status stays UP; the details carry
 * {@code warnings} and the missing years, and each new warning is logged at WARN. Warned: the current year missing at
 * any time, next year missing from 1 December on. Dates follow the engine clock.
 */
@Component
class ProductionCalendarHealthIndicator implements HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(ProductionCalendarHealthIndicator.class);

  private final CalendarStore store;
  private volatile String lastWarning = "";

  ProductionCalendarHealthIndicator(CalendarStore store) {
    this.store = store;
  }

  @Override
  public Health health() {
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(Jurisdiction.RU.zone()).toLocalDate();
    Map<String, Object> years = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (Jurisdiction j : Jurisdiction.values()) {
      ProductionCalendar calendar = store.calendar(j);
      years.put(j.name(), calendar.years());
      if (!calendar.covers(today.getYear())) {
        missing.add(j + " " + today.getYear());
      }
      if (today.getMonth() == Month.DECEMBER && !calendar.covers(today.getYear() + 1)) {
        missing.add(j + " " + (today.getYear() + 1));
      }
    }
    Health.Builder health = Health.up().withDetail("years", years).withDetail("missing", missing);
    String warning = missing.isEmpty() ? "" : "Нет данных производственного календаря: " + String.join(", ", missing)
        + ". Сроки считаются по выходным и фиксированным праздникам. Добавьте год: POST /api/calendars.";
    if (!warning.isEmpty()) {
      health.withDetail("warning", warning);
      if (!warning.equals(lastWarning)) {
        log.warn("Production calendar data missing for {}", missing);
      }
    }
    lastWarning = warning;
    return health.build();
  }
}
