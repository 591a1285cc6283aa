package ru.appealdesk.outage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.platform.BadRequestException.FieldProblem;

/**
 * {@code ${formChecklist}} (task listener on {@code complete}): validates on the server what the task's Camunda Form
 * demands in the browser, read from the form file deployed with the diagram, so the form stays the one place where a
 * process owner edits the checklist. Checks {@code validate.required} (a required checkbox must be ticked),
 * {@code minLength}/{@code maxLength} and {@code min}/{@code max}; skips read-only fields and fields hidden by a
 * simple condition ({@code =flag}, {@code =not(flag)}). A checkbox missing from the submission is stored as false.
 */
@Component("formChecklist")
class FormChecklistListener implements TaskListener {

  private static final Pattern NOT_FLAG = Pattern.compile("^=\\s*not\\s*\\(\\s*(\\w+)\\s*\\)\\s*$");
  private static final Pattern FLAG = Pattern.compile("^=\\s*(\\w+)\\s*$");

  private final RepositoryService repository;
  private final ObjectMapper json;
  private final Map<String, JsonNode> forms = new ConcurrentHashMap<>();

  FormChecklistListener(RepositoryService repository, ObjectMapper json) {
    this.repository = repository;
    this.json = json;
  }

  @Override
  public void notify(DelegateTask task) {
    UserTask element = (UserTask) task.getBpmnModelElementInstance();
    String formRef = element.getCamundaFormRef();
    if (formRef == null) {
      return;
    }
    JsonNode form = Context.getCommandContext().runWithoutAuthorization(() -> {
      String deploymentId = repository.getProcessDefinition(task.getProcessDefinitionId()).getDeploymentId();
      return forms.computeIfAbsent(deploymentId + "/" + formRef, k -> load(deploymentId, formRef));
    });
    List<FieldProblem> problems = new ArrayList<>();
    check(form.path("components"), task, problems);
    if (!problems.isEmpty()) {
      throw new ChecklistIncomplete(problems);
    }
  }

  /** Tasklist shows the message of the exception: name every problem, not only the first. */
  static final class ChecklistIncomplete extends BadRequestException {

    ChecklistIncomplete(List<FieldProblem> problems) {
      super(problems);
    }

    @Override
    public String getMessage() {
      return String.join("; ", problems().stream().map(FieldProblem::message).toList());
    }
  }

  private void check(JsonNode components, DelegateTask task, List<FieldProblem> problems) {
    for (JsonNode c : components) {
      if (hidden(c, task)) {
        continue;
      }
      if (c.has("components")) {
        check(c.path("components"), task, problems);
      }
      String key = c.path("key").asText(null);
      if (key == null || c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false)) {
        continue;
      }
      JsonNode rules = c.path("validate");
      String label = c.path("label").asText(key);
      Object value = task.getVariable(key);
      if (value == null && "checkbox".equals(c.path("type").asText())) {
        // a checkbox left out of the submission (engine REST) means "not ticked"; gateways may read it
        task.setVariable(key, false);
        value = false;
      }
      boolean empty = isEmpty(value);
      if (rules.path("required").asBoolean(false)) {
        if ("checkbox".equals(c.path("type").asText()) && !Boolean.TRUE.equals(value)) {
          problems.add(new FieldProblem(key, "Отметьте пункт чек-листа «" + label + "»"));
          continue;
        }
        if (empty) {
          problems.add(new FieldProblem(key, "Заполните поле «" + label + "»"));
          continue;
        }
      }
      if (empty) {
        continue;
      }
      if (value instanceof String s) {
        if (rules.has("minLength") && s.strip().length() < rules.get("minLength").asInt()) {
          problems.add(new FieldProblem(key, "«" + label + "»: не короче " + rules.get("minLength").asInt()
              + " символов"));
        }
        if (rules.has("maxLength") && s.length() > rules.get("maxLength").asInt()) {
          problems.add(new FieldProblem(key, "«" + label + "»: не длиннее " + rules.get("maxLength").asInt()
              + " символов"));
        }
      }
      if (value instanceof Number n) {
        if (rules.has("min") && n.doubleValue() < rules.get("min").asDouble()) {
          problems.add(new FieldProblem(key, "«" + label + "»: не меньше " + rules.get("min").asText()));
        }
        if (rules.has("max") && n.doubleValue() > rules.get("max").asDouble()) {
          problems.add(new FieldProblem(key, "«" + label + "»: не больше " + rules.get("max").asText()));
        }
      }
    }
  }

  /** Only the simple conditions our forms use; anything else counts as visible, so it is validated. */
  private static boolean hidden(JsonNode component, DelegateTask task) {
    String hide = component.path("conditional").path("hide").asText("");
    Matcher not = NOT_FLAG.matcher(hide);
    if (not.matches()) {
      return !Boolean.TRUE.equals(task.getVariable(not.group(1)));
    }
    Matcher flag = FLAG.matcher(hide);
    if (flag.matches() && !"true".equals(flag.group(1)) && !"false".equals(flag.group(1))) {
      return Boolean.TRUE.equals(task.getVariable(flag.group(1)));
    }
    return "=true".equals(hide.replace(" ", ""));
  }

  private static boolean isEmpty(Object value) {
    return value == null
        || value instanceof String s && s.isBlank()
        || value instanceof Collection<?> c && c.isEmpty();
  }

  /** Form files are part of the deployment (employees may not read deployments: the caller runs this as the system). */
  private JsonNode load(String deploymentId, String formRef) {
    String name = repository.getDeploymentResourceNames(deploymentId).stream()
        .filter(n -> n.equals(formRef + ".form") || n.endsWith("/" + formRef + ".form"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Form " + formRef + " is not in deployment " + deploymentId));
    try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
      return json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
