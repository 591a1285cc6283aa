package ru.appealdesk.appeal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.platform.BadRequestException.FieldProblem;
import ru.appealdesk.deadline.Jurisdiction;

/**
 * {@code ${acceptAppeal}}: when an employee starts {@code appeal-handling} from Tasklist with the intake form, records
 * and numbers the appeal like the API does and makes the number the business key. Started by the API, the appeal exists
 * already and nothing happens.
 */
@Component("acceptAppeal")
class AcceptAppealDelegate implements JavaDelegate {

  /** JSON field of the API → key of the intake form, so messages name what the employee sees. */
  private static final Map<String, String> FORM_KEYS = Map.ofEntries(Map.entry("type", "appealType"),
      Map.entry("content", "appealContent"), Map.entry("demand", "appealDemand"), Map.entry("receivedAt", "receivedOn"),
      Map.entry("client.fullName", "clientFullName"), Map.entry("client.phone", "clientPhone"),
      Map.entry("client.email", "clientEmail"), Map.entry("client.postalAddress", "clientAddress"),
      Map.entry("client.postalCode", "clientPostalCode"), Map.entry("client.idDocument", "clientIdDocument"));

  private final AppealService service;

  AcceptAppealDelegate(AppealService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (execution.getVariable("appealNumber") != null) {
      return;
    }
    List<String> problems = new ArrayList<>();
    ZoneId zone = "KZ".equals(text(execution, "jurisdiction")) ? Jurisdiction.KZ.zone() : Jurisdiction.RU.zone();
    NewAppeal in = new NewAppeal(text(execution, "jurisdiction"), text(execution, "appealType"),
        text(execution, "subject"), text(execution, "channel"), dateTime(execution, "receivedOn", zone, problems),
        text(execution, "language"),
        new ClientDetails(text(execution, "clientFullName"), text(execution, "clientPhone"),
            text(execution, "clientEmail"), text(execution, "clientAddress"), text(execution, "clientPostalCode"),
            text(execution, "clientIdDocument")),
        text(execution, "appealContent"), text(execution, "appealDemand"), text(execution, "situationPlace"),
        dateTime(execution, "situationAt", zone, problems), text(execution, "contractNumber"),
        Boolean.TRUE.equals(execution.getVariable("writtenAnswerRequested"))
            || "true".equals(text(execution, "writtenAnswerRequested")));
    if (!problems.isEmpty()) {
      throw refused(problems);
    }
    try {
      Map<String, Object> vars = service.acceptStartedInTasklist(execution.getProcessInstanceId(), in);
      execution.setProcessBusinessKey((String) vars.get("appealNumber"));
      execution.setVariables(vars);
    } catch (BadRequestException e) {
      throw refused(e.problems().stream().map(AcceptAppealDelegate::message).toList());
    }
  }

  private static String message(FieldProblem p) {
    return FORM_KEYS.getOrDefault(p.field(), p.field()) + ": " + p.message();
  }

  private static ProcessEngineException refused(List<String> problems) {
    return new ProcessEngineException("Форма заполнена неверно — " + problems.stream().collect(Collectors.joining("; ")));
  }

  private static String text(DelegateExecution execution, String name) {
    Object v = execution.getVariable(name);
    return v == null || v.toString().isBlank() ? null : v.toString().strip();
  }

  private static OffsetDateTime dateTime(DelegateExecution execution, String name, ZoneId zone, List<String> problems) {
    Object v = execution.getVariable(name);
    if (v instanceof Date d) {
      return d.toInstant().atZone(zone).toOffsetDateTime();
    }
    String s = text(execution, name);
    if (s == null) {
      return null;
    }
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay(zone).toOffsetDateTime();
      }
      try {
        return OffsetDateTime.parse(s);
      } catch (DateTimeParseException e) {
        return LocalDateTime.parse(s).atZone(zone).toOffsetDateTime();
      }
    } catch (DateTimeParseException e) {
      problems.add(name + ": неверная дата «" + AppealService.abbreviate(s, 30) + "»");
      return null;
    }
  }
}
