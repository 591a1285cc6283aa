package ru.appealdesk.deadline;

import java.time.ZoneId;
import java.util.Locale;

/** A country whose production calendar and time zone count a deadline (SPEC §5). */
public enum Jurisdiction {
  RU(ZoneId.of("Europe/Moscow")),
  KZ(ZoneId.of("Asia/Almaty"));

  private final ZoneId zone;

  Jurisdiction(ZoneId zone) {
    this.zone = zone;
  }

  public ZoneId zone() {
    return zone;
  }

  /** {@code RU}/{@code KZ} in any case; {@code null} or blank means RU (the contract's default). */
  public static Jurisdiction of(String code) {
    if (code == null || code.isBlank()) {
      return RU;
    }
    try {
      return valueOf(code.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown jurisdiction '" + code + "' (expected RU or KZ)", e);
    }
  }
}
