package ru.appealdesk.form;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Reads the deployed form during a form submission without the submitter's authorizations, as the engine itself does
 * when it serves {@code deployed-form}: the employee may work on the task without being allowed to read deployments.
 * (Task listeners run without authorization checks anyway; the form handlers of {@link SubmittedFormGuard} do not.)
 */
final class AsSystem {

  private AsSystem() {}

  static <T> T call(Supplier<T> work) {
    return Context.getCommandContext() == null ? work.get()
        : Context.getCommandContext().runWithoutAuthorization(work::get);
  }
}
