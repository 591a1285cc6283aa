package ru.appealdesk.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.appealdesk.appeal.AppealType;
import ru.appealdesk.appeal.AppealVocabulary;
import ru.appealdesk.appeal.Channel;
import ru.appealdesk.deadline.Jurisdiction;
import ru.appealdesk.deadline.Now;
import ru.appealdesk.identity.AppGroup;

/**
 * The controller's SLA report (issue 17, {@code docs/reports.md}): the appeals a jurisdiction received in a period
 * (local days of its zone, both ends included) and what became of them, in total and by responsible group, type,
 * subject and channel, with the breaches by the step that held the case and the subjects received most often.
 *
 * <p>Every figure is counted over the same cohort, the appeals received in the period, so the rows add up: of those,
 * how many were answered, answered on time, breached, are still open and are late now ({@link Now}, the engine clock).
 */
@Service
public class SlaReport {

  /** How many subjects {@code topSubjects} lists. */
  static final int TOP_SUBJECTS = 5;

  private final JdbcClient jdbc;
  private final AppealVocabulary vocabulary;

  SlaReport(JdbcClient jdbc, AppealVocabulary vocabulary) {
    this.jdbc = jdbc;
    this.vocabulary = vocabulary;
  }

  /** The report of one jurisdiction for the local days {@code from} to {@code to} (inclusive). */
  @Transactional(readOnly = true)
  public JurisdictionReport of(Jurisdiction j, LocalDate from, LocalDate to) {
    OffsetDateTime start = from.atStartOfDay(j.zone()).toOffsetDateTime();
    OffsetDateTime end = to.plusDays(1).atStartOfDay(j.zone()).toOffsetDateTime();
    Instant now = Now.instant();
    List<CaseRow> cases = jdbc.sql("""
            select a.number, a.appeal_type, a.subject, a.channel, a.responsible_group, a.received_at,
                   a.delivered_at, a.closed_at, coalesce(c.due_at, a.answer_due_at) as answer_due_at,
                   exists (select 1 from sla_breach b where b.case_number = a.number) as breached,
                   exists (select 1 from case_clock k where k.case_number = a.number and k.stopped_at is null
                             and ((k.suspended_at is null and k.due_at < :now)
                                  or (k.suspended_at is not null and k.legal_deadline_at < :now))) as overdue
              from appeal a
              left join case_clock c on c.case_number = a.number and c.clock = 'ANSWER'
             where a.jurisdiction = :j and a.received_at >= :start and a.received_at < :end
             order by a.received_at, a.number""")
        .param("j", j.name()).param("start", ts(start.toInstant())).param("end", ts(end.toInstant()))
        .param("now", ts(now))
        .query((rs, i) -> new CaseRow(rs.getString("number"), rs.getString("appeal_type"), rs.getString("subject"),
            rs.getString("channel"), rs.getString("responsible_group"), instant(rs.getTimestamp("received_at")),
            instant(rs.getTimestamp("delivered_at")), instant(rs.getTimestamp("closed_at")),
            instant(rs.getTimestamp("answer_due_at")), rs.getBoolean("breached"), rs.getBoolean("overdue")))
        .list();
    List<StepBreaches> byStep = jdbc.sql("""
            select b.step, max(b.step_name) as step_name, b.group_id, count(distinct b.case_number) as cases
              from sla_breach b join appeal a on a.number = b.case_number
             where a.jurisdiction = :j and a.received_at >= :start and a.received_at < :end
             group by b.step, b.group_id
             order by cases desc, b.step, b.group_id""")
        .param("j", j.name()).param("start", ts(start.toInstant())).param("end", ts(end.toInstant()))
        .query((rs, i) -> new StepBreaches(rs.getString("step"), rs.getString("step_name"), rs.getString("group_id"),
            groupName(rs.getString("group_id")), rs.getLong("cases")))
        .list();

    Map<String, Long> subjectCounts = cases.stream().filter(c -> c.subject() != null)
        .collect(Collectors.groupingBy(CaseRow::subject, TreeMap::new, Collectors.counting()));
    List<TopSubject> top = subjectCounts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP_SUBJECTS).map(e -> new TopSubject(e.getKey(), subjectName(e.getKey()), e.getValue())).toList();

    return new JurisdictionReport(j, from, to, start, end, now, figures(cases),
        rows(cases, CaseRow::responsibleGroup, SlaReport::groupName),
        rows(cases, CaseRow::type, SlaReport::typeName),
        rows(cases, CaseRow::subject, this::subjectName),
        rows(cases, CaseRow::channel, SlaReport::channelName),
        byStep, top);
  }

  private static List<Row> rows(List<CaseRow> cases, Function<CaseRow, String> key,
      Function<String, String> label) {
    Map<String, List<CaseRow>> groups = new LinkedHashMap<>();
    for (CaseRow c : cases) {
      groups.computeIfAbsent(key.apply(c) == null ? "" : key.apply(c), k -> new ArrayList<>()).add(c);
    }
    return groups.entrySet().stream()
        .map(e -> new Row(e.getKey().isEmpty() ? null : e.getKey(),
            e.getKey().isEmpty() ? "не определено" : label.apply(e.getKey()), figures(e.getValue())))
        .sorted(Comparator.comparingLong((Row r) -> -r.figures().received())
            .thenComparing(r -> r.key() == null ? "\uffff" : r.key()))
        .toList();
  }

  static Figures figures(List<CaseRow> cases) {
    long answered = 0;
    long onTime = 0;
    long breached = 0;
    long open = 0;
    long overdue = 0;
    List<Double> days = new ArrayList<>();
    for (CaseRow c : cases) {
      if (c.deliveredAt() != null) {
        answered++;
        if (c.answerDueAt() == null || !c.deliveredAt().isAfter(c.answerDueAt())) {
          onTime++;
        }
        days.add(Duration.between(c.receivedAt(), c.deliveredAt()).toSeconds() / 86_400.0);
      }
      if (c.breached()) {
        breached++;
      }
      if (c.closedAt() == null) {
        open++;
        if (c.overdue()) {
          overdue++;
        }
      }
    }
    return new Figures(cases.size(), answered, onTime, breached, median(days), open, overdue);
  }

  /** The median of the values (mean of the two middle ones for an even count), one decimal; null for none. */
  static BigDecimal median(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    double m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return BigDecimal.valueOf(m).setScale(1, RoundingMode.HALF_UP);
  }

  static String groupName(String id) {
    if (id == null) {
      return null;
    }
    return AppGroup.byId(id).map(AppGroup::russianName).orElse(id);
  }

  static String typeName(String code) {
    try {
      return AppealType.valueOf(code).russianName();
    } catch (IllegalArgumentException e) {
      return code;
    }
  }

  static String channelName(String code) {
    try {
      return Channel.valueOf(code).russianName();
    } catch (IllegalArgumentException e) {
      return code;
    }
  }

  String subjectName(String code) {
    return vocabulary.subject(code).map(AppealVocabulary.Term::ru).orElse(code);
  }

  private static Timestamp ts(Instant i) {
    return Timestamp.from(i);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  /** One appeal of the cohort with what the figures need. */
  record CaseRow(String number, String type, String subject, String channel, String responsibleGroup,
      Instant receivedAt, Instant deliveredAt, Instant closedAt, Instant answerDueAt, boolean breached,
      boolean overdue) {}

  /** The figures of a set of appeals (docs/reports.md). */
  public record Figures(long received, long answered, long answeredOnTime, long breached,
      BigDecimal medianDaysToAnswer, long openNow, long overdueNow) {}

  /** One line of a breakdown: the code ({@code null}: not set on the appeal), its Russian name and its figures. */
  public record Row(String key, String label, Figures figures) {}

  /** Cases held by a step (and its group) when a regulatory clock ran out. */
  public record StepBreaches(String step, String stepName, String group, String groupName, long cases) {}

  public record TopSubject(String subject, String label, long received) {}

  public record JurisdictionReport(Jurisdiction jurisdiction, LocalDate from, LocalDate to, OffsetDateTime start,
      OffsetDateTime end, Instant generatedAt, Figures totals, List<Row> byGroup, List<Row> byType,
      List<Row> bySubject, List<Row> byChannel, List<StepBreaches> breachesByStep, List<TopSubject> topSubjects) {

    /** The breakdowns in the order the page and the CSV show them, with their Russian titles. */
    public Map<String, List<Row>> breakdowns() {
      Map<String, List<Row>> m = new LinkedHashMap<>();
      m.put("byGroup", byGroup);
      m.put("byType", byType);
      m.put("bySubject", bySubject);
      m.put("byChannel", byChannel);
      return m;
    }
  }

  /** Russian titles of the breakdowns (CSV column «Разрез», page headings). */
  static final Map<String, String> BREAKDOWN_TITLES = Map.of("byGroup", "Ответственное подразделение",
      "byType", "Тип обращения", "bySubject", "Тематика", "byChannel", "Канал поступления");
}
