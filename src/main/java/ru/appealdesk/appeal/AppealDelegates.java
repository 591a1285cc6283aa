package ru.appealdesk.appeal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.appealdesk.deadline.AnswerClock;
import ru.appealdesk.deadline.CaseClock;
import ru.appealdesk.deadline.CaseClocks;
import ru.appealdesk.deadline.DeadlineKind;
import ru.appealdesk.deadline.DeadlineTexts;
import ru.appealdesk.deadline.Jurisdiction;
import ru.appealdesk.deadline.Now;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.platform.BadRequestException.FieldProblem;

/**
 * The service tasks and execution listeners of {@code appeal-handling}, by the names the diagram uses: thin adapters
 * that read variables, call one step and write variables back.
 */
@Configuration(proxyBeanMethods = false)
class AppealDelegates {

  private final AppealSteps steps;
  private final AnswerClock answers;
  private final CaseClocks clocks;
  private final ClientDeadlineNotices notices;

  AppealDelegates(AppealSteps steps, AnswerClock answers, CaseClocks clocks, ClientDeadlineNotices notices) {
    this.steps = steps;
    this.answers = answers;
    this.clocks = clocks;
    this.notices = notices;
  }

  private static Jurisdiction jurisdiction(DelegateExecution e) {
    Object j = e.getVariable(AppealVariables.JURISDICTION);
    return Jurisdiction.of(j == null ? null : j.toString());
  }

  private static Instant instant(DelegateExecution e, String name) {
    Object v = e.getVariable(name);
    return v instanceof Date d ? d.toInstant() : null;
  }

  /** JSON field of the API → key of the intake form, so Tasklist messages name what the employee sees. */
  private static String formKey(String apiField) {
    if (apiField.startsWith("client.")) {
      return ClientDetails.formField(apiField.substring("client.".length()));
    }
    return switch (apiField) {
      case "type" -> AppealVariables.APPEAL_TYPE;
      case "content" -> AppealVariables.APPEAL_CONTENT;
      case "demand" -> AppealVariables.APPEAL_DEMAND;
      case "receivedAt" -> "receivedOn";
      default -> apiField;
    };
  }

  /**
   * {@code ${acceptAppeal}}: started from Tasklist with the intake form, records and numbers the appeal like the API
   * does and makes the number the business key; started by the API (the number is there already) it does nothing.
   */
  @Bean("acceptAppeal")
  JavaDelegate acceptAppeal(AppealIntake intake) {
    return execution -> {
      if (execution.getVariable(AppealVariables.APPEAL_NUMBER) != null) {
        return;
      }
      FormValues f = FormValues.of(execution, jurisdiction(execution).zone());
      String type = f.text(AppealVariables.APPEAL_TYPE);
      String subject = f.text("subject");
      if (subject == null && type != null) {
        subject = f.text("subject" + type.charAt(0) + type.substring(1).toLowerCase());
      }
      NewAppeal in;
      try {
        in = new NewAppeal(f.text(AppealVariables.JURISDICTION), type, subject, f.text(AppealVariables.CHANNEL),
            f.dateTime("receivedOn"), f.text(AppealVariables.LANGUAGE), ClientDetails.fromForm(f),
            f.text(AppealVariables.APPEAL_CONTENT), f.text(AppealVariables.APPEAL_DEMAND),
            f.text(AppealVariables.SITUATION_PLACE), f.dateTime(AppealVariables.SITUATION_AT),
            f.text(AppealVariables.CONTRACT_NUMBER), f.bool(AppealVariables.WRITTEN_ANSWER_REQUESTED, false),
            f.dateTime("discoveredOn"), f.text(AppealVariables.APPLICATION_REASON), null, null);
        Map<String, Object> vars = intake.acceptStartedInTasklist(execution.getProcessInstanceId(), in);
        execution.setProcessBusinessKey((String) vars.get(AppealVariables.APPEAL_NUMBER));
        execution.setVariables(vars);
      } catch (BadRequestException e) {
        List<String> problems = new ArrayList<>();
        for (FieldProblem p : e.problems()) {
          problems.add(formKey(p.field()) + ": " + p.message());
        }
        throw new ProcessEngineException("Форма заполнена неверно — " + String.join("; ", problems));
      }
    };
  }

  /** {@code ${checkAppeal}}: mandatory details (RU) and the admissibility hints of ¶54 (KZ). */
  @Bean("checkAppeal")
  JavaDelegate checkAppeal() {
    return execution -> {
      AppealSteps.CheckResult r = steps.check(execution.getBusinessKey());
      execution.setVariable(AppealVariables.DETAILS_COMPLETE, r.complete());
      execution.setVariable(AppealVariables.MISSING_DETAILS, r.missingCodes());
      execution.setVariable(AppealVariables.MISSING_DETAILS_TEXT, r.missingText());
      execution.setVariable("suggestedRefusalGround", r.suggestedRefusalGround());
      execution.setVariable("admissibilityHints", r.hints());
      execution.setVariable("knownClient", r.knownClient());
    };
  }

  /** {@code ${appealRouted}}: stores the tables' decisions and their versions on the appeal; texts for the forms. */
  @Bean("appealRouted")
  JavaDelegate appealRouted(GroupNames groups, ru.appealdesk.deadline.DeadlineService deadlines) {
    return execution -> {
      // the company's deadline from receipt is known now (the statutory ceiling, counted from the later registration,
      // cannot be earlier at this point); the clock itself starts with the consideration
      Object days = execution.getVariable(AppealVariables.DEADLINE_DAYS);
      Object kind = execution.getVariable(AppealVariables.DEADLINE_KIND);
      if (days != null && kind != null) {
        var due = deadlines.arithmetic().compute(jurisdiction(execution), instant(execution, "receivedAt"),
            ((Number) days).intValue(), DeadlineKind.of(kind.toString()));
        steps.preliminaryDue(execution.getBusinessKey(), due.instant(), due.provisional());
        execution.setVariable(AppealVariables.ANSWER_DUE_AT, Date.from(due.instant()));
        execution.setVariable(AppealVariables.ANSWER_DUE_AT_TEXT,
            DeadlineTexts.due(due.instant(), jurisdiction(execution), due.uncoveredYears()));
      }
      String co = (String) execution.getVariable(AppealVariables.CO_EXECUTOR_GROUP);
      steps.routed(execution.getBusinessKey(), new AppealSteps.Routing(
          (String) execution.getVariable(AppealVariables.REGISTRATION_MODE),
          (String) execution.getVariable(AppealVariables.RESPONSIBLE_GROUP), co,
          (String) execution.getVariable(AppealVariables.APPROVAL_GROUP),
          (String) execution.getVariable(AppealVariables.ANSWER_METHOD),
          (String) execution.getVariable(AppealVariables.DELIVERED_BY_GROUP),
          (String) execution.getVariable(AppealVariables.ROUTING_BASIS)), execution.getProcessDefinitionId(),
          execution.getProcessInstanceId(), execution.getBpmnModelInstance());
      execution.setVariable(AppealVariables.CO_EXECUTORS_PENDING, co == null ? "" : co);
      String responsible = (String) execution.getVariable(AppealVariables.RESPONSIBLE_GROUP);
      String deliveredBy = (String) execution.getVariable(AppealVariables.DELIVERED_BY_GROUP);
      GroupNames.Known names = groups.of(responsible, co, deliveredBy);
      execution.setVariable(AppealVariables.RESPONSIBLE_GROUP_TEXT, names.names(responsible));
      execution.setVariable(AppealVariables.CO_EXECUTOR_GROUP_TEXT, co == null ? "нет" : names.names(co));
      execution.setVariable(AppealVariables.DELIVERED_BY_GROUP_TEXT, names.names(deliveredBy));
      Object docs = execution.getVariable(AppealVariables.REQUIRED_DOCUMENTS);
      execution.setVariable(AppealVariables.REQUIRED_DOCUMENTS_TEXT, docs instanceof List<?> l && !l.isEmpty()
          ? l.stream().map(d -> "• " + d).collect(Collectors.joining("\n")) : null);
      if (docs == null) {
        execution.setVariable(AppealVariables.REQUIRED_DOCUMENTS, List.of());
      }
    };
  }

  /** {@code ${registerAppeal}}: registration without an employee. */
  @Bean("registerAppeal")
  JavaDelegate registerAppeal() {
    return execution -> execution.setVariable(AppealVariables.REGISTERED_AT,
        Date.from(steps.register(execution.getBusinessKey())));
  }

  /** {@code ${startRegistrationClock}} (start of the registration task): Table 1's clock, for recompute and audit. */
  @Bean("startRegistrationClock")
  ExecutionListener startRegistrationClock(ru.appealdesk.deadline.DeadlineService deadlines) {
    return execution -> {
      Instant from = instant(execution, AppealVariables.REGISTRATION_CLOCK_FROM);
      Object days = execution.getVariable(AppealVariables.REGISTRATION_DEADLINE_DAYS);
      if (from == null || days == null) {
        return;
      }
      Jurisdiction j = jurisdiction(execution);
      int n = ((Number) days).intValue();
      clocks.start(new CaseClocks.Start(execution.getBusinessKey(), CaseClock.REGISTRATION,
          execution.getProcessInstanceId(), AppealVariables.REGISTRATION_DUE_AT, j, from, n, DeadlineKind.WORKING_DAYS,
          deadlines.arithmetic().compute(j, from, n, DeadlineKind.WORKING_DAYS), null, null, null, null));
    };
  }

  @Bean("stopRegistrationClock")
  ExecutionListener stopRegistrationClock() {
    return execution -> clocks.stop(execution.getBusinessKey(), CaseClock.REGISTRATION, Now.instant());
  }

  /** {@code ${startAnswerClock}}: the answer deadline of the case, within the statutory ceiling (inputs in the diagram). */
  @Bean("startAnswerClock")
  JavaDelegate startAnswerClock() {
    return execution -> {
      Object legalDays = execution.getVariableLocal("legalDays");
      Object extension = execution.getVariableLocal("legalExtensionDays");
      CaseClock c = answers.start(execution.getBusinessKey(), execution.getProcessInstanceId(),
          AppealVariables.ANSWER_DUE_AT, jurisdiction(execution), instant(execution, "receivedAt"),
          ((Number) execution.getVariableLocal("deadlineDays")).intValue(),
          DeadlineKind.of((String) execution.getVariableLocal("deadlineKind")),
          instant(execution, AppealVariables.REGISTERED_AT), instant(execution, "registrationDueAt"),
          legalDays == null ? null : ((Number) legalDays).intValue(),
          extension == null ? null : ((Number) extension).intValue());
      steps.clockStarted(execution.getBusinessKey(), c);
      clockVariables(execution, c);
    };
  }

  private static void clockVariables(DelegateExecution execution, CaseClock c) {
    execution.setVariable(AppealVariables.ANSWER_DUE_AT, Date.from(c.dueAt()));
    execution.setVariable(AppealVariables.ANSWER_DUE_AT_TEXT,
        DeadlineTexts.due(c.dueAt(), c.jurisdiction(), c.provisionalYears()));
    execution.setVariable(AppealVariables.LEGAL_DEADLINE_AT_TEXT, c.legalDeadlineAt() == null ? null
        : DeadlineTexts.dateTime(c.legalDeadlineAt(), c.jurisdiction()) + " (442-ФЗ)");
  }

  /** {@code ${suspendAnswerClock}}: the request went out; RU: ceiling extended once, and the client is told. */
  @Bean("suspendAnswerClock")
  JavaDelegate suspendAnswerClock() {
    return execution -> {
      CaseClock before = clocks.find(execution.getBusinessKey(), CaseClock.ANSWER).orElseThrow();
      CaseClock c = answers.informationRequested(execution.getBusinessKey(), Now.instant());
      execution.setVariable(AppealVariables.INFORMATION_RECEIVED_AT, null);
      clockVariables(execution, c);
      if (!before.extended() && c.extended()) {
        notices.ceilingExtended(execution, c);
      }
    };
  }

  /** {@code ${resumeAnswerClock}}: the information came (or the wait ended): the clock runs again. */
  @Bean("resumeAnswerClock")
  JavaDelegate resumeAnswerClock() {
    return execution -> {
      Instant received = instant(execution, AppealVariables.INFORMATION_RECEIVED_AT);
      Object days = execution.getVariableLocal("daysAfterInformation");
      int n = days == null || days.toString().isBlank() ? 5 : Integer.parseInt(days.toString().strip());
      CaseClock c = received != null ? answers.informationReceived(execution.getBusinessKey(), received, n)
          : answers.waitEnded(execution.getBusinessKey(), Now.instant());
      clockVariables(execution, c);
      if (c.jurisdiction() == Jurisdiction.KZ) {
        notices.newDeadline(execution, c);
      }
    };
  }

  /** {@code ${stopAnswerClock}} (end of «Рассмотрение обращения»): the answer reached the client. */
  @Bean("stopAnswerClock")
  ExecutionListener stopAnswerClock() {
    return execution -> {
      Instant delivered = instant(execution, AppealVariables.DELIVERED_AT);
      answers.delivered(execution.getBusinessKey(), delivered == null ? Now.instant() : delivered);
    };
  }

  /** {@code ${closeAppeal}}: checks the case is complete and closes it. */
  @Bean("closeAppeal")
  JavaDelegate closeAppeal() {
    return execution -> steps.close(execution.getBusinessKey(),
        (String) execution.getVariable(AppealVariables.DELIVERY_PROOF),
        (Date) execution.getVariable(AppealVariables.DELIVERED_AT));
  }
}
