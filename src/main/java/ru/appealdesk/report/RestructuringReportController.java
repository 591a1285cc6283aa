package ru.appealdesk.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.appealdesk.restructuring.RestructuringReport;
import ru.appealdesk.restructuring.RestructuringReport.QuarterReport;

/**
 * {@code GET /api/reports/restructuring?quarter=2026-Q4}: the ¶79 quarterly report of the client-rights officer as JSON,
 * or as CSV with {@code Accept: text/csv} or {@code format=csv}.
 */
@RestController
@PreAuthorize("hasAnyAuthority('GROUP_client-rights-officer','GROUP_camunda-admin')")
class RestructuringReportController {

  static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

  private final RestructuringReport report;

  RestructuringReportController(RestructuringReport report) {
    this.report = report;
  }

  @GetMapping("/api/reports/restructuring")
  ResponseEntity<?> restructuring(@RequestParam(required = false) String quarter,
      @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    QuarterReport r = report.quarter(quarter);
    boolean csv = "csv".equalsIgnoreCase(format)
        || (format == null && accept != null && accept.toLowerCase().contains("text/csv"));
    if (csv) {
      return ResponseEntity.ok()
          .contentType(CSV)
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"restructuring-" + r.quarter() + ".csv\"")
          .body(csv(r));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("quarter", r.quarter());
    body.put("from", r.from().toOffsetDateTime().toString());
    body.put("to", r.to().toOffsetDateTime().toString());
    body.putAll(r.values());
    body.put("labels", r.figures().stream().collect(LinkedHashMap::new, (m, f) -> m.put(f.code(), f.label()),
        Map::putAll));
    body.put("ombudsmanCases", r.ombudsmanCases());
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }

  /**
   * Two tables in one file: the figures ({@code quarter,metric,label,value}), an empty line, then the ombudsman cases
   * of the quarter with their execution ({@code quarter,caseNumber,…,executionStatus}).
   */
  static String csv(QuarterReport r) {
    StringBuilder sb = new StringBuilder("quarter,metric,label,value\r\n");
    r.figures().forEach(f -> sb.append(r.quarter()).append(',').append(f.code()).append(',')
        .append(quote(f.label())).append(',').append(f.value() == null ? "" : f.value()).append("\r\n"));
    sb.append("\r\nquarter,caseNumber,notifiedAt,noticeLate,decisionAt,outcome,executionRequired,executionDueAt,"
        + "executedAt,executionStatus\r\n");
    r.ombudsmanCases().forEach(c -> sb.append(String.join(",", r.quarter(), c.caseNumber(), cell(c.notifiedAt()),
        String.valueOf(c.noticeLate()), cell(c.decisionAt()), cell(c.outcome()), cell(c.executionRequired()),
        cell(c.executionDueAt()), cell(c.executedAt()), c.executionStatus())).append("\r\n"));
    return sb.toString();
  }

  private static String cell(Object o) {
    return o == null ? "" : o.toString();
  }

  private static String quote(String s) {
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
