package ru.appealdesk.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.appealdesk.deadline.EscalationGroups;
import ru.appealdesk.deadline.Jurisdiction;
import ru.appealdesk.deadline.Now;
import ru.appealdesk.identity.Caller;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.report.SlaReport.JurisdictionReport;

/**
 * {@code GET /reports?from=2026-11-01&to=2026-12-31}: the SLA report as a printable Russian page with charts, for the
 * same people and with the same figures as {@code GET /api/reports/sla} (login: {@link ReportsPageSecurity}). Without a
 * period it shows the current month up to today (Moscow).
 */
@Controller
class ReportsPageController {

  /** Chart.js from its webjar (version in pom.xml, property {@code chartjs.version}). */
  static final String CHART_JS = "/webjars/chart.js/4.4.1/dist/chart.umd.js";

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private final SlaReport report;
  private final ObjectMapper json;
  private final EscalationGroups supervisors;

  ReportsPageController(SlaReport report, ObjectMapper json, EscalationGroups supervisors) {
    this.report = report;
    this.json = json;
    this.supervisors = supervisors;
  }

  @GetMapping("/reports")
  String reports(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String jurisdiction, Model model, HttpServletResponse response)
      throws JsonProcessingException {
    LocalDate today = Now.instant().atZone(Jurisdiction.RU.zone()).toLocalDate();
    String f = from == null || from.isBlank() ? today.withDayOfMonth(1).toString() : from;
    String t = to == null || to.isBlank() ? today.toString() : to;
    model.addAttribute("from", f);
    model.addAttribute("to", t);
    model.addAttribute("jurisdiction", jurisdiction == null ? "" : jurisdiction);
    model.addAttribute("chartJs", CHART_JS);
    model.addAttribute("titles", SlaReport.BREAKDOWN_TITLES);
    Caller caller = Caller.current();
    List<Jurisdiction> allowed = supervisors.supervisedBy(caller.groups());
    model.addAttribute("choices", allowed.stream().map(Enum::name).toList());
    model.addAttribute("user", caller.userId());
    SlaReportRequest request;
    try {
      request = SlaReportRequest.of(f, t, jurisdiction, allowed);
    } catch (BadRequestException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("errors", e.problems().stream().map(p -> label(p.field()) + ": " + p.message()).toList());
      model.addAttribute("reports", List.of());
      model.addAttribute("chartData", "{}");
      return "reports/sla";
    }
    List<JurisdictionReport> reports = request.jurisdictions().stream()
        .map(j -> report.of(j, request.from(), request.to())).toList();
    model.addAttribute("errors", List.of());
    model.addAttribute("reports", reports);
    model.addAttribute("periodText", DAY.format(request.from()) + " — " + DAY.format(request.to()));
    model.addAttribute("generatedText", reports.isEmpty() ? "" : MOMENT.format(
        reports.get(0).generatedAt().atZone(Jurisdiction.RU.zone())) + " (МСК)");
    model.addAttribute("csvLink", "/api/reports/sla?from=" + request.from() + "&to=" + request.to() + "&format=csv"
        + (jurisdiction == null || jurisdiction.isBlank() ? "" : "&jurisdiction=" + request.jurisdictions().get(0)));
    model.addAttribute("chartData", chartData(reports));
    return "reports/sla";
  }

  static String label(String field) {
    return switch (field) {
      case "from" -> "Период с";
      case "to" -> "Период по";
      default -> "Юрисдикция";
    };
  }

  /** What the charts draw, per jurisdiction; {@code <} escaped so the JSON can sit in a script element. */
  String chartData(List<JurisdictionReport> reports) throws JsonProcessingException {
    Map<String, Object> data = new LinkedHashMap<>();
    for (JurisdictionReport r : reports) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("groups", r.byGroup().stream().map(SlaReport.Row::label).toList());
      m.put("received", r.byGroup().stream().map(x -> x.figures().received()).toList());
      m.put("onTime", r.byGroup().stream().map(x -> x.figures().answeredOnTime()).toList());
      m.put("breached", r.byGroup().stream().map(x -> x.figures().breached()).toList());
      SlaReport.Figures f = r.totals();
      m.put("outcome", List.of(f.answeredOnTime(), f.answered() - f.answeredOnTime(), f.openNow() - f.overdueNow(),
          f.overdueNow()));
      m.put("subjects", r.topSubjects().stream().map(SlaReport.TopSubject::label).toList());
      m.put("subjectCounts", r.topSubjects().stream().map(SlaReport.TopSubject::received).toList());
      data.put(r.jurisdiction().name(), m);
    }
    return json.writeValueAsString(data).replace("<", "\\u003c");
  }
}
