package ru.appealdesk.deadline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;
import ru.appealdesk.identity.AppGroup;
import ru.appealdesk.platform.TransactionMemo;

/**
 * Who receives escalations in a jurisdiction: the output {@code escalationGroup} of the deployed decision
 * {@code escalation} (dmn/escalation.dmn), evaluated at each escalation, so a process owner changes it in Modeler.
 */
@Service
public class EscalationGroups {

  static final String DECISION = "escalation";

  private final DecisionService decisions;

  EscalationGroups(DecisionService decisions) {
    this.decisions = decisions;
  }

  /**
   * The escalation group of {@code jurisdiction} (RU when null, like every deadline rule). Evaluated once per
   * jurisdiction and transaction: a breach step and the escalation task it creates ask in the same command.
   */
  public String of(Jurisdiction jurisdiction) {
    Jurisdiction j = jurisdiction == null ? Jurisdiction.RU : jurisdiction;
    return TransactionMemo.get(new Memo(j), () -> evaluate(j));
  }

  private record Memo(Jurisdiction jurisdiction) {}

  private String evaluate(Jurisdiction j) {
    Object group = decisions.evaluateDecisionByKey(DECISION).variables(Map.of("jurisdiction", j.name())).evaluate()
        .getSingleResult().getEntry("escalationGroup");
    if (group == null || group.toString().isBlank()) {
      throw new IllegalStateException("Таблица решений «" + DECISION + "» не назвала группу эскалации для " + j);
    }
    return group.toString();
  }

  /**
   * The jurisdictions a caller supervises (their overdue list, their SLA report): those whose escalation group is one of
   * {@code groupIds}, every one for administrators ({@code camunda-admin}); RU first.
   */
  public List<Jurisdiction> supervisedBy(Collection<String> groupIds) {
    List<Jurisdiction> result = new ArrayList<>();
    for (Jurisdiction j : Jurisdiction.values()) {
      if (groupIds.contains(AppGroup.CAMUNDA_ADMIN) || groupIds.contains(of(j))) {
        result.add(j);
      }
    }
    return result;
  }
}
