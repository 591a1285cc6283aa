package ru.appealdesk.deadline;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * One mechanism for the reminders of every step (issue 13): a BPMN parse listener (Camunda's documented extension
 * point) gives every user task of every deployed diagram a create listener that sets the task's follow-up date to the
 * start of the last working day of its due date, in the jurisdiction of the case (unless the diagram sets
 * {@code camunda:followUpDate} itself). {@link StepReminders} e-mails the assignee or the groups of tasks whose
 * follow-up date has come. A task added or renamed in Modeler gets the same treatment with no Java change.
 */
@Component
class StepRemindersPlugin extends AbstractProcessEnginePlugin {

  private final DeadlineService deadlines;

  StepRemindersPlugin(@Lazy DeadlineService deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskListener followUp = new FollowUpListener(deadlines);
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior b) {
          b.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, followUp);
        }
      }
    });
  }

  /** Sets the follow-up date (the reminder) from the due date when the diagram did not set one. */
  static final class FollowUpListener implements TaskListener {
    private final DeadlineService deadlines;

    FollowUpListener(DeadlineService deadlines) {
      this.deadlines = deadlines;
    }

    @Override
    public void notify(DelegateTask task) {
      Date due = task.getDueDate();
      if (due != null && task.getFollowUpDate() == null) {
        task.setFollowUpDate(deadlines.reminder(task.getExecution(), due));
      }
    }
  }
}
