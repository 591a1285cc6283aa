package ru.appealdesk.retention;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retention of personal data (152-FZ, docs/retention.md).
 *
 * @param period how long the personal data of a closed case is kept after closing (ISO-8601, default {@code P5Y})
 * @param enabled whether the daily job runs ({@code POST /api/retention/run} works either way)
 * @param cron when the daily job runs (default 03:30), in {@code zone}
 * @param zone the zone of {@code cron} (default Europe/Moscow)
 * @param batchSize cases anonymised per database query round (each case in its own transaction)
 */
@ConfigurationProperties("appealdesk.retention")
public record RetentionProperties(Period period, Boolean enabled, String cron, String zone, Integer batchSize) {

  public RetentionProperties {
    if (period == null) {
      period = Period.ofYears(5);
    }
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("appealdesk.retention.period must be positive (e.g. P5Y)");
    }
    if (enabled == null) {
      enabled = true;
    }
    if (cron == null || cron.isBlank()) {
      cron = "0 30 3 * * *";
    }
    if (zone == null || zone.isBlank()) {
      zone = "Europe/Moscow";
    }
    if (batchSize == null || batchSize < 1) {
      batchSize = 200;
    }
  }
}
