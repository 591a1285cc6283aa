package ru.appealdesk.platform;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;

/**
 * The process-variable names a constants class declares (its {@code public static final String} fields). Each
 * process has one such class ({@code appeal.AppealVariables}, {@code restructuring.RestructuringVariables},
 * {@code letter.OutgoingLetterVariables}, {@code outage.OutageVariables}); a contract test compares every
 * {@code ${…}} of the diagram with it.
 */
public final class VariableNames {

  private VariableNames() {}

  public static Set<String> declaredIn(Class<?> constants) {
    Set<String> names = new TreeSet<>();
    for (Field f : constants.getFields()) {
      if (f.getType() == String.class && Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers())) {
        try {
          names.add((String) f.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return Set.copyOf(names);
  }
}
