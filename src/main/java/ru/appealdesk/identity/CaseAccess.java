package ru.appealdesk.identity;

import java.util.Collection;

/**
 * The one visibility rule of the application (issue 14): may this person see this case (an appeal, a restructuring, an
 * outgoing letter or an outage, by its number)? Every {@code /api} endpoint, the case card in Tasklist and the reports
 * ask it; nobody sees a client they do not work with. A caller who may not see a case gets 404, never a hint that the
 * number exists.
 */
public interface CaseAccess {

  /** Whether the user with these groups may see the case {@code caseNumber}. Unknown numbers: false. */
  boolean canSee(String userId, Collection<String> groupIds, String caseNumber);

  /**
   * For {@code /api}: the authenticated caller of the current request may see the case, otherwise
   * {@link ru.appealdesk.platform.NotFoundException} (404, the same answer as for a number that does not exist).
   */
  void requireVisible(String caseNumber);
}
