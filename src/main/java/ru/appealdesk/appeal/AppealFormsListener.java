package ru.appealdesk.appeal;

import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ru.appealdesk.deadline.Jurisdiction;

/**
 * {@code ${appealForms}} on the complete event of every user task of {@code appeal-handling}: re-validates on the
 * server what the Camunda Form submitted (browser validation is not enough) and hands it to {@link AppealService}.
 * A bad value refuses the completion with a Russian message that Tasklist shows.
 */
@Component("appealForms")
class AppealFormsListener implements TaskListener {

  static final Set<String> OUTCOMES = Set.of("SATISFIED", "PARTIALLY_SATISFIED", "NOT_SATISFIED", "EXPLAINED");
  static final Set<String> REFUSAL_GROUNDS = Set.of("NONE", "ANONYMOUS", "ABUSIVE", "ILLEGIBLE",
      "REPEAT_WITHOUT_NEW_ARGUMENTS", "OUT_OF_COMPETENCE");

  private final AppealService service;
  private final TaskService tasks;
  private final Validator validator;

  AppealFormsListener(AppealService service, TaskService tasks, Validator validator) {
    this.service = service;
    this.tasks = tasks;
    this.validator = validator;
  }

  @Override
  public void notify(DelegateTask task) {
    Form f = new Form(task);
    String number = task.getExecution().getProcessBusinessKey();
    DelegateExecution ex = task.getExecution();
    switch (task.getTaskDefinitionKey()) {
      case "Task_RecordOnTheSpotDecision" -> {
        String decision = f.text("decisionText", 5, AppealService.VARIABLE_TEXT_LIMIT);
        f.done();
        service.decidedOnTheSpot(number, decision);
      }
      case "Task_RegisterAppeal" -> registration(f, number, ex);
      case "Task_CheckAdmissibility" -> {
        String ground = f.oneOf("refusalGround", REFUSAL_GROUNDS);
        String reason = "NONE".equals(ground) ? f.optional("refusalReason", AppealService.VARIABLE_TEXT_LIMIT)
            : f.text("refusalReason", 10, AppealService.VARIABLE_TEXT_LIMIT);
        f.done();
        service.admissibility(number, ground, reason);
      }
      case "Task_RequestInformation" -> {
        String text = f.text("informationRequestText", 10, AppealService.VARIABLE_TEXT_LIMIT);
        f.done();
        service.informationRequested(number, text);
      }
      case "Task_PrepareConclusion" -> {
        String text = f.text("conclusionText", 5, AppealService.VARIABLE_TEXT_LIMIT);
        f.done();
        String group = (String) task.getVariable("coExecutor");
        ex.getProcessInstance().setVariable("conclusions",
            service.conclusion(number, group, task.getAssignee(), text));
      }
      case "Task_PrepareAnswer", "Task_ReviseAnswer" -> {
        String outcome = f.oneOf("answerOutcome", OUTCOMES);
        String text = f.text("answerText", 20, AppealService.VARIABLE_TEXT_LIMIT);
        long open = tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId())
            .taskDefinitionKey("Task_PrepareConclusion").count();
        if (open > 0) {
          f.problem("conclusions", "дождитесь заключений соисполнителей (не получено: " + open + ")");
        }
        f.done();
        service.answer(number, outcome, text);
      }
      case "Task_PrepareRefusal" -> {
        String text = f.text("answerText", 20, AppealService.VARIABLE_TEXT_LIMIT);
        f.done();
        service.answer(number, "REFUSED_TO_CONSIDER", text);
      }
      case "Task_ApproveAnswer" -> {
        Boolean approved = f.bool("answerApproved");
        String comment = Boolean.FALSE.equals(approved)
            ? f.text("approvalComment", 5, AppealService.VARIABLE_TEXT_LIMIT)
            : f.optional("approvalComment", AppealService.VARIABLE_TEXT_LIMIT);
        f.done();
        ex.setVariable("answerApproved", approved);
        if (!approved) {
          service.changeStatus(number, AppealStatus.IN_PROGRESS, "Возвращено на доработку: " + comment);
        }
      }
      case "Task_RecordCallOutcome" -> delivery(f, ex, "callSummary", "Звонок клиенту");
      case "Task_RecordLetterDelivery" -> delivery(f, ex, "deliveryReference",
          "Письмо исх. № " + ex.getVariable("outgoingNumber"));
      case "Task_RecordPublishedAnswer" -> {
        String where = f.text("publishedWhere", 3, 500);
        delivery(f, ex, "publishedText", "Ответ размещён: " + where);
      }
      case "Task_RecordOralAnswer" -> delivery(f, ex, "oralSummary", "Устный ответ в офисе");
      case "Task_AnswerThroughChannel" -> delivery(f, ex, "deliveryReference",
          "Ответ через канал обращения (" + ex.getVariable("channel") + ")");
      case "Task_EscalationRegisterAppeal", "Task_EscalationPrepareAnswer" -> {
        f.text("escalationNote", 5, AppealService.VARIABLE_TEXT_LIMIT);
        f.done();
      }
      default -> throw new IllegalStateException("No form rules for " + task.getTaskDefinitionKey());
    }
  }

  private void registration(Form f, String number, DelegateExecution ex) {
    if (!Boolean.TRUE.equals(f.bool("originalMarked"))) {
      f.problem("originalMarked", "подтвердите, что номер обращения проставлен на оригинале (§6.1.3)");
    }
    ClientDetails details = new ClientDetails(f.optional("clientFullName", 300), f.optional("clientPhone", 40),
        f.optional("clientEmail", 254), f.optional("clientAddress", 500), f.optional("clientPostalCode", 12),
        f.optional("clientIdDocument", 100));
    validator.validate(details).forEach(v -> f.problem(
        "client" + Character.toUpperCase(v.getPropertyPath().toString().charAt(0))
            + v.getPropertyPath().toString().substring(1), v.getMessage()));
    String demand = f.optional("appealDemand", 20_000);
    String place = f.optional("situationPlace", 500);
    Instant situationAt = f.dateTime("situationAt", false);
    String contract = f.optional("contractNumber", 64);
    f.done();
    Map<String, Object> clientVars = service.completeRegistration(number, details, demand, place, situationAt, contract);
    ex.setVariables(clientVars);
  }

  private void delivery(Form f, DelegateExecution ex, String textField, String what) {
    String text = f.text(textField, 5, AppealService.VARIABLE_TEXT_LIMIT);
    Instant date = f.dateTime("deliveryDate", true);
    if (date != null && date.isAfter(AppealService.now())) {
      f.problem("deliveryDate", "дата не может быть в будущем");
    }
    f.done();
    String earlier = (String) ex.getVariable("deliveryProof");
    String proof = what + ", " + f.raw("deliveryDate") + ": " + text;
    ex.setVariable("deliveryProof", AppealService.abbreviate(
        earlier == null || earlier.isBlank() ? proof : earlier + "\n" + proof, AppealService.VARIABLE_TEXT_LIMIT));
    ex.setVariable("deliveredAt", Date.from(date));
  }

  /** Reads submitted values and collects every problem before refusing once. */
  private static final class Form {
    private final DelegateTask task;
    private final List<String> problems = new ArrayList<>();

    Form(DelegateTask task) {
      this.task = task;
    }

    Object raw(String name) {
      return task.getVariable(name);
    }

    String text(String name, int min, int max) {
      Object v = task.getVariable(name);
      String s = v == null ? null : v.toString().strip();
      if (s == null || s.isEmpty()) {
        problem(name, "обязательное поле");
      } else if (s.length() < min) {
        problem(name, "не короче " + min + " символов");
      } else if (s.length() > max) {
        problem(name, "не длиннее " + max + " символов");
      }
      return s;
    }

    String optional(String name, int max) {
      Object v = task.getVariable(name);
      String s = v == null ? null : v.toString().strip();
      if (s != null && s.length() > max) {
        problem(name, "не длиннее " + max + " символов");
      }
      return s == null || s.isEmpty() ? null : s;
    }

    String oneOf(String name, Set<String> allowed) {
      Object v = task.getVariable(name);
      if (v == null || !allowed.contains(v.toString())) {
        problem(name, "выберите одно из значений: " + String.join(", ", allowed.stream().sorted().toList()));
        return null;
      }
      return v.toString();
    }

    Boolean bool(String name) {
      Object v = task.getVariable(name);
      if (v instanceof Boolean b) {
        return b;
      }
      if (v != null && ("true".equals(v.toString()) || "false".equals(v.toString()))) {
        return Boolean.valueOf(v.toString());
      }
      problem(name, "обязательное поле (да/нет)");
      return Boolean.FALSE;
    }

    /** A date ({@code 2026-11-20}) or date-time (with or without offset) as Camunda Forms submits it. */
    Instant dateTime(String name, boolean required) {
      Object v = task.getVariable(name);
      if (v instanceof Date d) {
        return d.toInstant();
      }
      if (v == null || v.toString().isBlank()) {
        if (required) {
          problem(name, "обязательное поле");
        }
        return null;
      }
      String s = v.toString().strip();
      var zone = Jurisdiction.valueOf((String) task.getVariable("jurisdiction")).zone();
      try {
        if (s.length() == 10) {
          return LocalDate.parse(s).atStartOfDay(zone).toInstant();
        }
        try {
          return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
          return LocalDateTime.parse(s).atZone(zone).toInstant();
        }
      } catch (DateTimeParseException e) {
        problem(name, "неверная дата «" + AppealService.abbreviate(s, 30) + "», формат ГГГГ-ММ-ДД");
        return null;
      }
    }

    void problem(String field, String message) {
      problems.add(field + ": " + message);
    }

    void done() {
      if (!problems.isEmpty()) {
        throw new ProcessEngineException("Форма заполнена неверно — " + String.join("; ", problems));
      }
    }
  }
}
