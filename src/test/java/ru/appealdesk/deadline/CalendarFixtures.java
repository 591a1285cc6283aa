package ru.appealdesk.deadline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The bundled calendar files read straight from the classpath, without Spring or a database. */
final class CalendarFixtures {

  private CalendarFixtures() {}

  static ProductionCalendar of(Jurisdiction j, int... years) {
    Set<Integer> covered = new TreeSet<>();
    List<CalendarDay> days = new ArrayList<>();
    for (int year : years) {
      String name = "/calendars/" + j.name().toLowerCase() + "-" + year + ".xml";
      try (InputStream in = CalendarFixtures.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("missing " + name);
        }
        CalendarYear y = XmlCalendarFormat.parse(in, j);
        covered.add(y.year());
        days.addAll(y.days());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ProductionCalendar(j, covered, days);
  }

  /** The arithmetic over every bundled year (RU 2024-2026, KZ 2025-2026). */
  static Deadlines bundled() {
    ProductionCalendar ru = of(Jurisdiction.RU, 2024, 2025, 2026);
    ProductionCalendar kz = of(Jurisdiction.KZ, 2025, 2026);
    return new Deadlines(j -> j == Jurisdiction.RU ? ru : kz);
  }
}
