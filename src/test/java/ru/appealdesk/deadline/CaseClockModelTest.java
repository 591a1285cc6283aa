package ru.appealdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13: one mechanism for every deadline of every diagram, no hand-made copies. A regulatory clock is watched by
 * exactly one reminder and one deadline timer, both marked with {@code caseClock}/{@code caseClockTimer} (so a moved
 * clock moves them), on the same due variable; the reminder and breach steps name the clock, never a fixed step
 * (the step that holds the case is found at run time, so a task renamed in Modeler never writes a stale name); step
 * reminders come from the follow-up date {@link StepRemindersPlugin} sets, never from the diagram.
 */
class CaseClockModelTest {

  @ParameterizedTest
  @ValueSource(strings = {"appeal-handling", "kz-restructuring", "outgoing-letter", "outage-communication"})
  void everyDeadlineOfTheDiagramIsACaseClockWithOneReminderAndOneDeadline(String diagram) {
    BpmnModelInstance model = Bpmn.readModelFromFile(new File("bpmn/" + diagram + ".bpmn"));
    Map<String, List<String>> timersByClock = new HashMap<>();
    for (BoundaryEvent b : model.getModelElementsByType(BoundaryEvent.class)) {
      TimerEventDefinition timer = b.getEventDefinitions().stream().filter(TimerEventDefinition.class::isInstance)
          .map(TimerEventDefinition.class::cast).findFirst().orElse(null);
      if (timer == null || b.cancelActivity()) {
        continue; // interrupting timers are outcomes of the process (e.g. the 30-day window of ¶76), not breaches
      }
      Optional<String[]> marked = ClockSync.clockProperties(b);
      assertThat(marked).as(diagram + ": non-interrupting timer " + b.getId() + " is a marked case clock").isPresent();
      String clock = marked.get()[0];
      String role = marked.get()[1];
      assertThat(role).as(b.getId()).isIn("REMINDER", "DEADLINE");
      timersByClock.computeIfAbsent(clock, k -> new ArrayList<>()).add(role);
      String due = timer.getTimeDate().getTextContent().strip();
      String dueVariable = due.replaceAll("^\\$\\{(deadlines\\.reminder\\(execution, )?([A-Za-z]+)\\)?}$", "$2");
      assertThat(due).as(b.getId()).isEqualTo(role.equals("REMINDER")
          ? "${deadlines.reminder(execution, " + dueVariable + ")}" : "${" + dueVariable + "}");

      FlowNode next = b.getOutgoing().iterator().next().getTarget();
      assertThat(next).as(b.getId() + " leads to its clock's step").isInstanceOf(ServiceTask.class);
      ServiceTask step = (ServiceTask) next;
      assertThat(step.getCamundaDelegateExpression())
          .isEqualTo(role.equals("REMINDER") ? "${deadlineReminder}" : "${slaBreach}");
      Map<String, String> inputs = inputs(step);
      assertThat(inputs).as(step.getId()).containsEntry("slaClock", clock).containsEntry("slaDueAt", "${" + dueVariable + "}")
          .doesNotContainKeys("slaStep", "slaGroup");
      if (role.equals("DEADLINE")) {
        List<UserTask> escalation = step.getOutgoing().stream().map(SequenceFlow::getTarget)
            .filter(UserTask.class::isInstance).map(UserTask.class::cast).toList();
        assertThat(escalation).as("one escalation task after " + step.getId()).singleElement().satisfies(t -> {
          assertThat(t.getId()).startsWith("Task_Escalation");
          assertThat(t.getCamundaCandidateGroups()).isEqualTo("${deadlines.escalationGroup(execution)}");
          assertThat(inputs(t)).containsEntry("breachClock", clock);
        });
      }
    }
    // one deadline per clock; the reminder timer may be left out when the clock spans one step (its step reminder
    // comes from the follow-up date, e.g. the registration of appeal-handling)
    timersByClock.forEach((clock, roles) -> {
      assertThat(roles.stream().filter("DEADLINE"::equals)).as(diagram + " clock " + clock).hasSize(1);
      assertThat(roles.stream().filter("REMINDER"::equals).count()).as(diagram + " clock " + clock).isLessThanOrEqualTo(1);
    });
    for (ServiceTask s : model.getModelElementsByType(ServiceTask.class)) {
      if ("${slaBreach}".equals(s.getCamundaDelegateExpression())
          || "${deadlineReminder}".equals(s.getCamundaDelegateExpression())) {
        assertThat(inputs(s)).as(s.getId() + " names its clock, not a fixed step").containsKey("slaClock")
            .doesNotContainKeys("slaStep", "slaGroup");
      }
    }
    for (UserTask t : model.getModelElementsByType(UserTask.class)) {
      assertThat(t.getCamundaFollowUpDate()).as(t.getId() + ": the reminder comes from StepRemindersPlugin").isNull();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"kz-restructuring", "outgoing-letter"})
  void everyUserTaskHasADueDateForItsStepReminder(String diagram) {
    BpmnModelInstance model = Bpmn.readModelFromFile(new File("bpmn/" + diagram + ".bpmn"));
    for (UserTask t : model.getModelElementsByType(UserTask.class)) {
      assertThat(t.getCamundaDueDate()).as(diagram + " " + t.getId()).isNotBlank();
    }
  }

  private static Map<String, String> inputs(org.camunda.bpm.model.bpmn.instance.BaseElement e) {
    Map<String, String> inputs = new HashMap<>();
    if (e.getExtensionElements() != null) {
      for (CamundaInputParameter p : e.getModelInstance().getModelElementsByType(CamundaInputParameter.class)) {
        if (p.getParentElement().getParentElement().getParentElement() == e) {
          inputs.put(p.getCamundaName(), p.getTextContent().strip());
        }
      }
    }
    return inputs;
  }
}
