package ru.appealdesk.outage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

/**
 * {@code ${formChecklist}} (task listener on {@code complete}) of the playbook's checklist tasks. What the checklist
 * form demands (ticked items, lengths, limits, conditions) is enforced by the one server-side form validator
 * ({@code form.FormValidationListener}) from the form deployed with the diagram, before this listener runs; this
 * listener only stores a checkbox left out of the submission (engine REST) as {@code false}, so gateways read "not
 * ticked" rather than nothing. Read-only fields and fields hidden by a simple condition ({@code =flag},
 * {@code =not(flag)}) are left alone.
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
    check(form.path("components"), task);
  }

  private void check(JsonNode components, DelegateTask task) {
    for (JsonNode c : components) {
      if (hidden(c, task)) {
        continue;
      }
      if (c.has("components")) {
        check(c.path("components"), task);
      }
      String key = c.path("key").asText(null);
      if (key == null || c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false)) {
        continue;
      }
      if ("checkbox".equals(c.path("type").asText()) && task.getVariable(key) == null) {
        // a checkbox left out of the submission (engine REST) means "not ticked"; gateways may read it
        task.setVariable(key, false);
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
