package ru.appealdesk.deadline;

import java.time.Instant;

/** A clock's deadline moved (published inside the transaction of the move). */
public record CaseClockMoved(CaseClock clock, Instant previousDueAt) {}
