package ru.appealdesk.appeal;

import java.time.Instant;

/**
 * Published by the appeal service after each status change of an appeal (SPEC §7: the client is told of every change).
 *
 * @param appealNumber e.g. {@code RU-2026-000123}
 * @param status the new status code
 * @param language {@code ru} or {@code kk}: the language of the appeal, and so of the notification
 * @param clientEmail null when the client gave no e-mail address
 */
public record AppealStatusChanged(String appealNumber, String jurisdiction, String status, String language,
    String clientEmail, String clientFullName, Instant at) {}
