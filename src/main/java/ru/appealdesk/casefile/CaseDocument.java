package ru.appealdesk.casefile;

import java.time.Instant;

/**
 * One document of a case file (without its bytes): what it is, who put it there, and its SHA-256 so anyone can prove
 * later that the stored file is the one that was filed.
 *
 * @param caseNumber appeal (RU-…, KZ-…), restructuring (KZR-…) or stand-alone letter number
 * @param kind what the document is for the case ({@link DocumentKind})
 */
public record CaseDocument(long id, String caseNumber, DocumentKind kind, String fileName, String contentType,
    long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {}
