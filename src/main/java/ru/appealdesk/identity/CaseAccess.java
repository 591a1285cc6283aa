package ru.appealdesk.identity;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The one visibility rule of the application (issue 14): may this person see this case (an appeal, a restructuring, an
 * outgoing letter or an outage, by its number)? Every {@code /api} endpoint, the case card in Tasklist and the reports
 * ask it; nobody sees a client they do not work with. A caller who may not see a case gets 404, never a hint that the
 * number exists.
 *
 * <p>The rule: an employee sees a case when they are (or were) candidate or assignee of one of its tasks (in any process
 * instance of the case, called sub-processes included), belong to its responsible, co-executor, approval or delivery
 * group, are the appeals controller of an RU case or the client-rights officer of a KZ case, or are an administrator
 * ({@code camunda-admin}). {@code docs/security.md} has the table by group.
 */
public interface CaseAccess {

  /** Whether the user with these groups may see the case {@code caseNumber}. Unknown numbers: false. */
  boolean canSee(String userId, Collection<String> groupIds, String caseNumber);

  /**
   * For {@code /api}: the authenticated caller of the current request may see the case, otherwise
   * {@link ru.appealdesk.platform.NotFoundException} (404, the same answer as for a number that does not exist).
   */
  void requireVisible(String caseNumber);

  /** {@link #canSee} for the authenticated caller of the current request (false without one). */
  boolean isVisible(String caseNumber);

  /** The items of a list or report whose case the current caller may see, in their order. */
  <T> List<T> visibleOnly(Collection<T> items, Function<? super T, String> caseNumber);
}
