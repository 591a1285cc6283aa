package ru.appealdesk.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;

/**
 * The Camunda Form a task or a start event shows, exactly as Tasklist loads it: through {@link FormService}
 * ({@code getTaskFormData} resolves the element's {@code camunda:formRef}, its binding {@code deployment},
 * {@code latest} or {@code version} and the deployment; {@code getDeployedTaskForm} returns the form file). Forms bound
 * to a deployment or a version never change, so they are parsed once; a {@code latest} binding is read every time.
 */
final class FormCatalog {

  static final FormCatalog INSTANCE = new FormCatalog();

  private static final int CACHED_FORMS = 500;

  private final Map<String, FormSchema> cache = Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FormSchema> eldest) {
          return size() > CACHED_FORMS;
        }
      });

  private FormCatalog() {}

  /** The form of a user task; empty when the task has no Camunda Form ({@code camunda:formRef}). */
  Optional<FormSchema> forTask(DelegateTask task) {
    return forTask(task.getProcessEngineServices().getFormService(), task.getId());
  }

  Optional<FormSchema> forTask(FormService forms, String taskId) {
    FormData data = forms.getTaskFormData(taskId);
    return load(data, () -> forms.getDeployedTaskForm(taskId));
  }

  /** The start form of a process definition; empty when its start event has no Camunda Form. */
  Optional<FormSchema> forStartForm(ProcessEngineServices services, String processDefinitionId) {
    FormService forms = services.getFormService();
    FormData data = forms.getStartFormData(processDefinitionId);
    return load(data, () -> forms.getDeployedStartForm(processDefinitionId));
  }

  private Optional<FormSchema> load(FormData data, Supplier<InputStream> content) {
    CamundaFormRef ref = data == null ? null : data.getCamundaFormRef();
    if (ref == null || ref.getKey() == null) {
      return Optional.empty();
    }
    String cacheKey = switch (ref.getBinding()) {
      case "deployment" -> "deployment:" + data.getDeploymentId() + ":" + ref.getKey();
      case "version" -> "version:" + ref.getKey() + ":" + ref.getVersion();
      default -> null;
    };
    if (cacheKey == null) {
      return Optional.of(read(content));
    }
    FormSchema cached = cache.get(cacheKey);
    if (cached == null) {
      cached = read(content);
      cache.put(cacheKey, cached);
    }
    return Optional.of(cached);
  }

  private static FormSchema read(Supplier<InputStream> content) {
    try (InputStream in = content.get()) {
      return FormSchema.parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
