package ru.appealdesk.casefile;

import java.util.regex.Pattern;

/**
 * Extended by each feature that owns cases (appeals {@code RU-2026-000123}, letters {@code LTR-2026-000001}, …), so
 * the case file answers 404 for a case that does not exist without depending on the owners' code. A number no owner
 * recognises does not exist (issue 14: nothing is filed under a number no case has).
 */
public abstract class CaseNumbers {

  private final Pattern format;

  /** @param format the regular expression the owner's whole case numbers match */
  protected CaseNumbers(String format) {
    this.format = Pattern.compile(format);
  }

  /** Whether the number has this owner's format. */
  public final boolean recognises(String caseNumber) {
    return format.matcher(caseNumber).matches();
  }

  /** Whether such a case exists; asked only when {@link #recognises} said yes. */
  public abstract boolean exists(String caseNumber);
}
