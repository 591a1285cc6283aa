package ru.appealdesk.deadline;

import jakarta.annotation.PostConstruct;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.platform.BadRequestException.FieldProblem;

/**
 * The production calendars in the database: loads the bundled years at start, stores years added by an
 * administrator, and serves an in-memory snapshot that is re-read at most every {@code calendar-refresh}
 * (so every node sees an administrator's change without a restart).
 */
@Component
public class CalendarStore {

  static final String BUNDLED = "classpath:calendars/*.xml";
  private static final Logger log = LoggerFactory.getLogger(CalendarStore.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Duration refresh;
  private volatile Snapshot snapshot;

  public CalendarStore(JdbcTemplate jdbc, TransactionTemplate tx, DeadlineProperties properties) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.refresh = properties.calendarRefresh();
  }

  @PostConstruct
  void loadBundledYears() {
    try {
      Resource[] files = new PathMatchingResourcePatternResolver().getResources(BUNDLED);
      for (Resource file : files) {
        byte[] bytes;
        try (InputStream in = file.getInputStream()) {
          bytes = in.readAllBytes();
        }
        CalendarYear year = XmlCalendarFormat.parse(new ByteArrayInputStream(bytes), countryOf(file.getFilename()));
        tx.executeWithoutResult(s -> importBundled(year, file.getFilename(), sha256(bytes)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the bundled production calendars", e);
    }
    reload();
  }

  /** The calendar of one country, from a snapshot at most {@code calendar-refresh} old. */
  public ProductionCalendar calendar(Jurisdiction j) {
    Snapshot s = snapshot;
    if (s == null || s.readAt.plus(refresh).isBefore(Instant.now())) {
      s = reload();
    }
    return s.calendars.get(j);
  }

  /** The years with data, per country and year, with where they came from. */
  public List<YearInfo> years() {
    return jdbc.query("""
        select y.country, y.year, y.source, y.loaded_at, y.loaded_by,
               count(d.day) filter (where d.day_type = 'NON_WORKING') as non_working,
               count(d.day) filter (where d.day_type = 'SHORTENED') as shortened,
               count(d.day) filter (where d.day_type = 'WORKING') as working
        from production_calendar_year y left join production_calendar_day d
          on d.country = y.country and d.year = y.year
        group by y.country, y.year order by y.country, y.year""",
        (rs, i) -> new YearInfo(Jurisdiction.valueOf(rs.getString("country")), rs.getInt("year"),
            rs.getString("source"), rs.getTimestamp("loaded_at").toInstant(), rs.getString("loaded_by"),
            rs.getInt("non_working"), rs.getInt("shortened"), rs.getInt("working")));
  }

  /** The exceptional days of one year (empty when the year has no data). */
  public List<CalendarDay> days(Jurisdiction j, int year) {
    return jdbc.query("select day, day_type, title, moved_from from production_calendar_day "
            + "where country = ? and year = ? order by day",
        (rs, i) -> new CalendarDay(rs.getDate("day").toLocalDate(), DayType.valueOf(rs.getString("day_type")),
            rs.getString("title"), rs.getDate("moved_from") == null ? null : rs.getDate("moved_from").toLocalDate()),
        j.name(), year);
  }

  /**
   * Adds or replaces one year on behalf of an administrator; the data is validated first.
   *
   * @return true when the year replaced existing data
   */
  public boolean save(CalendarYear year, String source, String user) {
    validate(year);
    Boolean replaced = tx.execute(s -> {
      int deleted = jdbc.update("delete from production_calendar_year where country = ? and year = ?",
          year.jurisdiction().name(), year.year());
      insert(year, source, null, user);
      return deleted > 0;
    });
    reload();
    log.info("Production calendar {} {} {} by {} ({} days, source {})", year.jurisdiction(), year.year(),
        Boolean.TRUE.equals(replaced) ? "replaced" : "added", user, year.days().size(), source);
    return Boolean.TRUE.equals(replaced);
  }

  /**
   * Removes one year (e.g. loaded by mistake): its deadlines are derived from the law again, provisionally. A bundled
   * year comes back at the next start.
   *
   * @return true when there was such a year
   */
  public boolean delete(Jurisdiction j, int year, String user) {
    int deleted = jdbc.update("delete from production_calendar_year where country = ? and year = ?", j.name(), year);
    reload();
    if (deleted > 0) {
      log.info("Production calendar {} {} removed by {}", j, year, user);
    }
    return deleted > 0;
  }

  /** Checks an administrator's year: dates inside the year, working days only on weekends. Russian reasons. */
  static void validate(CalendarYear year) {
    List<FieldProblem> problems = new ArrayList<>();
    if (year.year() < 1990 || year.year() > 2100) {
      problems.add(new FieldProblem("year", "Год должен быть между 1990 и 2100"));
    }
    Set<LocalDate> seen = new TreeSet<>();
    for (int i = 0; i < year.days().size(); i++) {
      CalendarDay d = year.days().get(i);
      String field = "days[" + i + "]";
      if (d.date().getYear() != year.year()) {
        problems.add(new FieldProblem(field + ".date", "Дата " + d.date() + " не относится к году " + year.year()));
      }
      if (!seen.add(d.date())) {
        problems.add(new FieldProblem(field + ".date", "Дата " + d.date() + " указана дважды"));
      }
      boolean weekend = d.date().getDayOfWeek() == DayOfWeek.SATURDAY || d.date().getDayOfWeek() == DayOfWeek.SUNDAY;
      if (d.type() == DayType.WORKING && !weekend) {
        problems.add(new FieldProblem(field + ".type",
            "Рабочим выходным (WORKING) может быть только суббота или воскресенье: " + d.date()));
      }
    }
    if (year.days().stream().noneMatch(d -> d.type() == DayType.NON_WORKING)) {
      problems.add(new FieldProblem("days", "В году нет ни одного праздничного дня — похоже на ошибку в данных"));
    }
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
  }

  private void importBundled(CalendarYear year, String fileName, String checksum) {
    List<Map<String, Object>> rows = jdbc.queryForList(
        "select source, checksum from production_calendar_year where country = ? and year = ? for update",
        year.jurisdiction().name(), year.year());
    if (rows.isEmpty()) {
      int inserted = jdbc.update("insert into production_calendar_year (country, year, source, checksum, loaded_at,"
              + " loaded_by) values (?, ?, ?, ?, ?, 'system') on conflict do nothing",
          year.jurisdiction().name(), year.year(), "bundled:" + fileName, checksum, Timestamp.from(Instant.now()));
      if (inserted == 1) {
        insertDays(year);
        log.info("Production calendar {} {} loaded from {}", year.jurisdiction(), year.year(), fileName);
      }
      return;
    }
    String source = (String) rows.get(0).get("source");
    if (source.startsWith("bundled:") && !checksum.equals(rows.get(0).get("checksum"))) {
      jdbc.update("delete from production_calendar_year where country = ? and year = ?",
          year.jurisdiction().name(), year.year());
      insert(year, "bundled:" + fileName, checksum, "system");
      log.info("Production calendar {} {} updated from the corrected {}", year.jurisdiction(), year.year(), fileName);
    }
  }

  private void insert(CalendarYear year, String source, String checksum, String user) {
    jdbc.update("insert into production_calendar_year (country, year, source, checksum, loaded_at, loaded_by) "
            + "values (?, ?, ?, ?, ?, ?)",
        year.jurisdiction().name(), year.year(), source, checksum, Timestamp.from(Instant.now()), user);
    insertDays(year);
  }

  private void insertDays(CalendarYear year) {
    jdbc.batchUpdate("insert into production_calendar_day (country, year, day, day_type, title, moved_from) "
            + "values (?, ?, ?, ?, ?, ?)", year.days(), 100, (ps, d) -> {
          ps.setString(1, year.jurisdiction().name());
          ps.setInt(2, year.year());
          ps.setDate(3, Date.valueOf(d.date()));
          ps.setString(4, d.type().name());
          ps.setString(5, d.title());
          ps.setDate(6, d.movedFrom() == null ? null : Date.valueOf(d.movedFrom()));
        });
  }

  private synchronized Snapshot reload() {
    Map<Jurisdiction, Set<Integer>> years = new EnumMap<>(Jurisdiction.class);
    Map<Jurisdiction, List<CalendarDay>> days = new EnumMap<>(Jurisdiction.class);
    for (Jurisdiction j : Jurisdiction.values()) {
      years.put(j, new TreeSet<>());
      days.put(j, new ArrayList<>());
    }
    jdbc.query("select country, year from production_calendar_year", rs -> {
      years.get(Jurisdiction.valueOf(rs.getString(1))).add(rs.getInt(2));
    });
    jdbc.query("select country, day, day_type, title, moved_from from production_calendar_day", rs -> {
      Date moved = rs.getDate(5);
      days.get(Jurisdiction.valueOf(rs.getString(1))).add(new CalendarDay(rs.getDate(2).toLocalDate(),
          DayType.valueOf(rs.getString(3)), rs.getString(4), moved == null ? null : moved.toLocalDate()));
    });
    Map<Jurisdiction, ProductionCalendar> calendars = new HashMap<>();
    for (Jurisdiction j : Jurisdiction.values()) {
      calendars.put(j, new ProductionCalendar(j, years.get(j), days.get(j)));
    }
    Snapshot s = new Snapshot(Map.copyOf(calendars), Instant.now());
    snapshot = s;
    return s;
  }

  private static Jurisdiction countryOf(String fileName) {
    String prefix = fileName == null ? "" : fileName.split("-")[0];
    return Jurisdiction.of(prefix);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Snapshot(Map<Jurisdiction, ProductionCalendar> calendars, Instant readAt) {}

  /** One year with data: where it came from and how many exceptional days it lists. */
  public record YearInfo(Jurisdiction country, int year, String source, Instant loadedAt, String loadedBy,
      int nonWorkingDays, int shortenedDays, int workingWeekendDays) {}
}
