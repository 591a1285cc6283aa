package ru.appealdesk.deadline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.appealdesk.identity.AppGroup;

/** The SLA-breach records: written by {@code ${slaBreach}}, read by the overdue list and the appeal view. */
@Service
public class SlaBreaches {

  private static final Logger log = LoggerFactory.getLogger(SlaBreaches.class);

  private final SlaBreachRepository repository;

  SlaBreaches(SlaBreachRepository repository) {
    this.repository = repository;
  }

  /** The group that receives escalations: {@code appeals-controller} (RU) or {@code client-rights-officer} (KZ). */
  public static String escalationGroup(Jurisdiction jurisdiction) {
    return jurisdiction == Jurisdiction.KZ ? AppGroup.CLIENT_RIGHTS_OFFICER.id() : AppGroup.APPEALS_CONTROLLER.id();
  }

  /**
   * Records the breach once per (case, step), at the engine's current time.
   *
   * @return the new record, or empty when this step of this case was already recorded
   */
  @Transactional
  public Optional<SlaBreach> record(SlaEvent event) {
    if (repository.findByCaseNumberAndStep(event.caseNumber(), event.step()).isPresent()) {
      log.info("SLA breach of {} at {} already recorded", event.caseNumber(), event.step());
      return Optional.empty();
    }
    // A concurrent job recording the same breach fails on the unique (case, step) key, retries and then skips.
    SlaBreach breach = repository.saveAndFlush(new SlaBreach(event, now()));
    log.warn("SLA breach: case {} step {} (group {}) was due {}", event.caseNumber(), event.step(), event.group(),
        event.dueAt());
    return Optional.of(breach);
  }

  /** Whether any regulatory deadline of the case was breached (for {@code GET /api/appeals/{number}}). */
  @Transactional(readOnly = true)
  public boolean isBreached(String caseNumber) {
    return repository.existsByCaseNumber(caseNumber);
  }

  /** Every breach of the case, oldest first. */
  @Transactional(readOnly = true)
  public List<SlaBreach> forCase(String caseNumber) {
    return repository.findByCaseNumberOrderByBreachedAt(caseNumber);
  }

  /** Breaches of tasks of {@code group} or escalated to it, by due date. */
  @Transactional(readOnly = true)
  public List<SlaBreach> forGroup(String group) {
    return repository.findByGroupIdOrEscalationGroupOrderByDueAt(group, group);
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
