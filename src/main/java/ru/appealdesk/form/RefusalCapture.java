package ru.appealdesk.form;

/**
 * The refusal of the current REST call, if any: {@link FormRefusalFilter} opens a capture around an engine REST call,
 * a {@link FormRefusedException} created on that thread records itself, and the filter answers the call with the
 * refusal's own sentence instead of Camunda's wrapped technical text. Outside a capture (job executor, Java API)
 * nothing is recorded.
 */
final class RefusalCapture {

  private static final ThreadLocal<FormRefusedException[]> CURRENT = new ThreadLocal<>();

  private RefusalCapture() {}

  static void open() {
    CURRENT.set(new FormRefusedException[1]);
  }

  /** Closes the capture and returns the last refusal recorded in it (null when there was none). */
  static FormRefusedException close() {
    FormRefusedException[] holder = CURRENT.get();
    CURRENT.remove();
    return holder == null ? null : holder[0];
  }

  static void record(FormRefusedException refusal) {
    FormRefusedException[] holder = CURRENT.get();
    if (holder != null) {
      holder[0] = refusal;
    }
  }
}
