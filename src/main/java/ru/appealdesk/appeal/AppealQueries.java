package ru.appealdesk.appeal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.appealdesk.deadline.CaseClocks;
import ru.appealdesk.deadline.SlaBreaches;
import ru.appealdesk.platform.NotFoundException;

/** Reading appeals: the employees' view ({@code GET /api/appeals/{number}}) and the client's status. */
@Service
public class AppealQueries {

  private final AppealRepository appeals;
  private final StatusEntryRepository history;
  private final ConclusionRepository conclusions;
  private final InformationReceiptRepository information;
  private final AppealRuleRepository rules;
  private final TaskService tasks;
  private final SlaBreaches breaches;
  private final CaseClocks clocks;
  private final AppealVocabulary vocabulary;

  AppealQueries(AppealRepository appeals, StatusEntryRepository history, ConclusionRepository conclusions,
      InformationReceiptRepository information, AppealRuleRepository rules, TaskService tasks, SlaBreaches breaches,
      CaseClocks clocks, AppealVocabulary vocabulary) {
    this.appeals = appeals;
    this.history = history;
    this.conclusions = conclusions;
    this.information = information;
    this.rules = rules;
    this.tasks = tasks;
    this.breaches = breaches;
    this.clocks = clocks;
    this.vocabulary = vocabulary;
  }

  @Transactional(readOnly = true)
  public AppealView view(String number) {
    Appeal a = get(number);
    List<AppealView.Task> open = a.getProcessInstanceId() == null ? List.of()
        : tasks.createTaskQuery().processInstanceBusinessKey(a.getNumber()).list().stream()
            .map(t -> new AppealView.Task(t.getId(), t.getTaskDefinitionKey(), t.getName(),
                tasks.getIdentityLinksForTask(t.getId()).stream().filter(l -> l.getGroupId() != null)
                    .map(l -> l.getGroupId()).toList(),
                t.getAssignee(), AppealTexts.iso(t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                    a.getJurisdiction())))
            .toList();
    return AppealView.of(a, history.findByAppealIdOrderByAtAscIdAsc(a.getId()),
        conclusions.findByAppealIdOrderByAtAscIdAsc(a.getId()),
        information.findByAppealIdOrderByReceivedAtAsc(a.getId()), open, breaches.forCase(a.getNumber()),
        rules.findByAppealId(a.getId()), clocks.events(a.getNumber()),
        a.getSubject() == null ? null : vocabulary.subject(a.getSubject()).map(AppealVocabulary.Term::ru)
            .orElse(a.getSubject()));
  }

  /** SPEC §7: status and history for the client who holds the token; 404 for any other token. */
  @Transactional(readOnly = true)
  public PublicStatus publicStatus(String number, String token) {
    Appeal a = appeals.findByNumber(number)
        .filter(x -> token != null && MessageDigest.isEqual(x.getStatusToken().getBytes(StandardCharsets.UTF_8),
            token.getBytes(StandardCharsets.UTF_8)))
        .orElseThrow(() -> new NotFoundException("Обращение не найдено"));
    return PublicStatus.of(a, history.findByAppealIdOrderByAtAscIdAsc(a.getId()));
  }

  /** The appeal (for other features in this package and the controller). */
  @Transactional(readOnly = true)
  public Appeal find(String number) {
    return get(number);
  }

  private Appeal get(String number) {
    return appeals.findByNumber(number).orElseThrow(() -> new NotFoundException("Обращение " + number + " не найдено"));
  }
}
