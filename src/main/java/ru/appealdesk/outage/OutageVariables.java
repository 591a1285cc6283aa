package ru.appealdesk.outage;

import java.util.Set;
import ru.appealdesk.platform.VariableNames;

/**
 * The process variables of {@code outage-communication} that its diagram reads in expressions, by name. A contract
 * test ({@code modeling.DiagramVariablesTest}) checks that every {@code ${…}} of the diagram is one of these or a
 * Spring bean.
 */
public final class OutageVariables {

  private OutageVariables() {}

  public static final String OUTAGE_NUMBER = "outageNumber";
  public static final String JURISDICTION = "jurisdiction";
  public static final String SERVICE_RESTORED = "serviceRestored";

  public static Set<String> all() {
    return VariableNames.declaredIn(OutageVariables.class);
  }
}
