package ru.appealdesk.delivery;

import java.time.Instant;

/**
 * A recorded delivery of an answer.
 *
 * @param proof what proves it (for e-mail: the Message-ID, recipient and the SHA-256 of the PDF)
 * @param documentId the answer filed in the case file, null when none
 */
public record Delivery(String caseNumber, String method, String recipient, String proof, Long documentId,
    Instant deliveredAt) {}
