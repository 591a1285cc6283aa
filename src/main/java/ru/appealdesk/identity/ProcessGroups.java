package ru.appealdesk.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The groups a process model names for its user tasks (a fixed {@code camunda:candidateGroups}, not an expression):
 * the units that work every case of that process, as the appeal's routing groups do for an appeal — e.g. the client-rights
 * officer and the credit committee for a restructuring, the playbook's units for an outage, the office manager for a
 * letter. Read from the deployed model (a process owner changes it in Modeler), kept per process definition.
 */
final class ProcessGroups {

  private static final Map<String, Set<String>> BY_DEFINITION = new ConcurrentHashMap<>();

  private ProcessGroups() {}

  static Set<String> of(String processDefinitionId, Function<String, BpmnModelInstance> model) {
    if (processDefinitionId == null) {
      return Set.of();
    }
    return BY_DEFINITION.computeIfAbsent(processDefinitionId, id -> {
      BpmnModelInstance bpmn = model.apply(id);
      return bpmn == null ? Set.of() : fixedCandidateGroups(bpmn.getModelElementsByType(UserTask.class));
    });
  }

  static Set<String> fixedCandidateGroups(Collection<UserTask> tasks) {
    Set<String> groups = new LinkedHashSet<>();
    for (UserTask task : tasks) {
      String candidates = task.getCamundaCandidateGroups();
      if (candidates == null || candidates.contains("${") || candidates.contains("#{")) {
        continue;
      }
      for (String g : candidates.split(",")) {
        if (!g.isBlank()) {
          groups.add(g.strip());
        }
      }
    }
    return Set.copyOf(groups);
  }
}
