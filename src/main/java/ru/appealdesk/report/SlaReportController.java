package ru.appealdesk.report;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.appealdesk.deadline.EscalationGroups;
import ru.appealdesk.identity.Caller;
import ru.appealdesk.report.SlaReport.Figures;
import ru.appealdesk.report.SlaReport.JurisdictionReport;
import ru.appealdesk.report.SlaReport.Row;

/**
 * {@code GET /api/reports/sla?from=2026-11-01&to=2026-12-31[&jurisdiction=RU]}: the SLA report (docs/reports.md) as
 * JSON, or as CSV (UTF-8 with BOM, {@code ;}-separated, Russian headers, for Excel) with {@code Accept: text/csv} or
 * {@code format=csv}. The appeals controller sees RU, the client-rights officer KZ, admins both.
 */
@RestController
@PreAuthorize("hasAnyAuthority('GROUP_appeals-controller','GROUP_client-rights-officer','GROUP_camunda-admin')")
class SlaReportController {

  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final SlaReport report;
  private final EscalationGroups supervisors;

  SlaReportController(SlaReport report, EscalationGroups supervisors) {
    this.report = report;
    this.supervisors = supervisors;
  }

  @GetMapping("/api/reports/sla")
  ResponseEntity<?> sla(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String jurisdiction, @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    SlaReportRequest request = SlaReportRequest.of(from, to, jurisdiction,
        supervisors.supervisedBy(Caller.current().groups()));
    List<JurisdictionReport> reports = request.jurisdictions().stream()
        .map(j -> report.of(j, request.from(), request.to())).toList();
    boolean csv = "csv".equalsIgnoreCase(format)
        || (format == null && accept != null && accept.toLowerCase().contains("text/csv"));
    if (csv) {
      return ResponseEntity.ok().contentType(CSV)
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sla-" + request.from() + "-"
              + request.to() + ".csv\"")
          .body(csv(reports).getBytes(StandardCharsets.UTF_8));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json(request, reports));
  }

  static Map<String, Object> json(SlaReportRequest request, List<JurisdictionReport> reports) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", request.from().toString());
    body.put("to", request.to().toString());
    body.put("jurisdictions", reports.stream().map(SlaReportController::json).toList());
    return body;
  }

  static Map<String, Object> json(JurisdictionReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("jurisdiction", r.jurisdiction().name());
    m.put("zone", r.jurisdiction().zone().getId());
    m.put("periodStart", r.start().toString());
    m.put("periodEnd", r.end().toString());
    m.put("generatedAt", r.generatedAt().atZone(r.jurisdiction().zone()).toOffsetDateTime().toString());
    m.putAll(figures(r.totals()));
    m.put("breachesByStep", r.breachesByStep());
    m.put("topSubjects", r.topSubjects());
    r.breakdowns().forEach((name, rows) -> m.put(name, rows.stream().map(SlaReportController::json).toList()));
    return m;
  }

  private static Map<String, Object> json(Row row) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", row.key());
    m.put("label", row.label());
    m.putAll(figures(row.figures()));
    return m;
  }

  private static Map<String, Object> figures(Figures f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("received", f.received());
    m.put("answered", f.answered());
    m.put("answeredOnTime", f.answeredOnTime());
    m.put("breached", f.breached());
    m.put("medianDaysToAnswer", f.medianDaysToAnswer());
    m.put("openNow", f.openNow());
    m.put("overdueNow", f.overdueNow());
    return m;
  }

  static final String FIGURES_HEADER = "Получено;Отвечено;Отвечено в срок;С нарушением срока;"
      + "Медиана дней до ответа;Открыто сейчас;Просрочено сейчас";

  /**
   * Three tables in one file, separated by an empty line: the figures (total, then each breakdown), the breaches by
   * step, the top subjects. A BOM first so that Excel reads UTF-8; decimals with a comma.
   */
  static String csv(List<JurisdictionReport> reports) {
    StringBuilder sb = new StringBuilder("\uFEFF");
    sb.append("Юрисдикция;Период с;Период по;Разрез;Код;Наименование;").append(FIGURES_HEADER).append("\r\n");
    for (JurisdictionReport r : reports) {
      line(sb, r, "Итого", null, "Все обращения периода", r.totals());
      r.breakdowns().forEach((name, rows) -> rows.forEach(row ->
          line(sb, r, SlaReport.BREAKDOWN_TITLES.get(name), row.key(), row.label(), row.figures())));
    }
    sb.append("\r\nЮрисдикция;Этап;Наименование этапа;Подразделение;Наименование подразделения;"
        + "Обращений с нарушением срока\r\n");
    for (JurisdictionReport r : reports) {
      r.breachesByStep().forEach(b -> sb.append(String.join(";", r.jurisdiction().name(), cell(b.step()),
          cell(b.stepName()), cell(b.group()), cell(b.groupName()), Long.toString(b.cases()))).append("\r\n"));
    }
    sb.append("\r\nЮрисдикция;Место;Тематика;Наименование тематики;Получено\r\n");
    for (JurisdictionReport r : reports) {
      int place = 1;
      for (SlaReport.TopSubject t : r.topSubjects()) {
        sb.append(String.join(";", r.jurisdiction().name(), Integer.toString(place++), cell(t.subject()),
            cell(t.label()), Long.toString(t.received()))).append("\r\n");
      }
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, JurisdictionReport r, String breakdown, String key, String label,
      Figures f) {
    sb.append(String.join(";", r.jurisdiction().name(), r.from().toString(), r.to().toString(), cell(breakdown),
        cell(key), cell(label), Long.toString(f.received()), Long.toString(f.answered()),
        Long.toString(f.answeredOnTime()), Long.toString(f.breached()), decimal(f.medianDaysToAnswer()),
        Long.toString(f.openNow()), Long.toString(f.overdueNow()))).append("\r\n");
  }

  static String decimal(BigDecimal d) {
    return d == null ? "" : d.toPlainString().replace('.', ',');
  }

  /** A text cell: quoted when it holds the separator, a quote or a line break; formula starts neutralised. */
  static String cell(String s) {
    if (s == null) {
      return "";
    }
    String v = s;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")
        ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }
}
