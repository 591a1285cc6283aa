package ru.appealdesk.retention;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily run of {@link Retention} ({@code appealdesk.retention.cron}, default 03:30 Moscow). Every node runs it;
 * the per-case claim row makes parallel runs share the work instead of repeating it.
 */
@Component
class RetentionJob {

  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

  private final Retention retention;
  private final RetentionProperties properties;

  RetentionJob(Retention retention, RetentionProperties properties) {
    this.retention = retention;
    this.properties = properties;
  }

  @Scheduled(cron = "${appealdesk.retention.cron:0 30 3 * * *}", zone = "${appealdesk.retention.zone:Europe/Moscow}")
  void daily() {
    if (!properties.enabled()) {
      return;
    }
    try {
      retention.run();
    } catch (RuntimeException e) {
      // no message: it may quote a value (log policy, docs/security.md)
      log.error("Retention run failed ({}); the next run retries", e.getClass().getSimpleName());
    }
  }
}
