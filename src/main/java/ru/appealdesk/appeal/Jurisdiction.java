package ru.appealdesk.appeal;

import java.time.ZoneId;

/** RU (source 001) or KZ (source 002); deadlines are counted in the jurisdiction's zone (SPEC §5). */
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
}
