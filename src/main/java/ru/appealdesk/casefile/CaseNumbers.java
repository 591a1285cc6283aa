package ru.appealdesk.casefile;

/**
 * Tells whether a case number belongs to a known case (appeal, restructuring, letter). Features that own cases provide
 * beans; the case file accepts a number when any of them knows it, or when no feature has registered one yet.
 */
public interface CaseNumbers {

  boolean exists(String caseNumber);
}
