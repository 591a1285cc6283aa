package ru.appealdesk.outage;

import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.appealdesk.delivery.TextTemplates;
import ru.appealdesk.platform.NotFoundException;

/** Opens, follows and closes the record of an outage; the playbook process calls it through thin delegates. */
@Service
public class OutageService {

  /** The process whose instances are appeals (CONTRACTS: business key = appeal number, variable receivedAt). */
  static final String APPEAL_PROCESS = "appeal-handling";
  static final Duration LATE_REGISTRATION = Duration.ofDays(30);
  private static final Logger log = LoggerFactory.getLogger(OutageService.class);

  private final OutageRepository outages;
  private final OutageMessages messages;
  private final OutageProperties properties;
  private final HistoryService history;
  private final ManagementService management;

  OutageService(OutageRepository outages, OutageMessages messages, OutageProperties properties,
      HistoryService history, ManagementService management) {
    this.outages = outages;
    this.messages = messages;
    this.properties = properties;
    this.history = history;
    this.management = management;
  }

  /** Registers the outage and renders its client message once, in Russian and Kazakh. */
  @Transactional
  Outage open(OutageReport report, String processInstanceId) {
    Instant now = ClockUtil.now().toInstant();
    int year = Year.from(now.atZone(properties.zone())).getValue();
    String number = "OUTAGE-%d-%04d".formatted(year, outages.nextNumber());
    OutageMessages.Bilingual text = messages.outageMessage(report);
    Outage outage = new Outage(number, report.what(), report.since(),
        report.affectedChannels().stream().map(Enum::name).toList(), report.expectedRecovery(), Outage.Status.OPEN,
        text.ru(), text.kk(), null, null, null, processInstanceId, now);
    outages.insert(outage);
    log.info("Outage {} opened: {} since {}", number, report.channelCodes(), report.since());
    return outage;
  }

  /** Confirms recovery once (a repeated call changes nothing) and renders the "service restored" message. */
  @Transactional
  Outage restore(String number) {
    Instant now = ClockUtil.now().toInstant();
    OutageMessages.Bilingual text = messages.restoredMessage(now);
    if (outages.markRestored(number, now, text.ru(), text.kk())) {
      log.info("Outage {} restored", number);
    }
    linkAppeals(number);
    return get(number);
  }

  /**
   * Links the appeals received during the outage (from its start to its recovery, or until now while it is open).
   * Idempotent: an appeal is linked once, however often this runs.
   *
   * @return how many appeals are linked to the outage now
   */
  @Transactional
  public int linkAppeals(String number) {
    Outage outage = get(number);
    Instant until = outage.restoredAt() != null ? outage.restoredAt() : ClockUtil.now().toInstant();
    // Native queries: the same answer whoever triggers the linking (an employee's authorizations do not apply).
    String window = " from " + management.getTableName(HistoricVariableInstance.class) + " V join "
        + management.getTableName(HistoricProcessInstance.class) + " P on P.ID_ = V.PROC_INST_ID_"
        + " where V.NAME_ = 'receivedAt' and V.VAR_TYPE_ = 'date' and V.LONG_ >= #{from} and V.LONG_ <= #{until}"
        + " and P.PROC_DEF_KEY_ = #{key}";
    Map<String, HistoricProcessInstance> instances = history.createNativeHistoricProcessInstanceQuery()
        .sql("select P.*" + window)
        .parameter("from", outage.since().toEpochMilli())
        .parameter("until", until.toEpochMilli())
        .parameter("key", APPEAL_PROCESS)
        .list().stream()
        .collect(Collectors.toMap(HistoricProcessInstance::getId, Function.identity(), (a, b) -> a));
    if (!instances.isEmpty()) {
      List<HistoricVariableInstance> received = history.createNativeHistoricVariableInstanceQuery()
          .sql("select V.*" + window)
          .parameter("from", outage.since().toEpochMilli())
          .parameter("until", until.toEpochMilli())
          .parameter("key", APPEAL_PROCESS)
          .list();
      for (HistoricVariableInstance v : received) {
        HistoricProcessInstance pi = instances.get(v.getProcessInstanceId());
        if (pi != null && pi.getBusinessKey() != null) {
          outages.link(number, pi.getBusinessKey(), ((Date) v.getValue()).toInstant(), pi.getStartTime().toInstant());
        }
      }
    }
    return outages.appeals(number).size();
  }

  /**
   * Links a newly received appeal to every outage it fell into: open ones, and those restored in the last
   * {@link #LATE_REGISTRATION} (an appeal received by post during an outage may be registered days later).
   * Runs in its own transaction: it is called on its own thread after the appeal's transaction has committed.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void linkAppealsToRecentOutages() {
    for (String number : outages.openOrRestoredAfter(ClockUtil.now().toInstant().minus(LATE_REGISTRATION))) {
      linkAppeals(number);
    }
  }

  public Optional<Outage> find(String number) {
    return outages.find(number);
  }

  public Outage get(String number) {
    return outages.find(number).orElseThrow(() -> new NotFoundException("Сбой " + number + " не найден"));
  }

  public List<Outage.LinkedAppeal> appeals(String number) {
    return outages.appeals(number);
  }

  TextTemplates.Rendered sroRequest(OutageReport report, Outage outage) {
    return messages.sroRequest(report, outage.messageRu());
  }
}
