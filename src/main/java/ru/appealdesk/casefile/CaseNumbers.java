package ru.appealdesk.casefile;

/**
 * Implemented by each feature that owns cases (appeals {@code RU-2026-000123}, letters {@code LTR-2026-000001}, …), so
 * the case file answers 404 for a case that does not exist without depending on the owners' code. A number no owner
 * recognises is accepted (e.g. a feature that has not registered its format yet).
 */
public interface CaseNumbers {

  /** Whether the number has this owner's format. */
  boolean recognises(String caseNumber);

  /** Whether such a case exists; asked only when {@link #recognises} said yes. */
  boolean exists(String caseNumber);
}
