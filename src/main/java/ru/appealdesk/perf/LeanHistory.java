package ru.appealdesk.perf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import ru.appealdesk.appeal.AppealIntake;
import ru.appealdesk.appeal.AppealVariables;

/**
 * History level stays {@code full}, but the engine's database history handler skips the rows that nobody reads
 * (measured in docs/bench.md), with {@code appealdesk.history.lean=true} (the default):
 * <ul>
 *   <li>{@code ACT_HI_DETAIL}: one row per variable write next to the variable's own history row. Nothing in Appeal Desk,
 *       Cockpit or Tasklist of the community edition reads these details; the variables' history
 *       ({@code ACT_HI_VARINST}: every variable with its last value) stays, and what an employee decided is in the
 *       application's own tables (status history, answers, conclusions).</li>
 *   <li>Job log rows of job <em>creation</em> and <em>deletion</em> ({@code ACT_HI_JOB_LOG}): every reminder and overdue
 *       timer of a task finished in time is created and deleted again without ever running. Executions and failures of
 *       jobs (which node ran what, with which error) are still logged.</li>
 *   <li>{@code ACT_HI_VARINST} rows of the appeal's display copies ({@link AppealVariables#DISPLAY_COPIES}): the
 *       client's details, the appeal's text and the Russian texts of codes and dates, which the application's own
 *       tables keep. The engine's history then holds no second copy of the client's personal data.</li>
 *   <li>{@code ACT_HI_VARINST} rows of the deadline steps' own input parameters ({@link #DEADLINE_STEP_PARAMETERS}, in
 *       every diagram): what a reminder or breach step and its escalation task are told (clock, due date, step,
 *       group, who held the case). What a breach needs of them is in its record ({@code sla_breach}: the clock, the
 *       step and who held it, the deadline it was measured against, the resolution); a reminder leaves its e-mail in
 *       the outbox. A storm of breaches wrote four history rows per case for them (issue 19).</li>
 * </ul>
 * Everything else of the audit trail stays as it is: process and activity instances, tasks with their assignees,
 * candidate links, the user operation log (who claimed, completed, changed what), incidents and every DMN evaluation
 * (why an appeal went where it went).
 */
@Configuration(proxyBeanMethods = false)
public class LeanHistory {

  private static final Logger log = LoggerFactory.getLogger(LeanHistory.class);

  /**
   * The input parameters of the deadline steps (docs/CONTRACTS.md: a process owner who adds a deadline step in Modeler
   * gives it these): {@code deadline.SlaEvents} reads the {@code sla…} ones, the escalation forms show
   * {@code breachHeldBy}, and the escalation's completion ({@code ${recordEscalation}}) reads {@code breachClock}.
   * Reserved names: a process variable of the same name anywhere has no history either.
   */
  static final Set<String> DEADLINE_STEP_PARAMETERS = Set.of("slaClock", "slaDueAt", "slaStep", "slaGroup",
      "breachClock", AppealVariables.BREACH_HELD_BY);

  @Bean
  static AbstractProcessEnginePlugin leanHistoryPlugin(Environment env) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (!env.getProperty("appealdesk.history.lean", Boolean.class, true)) {
          return;
        }
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(0, new LeanDbHistoryEventHandler());
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        log.info("Lean history: no variable details, no job log rows of created or deleted jobs, no history of the"
            + " appeal's display copies and of the deadline steps' parameters");
      }

      @Override
      public String toString() {
        return "LeanHistory";
      }
    };
  }

  /** Camunda's database history handler without the rows listed on {@link LeanHistory}. */
  static final class LeanDbHistoryEventHandler extends DbHistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (skipped(event)) {
        return;
      }
      super.handleEvent(event);
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      for (HistoryEvent event : events) {
        handleEvent(event);
      }
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return false;
    }

    /** Job log events carry their kind as a state (created, failed, successful, deleted), not as an event type. */
    static boolean skipped(HistoryEvent event) {
      if (event instanceof HistoricJobLogEvent job) {
        return job.isCreationLog() || job.isDeletionLog();
      }
      if (event instanceof HistoricVariableUpdateEventEntity variable) {
        // every event of such a variable (created, updated, deleted), so no update ever looks for a missing row
        return DEADLINE_STEP_PARAMETERS.contains(variable.getVariableName())
            || (AppealIntake.PROCESS_KEY.equals(variable.getProcessDefinitionKey())
                && AppealVariables.DISPLAY_COPIES.contains(variable.getVariableName()));
      }
      return event instanceof HistoricFormPropertyEventEntity;
    }
  }
}
