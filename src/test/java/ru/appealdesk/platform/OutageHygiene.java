package ru.appealdesk.platform;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outages a security test opened must not catch appeals of later tests (every appeal received while an outage is
 * open is linked to it): they are closed a second after they began and their playbooks removed.
 */
public final class OutageHygiene {

  private OutageHygiene() {}

  public static void closeOpenOutages(JdbcClient jdbc, RuntimeService runtime) {
    for (String instance : jdbc.sql("select process_instance_id from outage where status = 'OPEN'")
        .query(String.class).list()) {
      if (runtime.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
        runtime.deleteProcessInstance(instance, "security test clean-up", true, true);
      }
    }
    jdbc.sql("update outage set status = 'RESTORED', restored_at = since + interval '1 second' where status = 'OPEN'")
        .update();
  }
}
