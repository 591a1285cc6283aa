package ru.appealdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import ru.appealdesk.casefile.SampleFiles;
import ru.appealdesk.platform.OutageHygiene;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/**
 * Issue 14, "done when": every demo user × every {@code /api} endpoint and the main {@code /engine-rest} resources,
 * each cell asserted allow or deny, on cases made for the test: an RU loan-terms complaint (legal answers, branch-head
 * concludes, approves and delivers), a KZ complaint (kz-complaints), a KZ restructuring (client-rights officer) and an
 * outage (several units, both countries).
 *
 * <p>The endpoint list comes from Spring's handler mapping: an endpoint added later fails this test until it is
 * classified below. A cell "allow" means the request passed authentication, the group check and the case's visibility
 * (the answer is then whatever the input deserves: 200, 201, 400, 409); "deny" is 404 for a case the user may not see
 * (the same as for a number that does not exist) and 403 for an action their groups may not take.
 */
class AuthorizationMatrixTest extends AbstractIntegrationTest {

  /** demo + the 15 employees of README's table. */
  static final List<String> USERS = Stream.concat(Stream.of("demo"), DemoUsers.USERS.stream().map(
      DemoUsers.DemoUser::id)).toList();

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;
  @Autowired
  ObjectMapper json;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  RepositoryService repositoryService;

  String ru;
  String kz;
  String kzr;
  String outage;
  long ruDocument;
  final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void cases() throws Exception {
    ru = CaseFixtures.ruComplaint(as("webmarketer"), json);
    kz = CaseFixtures.kzComplaint(as("kzspecialist"), json);
    kzr = CaseFixtures.restructuring(as("rightsofficer"), json);
    outage = CaseFixtures.outage(as("controller"), json);
    HttpResponse<String> doc = CaseFixtures.upload(as("demo"), ru, "скан.pdf", "application/pdf",
        SampleFiles.pdf(1));
    assertThat(doc.statusCode()).as(doc.body()).isEqualTo(201);
    ruDocument = json.readTree(doc.body()).get("id").asLong();
  }

  @Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @AfterEach
  void removeDeployments() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    OutageHygiene.closeOpenOutages(jdbc, runtimeService);
  }

  Http as(String user) {
    return Http.as(baseUrl(), user, "demo");
  }

  /** Who sees each fixture case (the rule of CaseAccess applied by hand to the routing of SPEC). */
  Set<String> ruReaders() {
    return Set.of("demo", "controller", "lawyer", "branchhead");
  }

  Set<String> kzReaders() {
    return Set.of("demo", "rightsofficer", "kzspecialist");
  }

  /** The credit committee is named in the restructuring process for its decision tasks: it works every one. */
  Set<String> kzrReaders() {
    return Set.of("demo", "rightsofficer", "committee");
  }

  /** Who may act on a restructuring besides seeing it (the controller's class-level group check). */
  static final Set<String> KZR_ACTORS = Set.of("demo", "rightsofficer");

  Set<String> outageReaders() {
    return Set.of("demo", "controller", "rightsofficer", "webmarketer", "marketer", "lawyer", "operator");
  }

  static final Set<String> APPEAL_STARTERS = Set.of("demo", "officer", "operator", "webmarketer", "regionhead",
      "controller", "branchhead", "kzspecialist");
  static final Set<String> RESTRUCTURING_STARTERS = Set.of("demo", "rightsofficer", "kzspecialist");
  static final Set<String> OUTAGE_STARTERS = Set.of("demo", "controller", "marketer", "operator", "regionhead");

  /**
   * @param allowed who gets through
   * @param readers who sees the case (the others get 404); null for endpoints that name no case
   * @param denial the answer for those who see the case (or when there is none) but may not do this
   */
  record Cell(Function<Http, HttpResponse<String>> request, Set<String> allowed, Set<String> readers, int denial) {

    Cell(Function<Http, HttpResponse<String>> request, Set<String> allowed, int denial) {
      this(request, allowed, denial == 404 ? Set.of() : null, denial);
    }

    int denialFor(String user) {
      return readers == null || readers.contains(user) ? denial : 404;
    }
  }

  /** Every /api endpoint (method and pattern as the handler mapping names them) and how to try it. */
  Map<String, Cell> apiEndpoints() {
    Map<String, Cell> m = new LinkedHashMap<>();
    m.put("POST /api/appeals", new Cell(h -> h.postJson("/api/appeals", "{}"), APPEAL_STARTERS, 403));
    m.put("GET /api/appeals/{number}", new Cell(h -> h.get("/api/appeals/" + ru), ruReaders(), 404));
    m.put("POST /api/appeals/{number}/information",
        new Cell(h -> h.postJson("/api/appeals/" + ru + "/information", "{}"), ruReaders(), 404));
    m.put("POST /api/appeals/{number}/documents",
        new Cell(h -> multipartWithoutFile(h, "/api/appeals/" + ru + "/documents"), ruReaders(), 404));
    m.put("GET /api/appeals/{number}/documents",
        new Cell(h -> h.get("/api/appeals/" + ru + "/documents"), ruReaders(), 404));
    m.put("GET /api/appeals/{number}/documents/{id}",
        new Cell(h -> h.get("/api/appeals/" + ru + "/documents/" + ruDocument), ruReaders(), 404));
    m.put("POST /api/restructurings",
        new Cell(h -> h.postJson("/api/restructurings", "{}"), RESTRUCTURING_STARTERS, 403));
    m.put("GET /api/restructurings/{number}",
        new Cell(h -> h.get("/api/restructurings/" + kzr), kzrReaders(), 404));
    m.put("POST /api/restructurings/{number}/documents",
        new Cell(h -> multipartWithoutFile(h, "/api/restructurings/" + kzr + "/documents"), KZR_ACTORS,
            kzrReaders(), 403));
    m.put("POST /api/restructurings/{number}/client-response",
        new Cell(h -> h.postJson("/api/restructurings/" + kzr + "/client-response", "{}"), KZR_ACTORS, kzrReaders(),
            403));
    m.put("POST /api/restructurings/{number}/response-window-extension",
        new Cell(h -> h.postJson("/api/restructurings/" + kzr + "/response-window-extension", "{}"), KZR_ACTORS,
            kzrReaders(), 403));
    m.put("POST /api/restructurings/{number}/ombudsman-notice",
        new Cell(h -> h.postJson("/api/restructurings/" + kzr + "/ombudsman-notice", "{}"), KZR_ACTORS,
            kzrReaders(), 403));
    m.put("POST /api/outages", new Cell(h -> h.postJson("/api/outages", "{}"), OUTAGE_STARTERS, 403));
    m.put("GET /api/outages/{number}", new Cell(h -> h.get("/api/outages/" + outage), outageReaders(), 404));
    m.put("GET /api/deadlines/overdue",
        new Cell(h -> h.get("/api/deadlines/overdue?group=legal"), Set.of("demo", "controller", "rightsofficer"),
            403));
    // company profile and signatories (letters): every employee reads, administrators change; the requests that
    // would change data carry input the controller refuses (400), except the DELETE, which removes what it just set
    Set<String> everyone = Set.copyOf(USERS);
    m.put("GET /api/company", new Cell(h -> h.get("/api/company"), everyone, 403));
    m.put("GET /api/company/{jurisdiction}", new Cell(h -> h.get("/api/company/XX"), everyone, 403));
    m.put("GET /api/company/{jurisdiction}/logo", new Cell(h -> h.get("/api/company/XX/logo"), everyone, 403));
    m.put("PUT /api/company/{jurisdiction}", new Cell(h -> h.send(h.request("/api/company/XX")
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}"))),
        Set.of("demo"), 403));
    m.put("POST /api/company/{jurisdiction}/logo",
        new Cell(h -> multipartWithoutFile(h, "/api/company/XX/logo"), Set.of("demo"), 403));
    m.put("DELETE /api/company/{jurisdiction}/logo",
        new Cell(h -> h.send(h.request("/api/company/XX/logo").DELETE()), Set.of("demo"), 403));
    m.put("GET /api/company/signatories", new Cell(h -> h.get("/api/company/signatories"), everyone, 403));
    m.put("GET /api/company/signatories/{userId}",
        new Cell(h -> h.get("/api/company/signatories/lawyer"), everyone, 403));
    m.put("PUT /api/company/signatories/{userId}", new Cell(h -> h.send(h.request("/api/company/signatories/lawyer")
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}"))),
        Set.of("demo"), 403));
    m.put("DELETE /api/company/signatories/{userId}", new Cell(h -> {
      h.send(h.request("/api/company/signatories/marketer").header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString("{\"position\":\"Маркетолог\"}")));
      return h.send(h.request("/api/company/signatories/marketer").DELETE());
    }, Set.of("demo"), 403));
    m.put("GET /api/deadlines/calculate", new Cell(h -> h.get(
        "/api/deadlines/calculate?jurisdiction=RU&from=2026-11-02T10:00:00%2B03:00&days=3&kind=WORKING_DAYS"),
        everyone, 403));
    m.put("DELETE /api/calendars/{country}/{year}", new Cell(h -> {
      h.postJson("/api/calendars", "{\"country\":\"KZ\",\"year\":2091,\"days\":[{\"date\":\"2091-01-01\","
          + "\"type\":\"NON_WORKING\"}]}");
      return h.send(h.request("/api/calendars/KZ/2091").DELETE());
    }, Set.of("demo"), 403));
    m.put("GET /api/calendars", new Cell(h -> h.get("/api/calendars"), Set.of("demo"), 403));
    m.put("GET /api/calendars/{country}/{year}", new Cell(h -> h.get("/api/calendars/RU/2026"), Set.of("demo"), 403));
    m.put("POST /api/calendars", new Cell(h -> h.postJson("/api/calendars", "{}"), Set.of("demo"), 403));
    m.put("POST /api/calendars/import", new Cell(h -> h.send(h.request("/api/calendars/import")
        .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString("<nope/>"))),
        Set.of("demo"), 403));
    m.put("GET /api/reports/restructuring",
        new Cell(h -> h.get("/api/reports/restructuring?quarter=2026-Q4"), Set.of("demo", "rightsofficer"), 403));
    // issue 17: the SLA report for the appeals controller (RU), the client-rights officer (KZ) and admins
    m.put("GET /api/reports/sla", new Cell(h -> h.get("/api/reports/sla?from=2026-11-01&to=2026-12-31"),
        Set.of("demo", "controller", "rightsofficer"), 403));
    // issue 17: retention (152-FZ) run now, admins only (at today's clock nothing is old enough to anonymise)
    m.put("POST /api/retention/run", new Cell(h -> h.postJson("/api/retention/run", "{}"), Set.of("demo"), 403));
    return m;
  }

  @Test
  void everyApiEndpointIsClassified() {
    Set<String> mapped = new TreeSet<>();
    for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (pattern.equals("/api") || pattern.startsWith("/api/")) {
          if (methods.isEmpty()) {
            mapped.add("ANY " + pattern);
          }
          methods.forEach(method -> mapped.add(method + " " + pattern));
        }
      }
    }
    assertThat(mapped).as("classify every /api endpoint in apiEndpoints() (who may call it, which case it shows)")
        .containsExactlyInAnyOrderElementsOf(apiEndpoints().keySet());
  }

  @Test
  void everyUserOnEveryApiEndpoint() {
    List<String> wrong = new ArrayList<>();
    apiEndpoints().forEach((endpoint, cell) -> {
      for (String user : USERS) {
        HttpResponse<String> r = cell.request().apply(as(user));
        boolean allowed = cell.allowed().contains(user);
        int status = r.statusCode();
        boolean problemJson = r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
        if (allowed && (status == 401 || status == 403 || status == 404 || status >= 500)) {
          wrong.add(endpoint + " as " + user + ": expected allow, got " + status + " " + abbreviate(r.body()));
        } else if (!allowed && (status != cell.denialFor(user) || !problemJson)) {
          wrong.add(endpoint + " as " + user + ": expected " + cell.denialFor(user) + ", got " + status + " "
              + abbreviate(r.body()));
        }
      }
    });
    assertThat(wrong).isEmpty();
  }

  @Test
  void kzAppealsAreSeenByTheirUnitAndTheClientRightsOfficerNotByTheRussianController() {
    for (String user : USERS) {
      int status = as(user).get("/api/appeals/" + kz).statusCode();
      assertThat(status).as(user).isEqualTo(kzReaders().contains(user) ? 200 : 404);
    }
  }

  @Test
  void aCaseTheUserMayNotSeeLooksExactlyLikeOneThatDoesNotExist() {
    HttpResponse<String> hidden = as("marketer").get("/api/appeals/" + ru);
    HttpResponse<String> missing = as("marketer").get("/api/appeals/RU-2026-999999");
    assertThat(hidden.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
    assertThat(hidden.body().replace(ru, "N")).isEqualTo(missing.body().replace("RU-2026-999999", "N"));
  }

  /** The engine agrees: the same people read the case through /engine-rest, and only process owners deploy. */
  @Test
  void everyUserOnTheMainEngineResources() throws Exception {
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ru)
        .processDefinitionKey("appeal-handling").singleResult().getId();
    // the co-executor's conclusion comes first (branch-head); legal's answer task does not exist yet
    Set<String> taskReaders = Set.of("demo", "controller", "branchhead");
    List<String> wrong = new ArrayList<>();
    for (String user : USERS) {
      Http h = as(user);
      boolean reader = ruReaders().contains(user);
      check(wrong, user, "task list", nonEmpty(h.get("/engine-rest/task?processInstanceBusinessKey=" + ru)),
          taskReaders.contains(user));
      check(wrong, user, "process-instance list",
          nonEmpty(h.get("/engine-rest/process-instance?businessKey=" + ru)), reader);
      int variables = h.get("/engine-rest/process-instance/" + instance + "/variables").statusCode();
      check(wrong, user, "variables (" + variables + ")", variables == 200, reader);
      check(wrong, user, "history",
          nonEmpty(h.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + ru)), reader);
      check(wrong, user, "history of variables",
          nonEmpty(h.get("/engine-rest/history/variable-instance?processInstanceId=" + instance)), reader);
      HttpResponse<String> definitions = h.get("/engine-rest/process-definition?key=appeal-handling");
      check(wrong, user, "process-definition list", nonEmpty(definitions), true);
      HttpResponse<String> deployed = deploy(h, "matrix-" + user);
      check(wrong, user, "deployment create (" + deployed.statusCode() + ")", deployed.statusCode() == 200,
          Set.of("demo", "processowner").contains(user));
      if (deployed.statusCode() == 200) {
        deployments.add(json.readTree(deployed.body()).get("id").asText());
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void processOwnersTouchNoCaseThroughTheEngine() {
    Http owner = as("processowner");
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ru)
        .processDefinitionKey("appeal-handling").singleResult().getId();
    assertThat(owner.get("/engine-rest/process-definition/statistics").statusCode()).isEqualTo(200);
    assertThat(owner.get("/engine-rest/decision-definition").statusCode()).isEqualTo(200);
    assertThat(owner.get("/engine-rest/deployment").statusCode()).isEqualTo(200);
    assertThat(owner.send(owner.request("/engine-rest/process-instance/" + instance).DELETE()).statusCode())
        .isIn(403, 404);
    assertThat(owner.send(owner.request("/engine-rest/process-instance/" + instance + "/variables/clientPhone")
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"value\":\"x\"}")))
        .statusCode()).isIn(403, 404);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(instance, "clientPhone")).isNotEqualTo("x");
    assertThat(owner.get("/engine-rest/user").body()).doesNotContain("Контролёва");
  }

  private void check(List<String> wrong, String user, String resource, boolean actual, boolean expected) {
    if (actual != expected) {
      wrong.add(resource + " as " + user + ": expected " + (expected ? "allow" : "deny"));
    }
  }

  private boolean nonEmpty(HttpResponse<String> r) {
    if (r.statusCode() != 200) {
      return false;
    }
    try {
      JsonNode body = json.readTree(r.body());
      return body.isArray() && !body.isEmpty();
    } catch (Exception e) {
      return false;
    }
  }

  private static HttpResponse<String> multipartWithoutFile(Http h, String path) {
    String boundary = "----matrix" + UUID.randomUUID();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nnothing\r\n--"
        + boundary + "--\r\n";
    return h.send(h.request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  private static HttpResponse<String> deploy(Http h, String name) {
    String key = "matrix_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://appealdesk.ru/test">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Start"/><bpmn:endEvent id="End"/>
          </bpmn:process>
        </bpmn:definitions>""".formatted(key);
    String boundary = "----matrix" + UUID.randomUUID();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + key + ".bpmn\"; filename=\"" + key
        + ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    return h.send(h.request("/engine-rest/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
