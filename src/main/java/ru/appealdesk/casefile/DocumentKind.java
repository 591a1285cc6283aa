package ru.appealdesk.casefile;

/** Why a document is in the case file (SPEC §3.11). */
public enum DocumentKind {
  /** Scans and files sent by the client or uploaded by an employee. */
  ATTACHMENT,
  /** A unit's conclusion (co-executor). */
  CONCLUSION,
  /** The answer sent to the client (generated PDF). */
  ANSWER,
  /** The registered, signed outgoing letter. */
  SIGNED_LETTER,
  /** Postal receipt of a registered letter. */
  POSTAL_RECEIPT
}
