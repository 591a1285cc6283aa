package ru.appealdesk.letter;

import java.time.Instant;
import java.time.LocalDate;

/** The card of one outgoing letter (table {@code outgoing_letter}). */
public record OutgoingLetter(long id, String processInstanceId, String caseNumber, LetterKind kind, String subject,
    String body, String language, String recipientName, String recipientAddress, String outgoingNumber,
    LocalDate outgoingDate, String registeredBy, String signedBy, String dispatchMethod, String trackingNumber,
    Instant sentAt) {}
