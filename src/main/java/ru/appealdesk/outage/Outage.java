package ru.appealdesk.outage;

import java.time.Instant;
import java.util.List;

/**
 * The record of one outage: what failed and since when, the client message prepared once for every channel, the
 * recovery, and the appeals received while it lasted.
 */
public record Outage(String number, String what, Instant since, List<String> affectedChannels, String expectedRecovery,
    Status status, String messageRu, String messageKk, Instant restoredAt, String restoredMessageRu,
    String restoredMessageKk, String processInstanceId, Instant createdAt) {

  public enum Status { OPEN, RESTORED }

  /** An appeal received during the outage: it kept its own clock and its own process. */
  public record LinkedAppeal(String appealNumber, Instant receivedAt) {}
}
