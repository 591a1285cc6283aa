package ru.appealdesk.letter;

/**
 * The input variables of {@code outgoing-letter} (docs/CONTRACTS.md "Delivery and letters"), plus the optional
 * {@code drafterGroup} (the unit that drafts; {@code branch-head} when absent).
 */
public record LetterInput(String caseNumber, String letterKind, String letterSubject, String letterBody,
    String language, String approvalGroup, String signatoryGroup, String recipientName, String recipientAddress,
    String drafterGroup) {}
