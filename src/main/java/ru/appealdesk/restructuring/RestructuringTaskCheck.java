package ru.appealdesk.restructuring;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.platform.BadRequestException.FieldProblem;

/**
 * {@code ${restructuringTaskCheck}} on task completion: validates again on the server what the Camunda Form submitted
 * (the browser check alone is not enough) and normalizes it (dates to Date, checklists to codes). A bad submission
 * fails the completion with a Russian message naming the field.
 */
@Component("restructuringTaskCheck")
class RestructuringTaskCheck implements TaskListener {

  private final DecisionLetters letters;

  RestructuringTaskCheck(DecisionLetters letters) {
    this.letters = letters;
  }

  @Override
  public void notify(DelegateTask task) {
    List<FieldProblem> p = new ArrayList<>();
    Date now = RestructuringService.now();
    String key = task.getTaskDefinitionKey();
    switch (key) {
      case RestructuringProcess.TASK_REVIEW -> {
        boolean needed = Vars.bool(task.getVariable("documentsNeeded"));
        task.setVariable("documentsNeeded", needed);
        if (needed) {
          required(p, task, "requestedDocuments", "перечислите запрашиваемые документы");
          task.setVariable("documentsRequestedAt", now);
        }
      }
      case RestructuringProcess.TASK_DECIDE_SUSPENDED -> {
        String action = Vars.string(task.getVariable("suspendedAction"));
        if (!"CLOSE".equals(action) && !"KEEP_WAITING".equals(action)) {
          p.add(new FieldProblem("suspendedAction", "выберите: закрыть без рассмотрения или ждать документы"));
        }
      }
      case RestructuringProcess.TASK_PREPARE_DECISION -> prepareDecision(task, p);
      case RestructuringProcess.TASK_APPROVE_DECISION -> {
        boolean approved = Vars.bool(task.getVariable("decisionApproved"));
        task.setVariable("decisionApproved", approved);
        if (!approved) {
          required(p, task, "approvalComment", "укажите, что исправить в решении");
        } else {
          Date due = Vars.date(task.getVariable("decisionDueAt"));
          task.setVariable("decisionApprovedAt", now);
          task.setVariable("decisionLate", due != null && now.after(due));
          task.setVariable("decisionLetter", letters.decision(task.getVariables()));
        }
      }
      case RestructuringProcess.TASK_DELIVER_DECISION ->
          pastDate(p, task, "decisionReceivedAt", "укажите дату получения решения клиентом", now);
      case RestructuringProcess.TASK_NOTIFY_REFUSAL ->
          pastDate(p, task, "refusalReceivedAt", "укажите дату получения уведомления клиентом", now);
      case RestructuringProcess.TASK_RECORD_OMBUDSMAN -> {
        required(p, task, "ombudsmanDecision", "изложите решение омбудсмана");
        pastDate(p, task, "ombudsmanDecisionAt", "укажите дату решения омбудсмана", now);
        Date due = date(p, task, "ombudsmanExecutionDueAt", "укажите срок исполнения решения");
        if (due != null && due.before(now)) {
          p.add(new FieldProblem("ombudsmanExecutionDueAt", "срок исполнения не может быть в прошлом"));
        }
      }
      case RestructuringProcess.TASK_EXECUTE_OMBUDSMAN -> {
        if (!Vars.bool(task.getVariable("ombudsmanExecuted"))) {
          p.add(new FieldProblem("ombudsmanExecuted", "подтвердите исполнение решения омбудсмана"));
        }
        task.setVariable("ombudsmanExecutedAt", now);
      }
      case RestructuringProcess.TASK_CHANGE_CONTRACT -> {
        if (!Vars.bool(task.getVariable("contractChanged"))) {
          p.add(new FieldProblem("contractChanged", "подтвердите, что изменения внесены в договор"));
        }
        required(p, task, "contractChangeReference", "укажите номер дополнительного соглашения");
        task.setVariable("contractChangedAt", now);
      }
      default -> {
        if (key.startsWith("Task_Escalation")) {
          required(p, task, "escalationNote", "опишите принятые меры");
        }
      }
    }
    if (!p.isEmpty()) {
      throw new BadRequestException(p);
    }
  }

  private static void prepareDecision(DelegateTask task, List<FieldProblem> p) {
    List<String> options = Vars.codes(task.getVariable("decisionOptions"));
    Integer months = Vars.integer(task.getVariable("decisionMonths"));
    DecisionRules.Decision d = new DecisionRules.Decision(Vars.string(task.getVariable("decisionType")), options,
        months, Vars.string(task.getVariable("decisionTerms")), Vars.string(task.getVariable("refusalReason")));
    Integer min = Vars.integer(task.getVariable("minimumMonths"));
    p.addAll(DecisionRules.problems(d, Vars.bool(task.getVariable("mandatory")), min == null ? 0 : min));
    if (p.isEmpty()) {
      boolean refusal = "REFUSAL".equals(d.type());
      task.setVariable("decisionOptionCodes", refusal ? "" : String.join(",", options));
      task.setVariable("decisionOptionsText", refusal ? "" : RestructuringOption.labels(
          options.stream().map(o -> RestructuringOption.byCode(o).orElseThrow()).toList()));
      task.setVariable("decisionMonths", refusal ? null : months);
    }
  }

  private static void required(List<FieldProblem> p, DelegateTask task, String name, String reason) {
    if (Vars.string(task.getVariable(name)) == null) {
      p.add(new FieldProblem(name, reason));
    }
  }

  private static Date date(List<FieldProblem> p, DelegateTask task, String name, String reason) {
    Date d;
    try {
      d = Vars.date(task.getVariable(name));
    } catch (IllegalArgumentException e) {
      d = null;
    }
    if (d == null) {
      p.add(new FieldProblem(name, reason));
    } else {
      task.setVariable(name, d);
    }
    return d;
  }

  private static void pastDate(List<FieldProblem> p, DelegateTask task, String name, String reason, Date now) {
    Date d = date(p, task, name, reason);
    if (d != null && d.getTime() > now.getTime() + 24L * 3600 * 1000) {
      p.add(new FieldProblem(name, "дата не может быть в будущем"));
    }
  }
}
