package ru.appealdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import ru.appealdesk.casefile.SampleFiles;
import ru.appealdesk.identity.CaseFixtures;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/**
 * Issue 14, "done when": a few hundred generated bad requests over every {@code /api} POST/PUT (and the public POSTs of
 * {@code /status} and {@code /appeal} when there are any), discovered from the handler mapping, with a run's marked
 * personal data in every text: 0 answers 5xx, 0 error answers that are not {@code application/problem+json}, 0 hits of
 * the markers in the log at production levels.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiFuzzTest extends AbstractIntegrationTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;
  @Autowired
  ObjectMapper json;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  RuntimeService runtimeService;

  final PersonalDataMarkers pd = new PersonalDataMarkers();
  Http admin;
  String ru;
  String kzr;
  String outage;
  long document;

  @BeforeEach
  void cases() throws Exception {
    admin = Http.as(baseUrl(), "demo", "demo");
    ru = CaseFixtures.ruComplaint(Http.as(baseUrl(), "webmarketer", "demo"), json);
    kzr = CaseFixtures.restructuring(Http.as(baseUrl(), "rightsofficer", "demo"), json);
    outage = CaseFixtures.outage(Http.as(baseUrl(), "controller", "demo"), json);
    document = json.readTree(CaseFixtures.upload(admin, ru, "a.pdf", "application/pdf", SampleFiles.pdf(1)).body())
        .get("id").asLong();
  }

  @AfterEach
  void closeOutages() {
    OutageHygiene.closeOpenOutages(jdbc, runtimeService);
  }

  /** One generated request and what it tries. */
  record Probe(String description, Function<Http, HttpResponse<String>> send) {}

  /** One endpoint to fuzz: method, concrete path, what its body is. */
  record Target(String method, String pattern, String path, String consumes, Type bodyType) {}

  List<Target> targets() {
    List<Target> targets = new ArrayList<>();
    Map<String, Target> unique = new TreeMap<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = e.getKey();
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        boolean api = pattern.startsWith("/api/");
        boolean publicPage = pattern.startsWith("/status") || pattern.equals("/appeal") || pattern.startsWith("/appeal/");
        for (RequestMethod m : methods) {
          if ((api && (m == RequestMethod.POST || m == RequestMethod.PUT || m == RequestMethod.PATCH))
              || (publicPage && m == RequestMethod.POST)) {
            Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
            String type = consumes.isEmpty() ? MediaType.APPLICATION_JSON_VALUE : consumes.iterator().next().toString();
            unique.put(m + " " + pattern, new Target(m.name(), pattern, path(pattern), type, bodyType(e.getValue())));
          }
        }
      }
    }
    targets.addAll(unique.values());
    return targets;
  }

  private String path(String pattern) {
    String number = pattern.startsWith("/api/restructurings") ? kzr : pattern.startsWith("/api/outages") ? outage : ru;
    return pattern.replace("{number}", number).replace("{id}", Long.toString(document)).replace("{country}", "RU")
        .replace("{year}", "2026").replaceAll("\\{[^}]+}", "x");
  }

  private static Type bodyType(HandlerMethod method) {
    for (MethodParameter p : method.getMethodParameters()) {
      if (p.hasParameterAnnotation(RequestBody.class)) {
        return p.getGenericParameterType();
      }
    }
    return null;
  }

  @Autowired
  ServletWebServerApplicationContext web;
  @Autowired
  MultipartProperties multipart;

  /**
   * A body Tomcat does not swallow is answered by a closed connection: the client's unsent bytes reset it and the
   * answer (a Russian problem, a 403) is lost. Every request up to the accepted upload size must be swallowed.
   */
  @Test
  void anAnswerGivenWithoutReadingTheBodyIsNotLostUpToTheUploadLimit() {
    var tomcat = (TomcatWebServer) web.getWebServer();
    Object swallow = tomcat.getTomcat().getConnector().getProperty("maxSwallowSize");
    assertThat(((Number) swallow).longValue()).as("Tomcat's maxSwallowSize")
        .isGreaterThanOrEqualTo(multipart.getMaxRequestSize().toBytes());
  }

  @Test
  void badRequestsNeverBreakTheApiNorLeakIntoTheLog(CapturedOutput output) throws Exception {
    List<Target> targets = targets();
    assertThat(targets).extracting(Target::pattern).contains("/api/appeals", "/api/appeals/{number}/information",
        "/api/appeals/{number}/documents", "/api/restructurings", "/api/outages", "/api/calendars");
    List<String> wrong = new ArrayList<>();
    Map<Integer, Integer> statuses = new TreeMap<>();
    int sent = 0;
    try (LogCapture levels = LogCapture.productionLevels()) {
      for (Target t : targets) {
        for (Probe probe : requests(t)) {
          sent++;
          try {
            HttpResponse<String> r = probe.send().apply(admin);
            statuses.merge(r.statusCode(), 1, Integer::sum);
            check(t, probe, r, wrong);
          } catch (java.io.UncheckedIOException e) {
            wrong.add("no answer (" + e.getCause().getMessage() + "): " + t.method() + " " + t.pattern() + " "
                + probe.description());
          }
        }
      }
    }
    System.out.println("ApiFuzzTest: " + sent + " requests to " + targets.size() + " endpoints, answers " + statuses);
    assertThat(sent).as("requests sent").isGreaterThan(300);
    // bodies valid but for one field get past the checks: the mutations reach the services and the database
    assertThat(statuses).as("answers by status").containsKeys(201, 400, 404, 405, 409, 415);
    assertThat(wrong).as("answers that broke the rules").isEmpty();
    assertThat(pd.hits(output.getAll())).as("personal data in the log").isEmpty();
  }

  private void check(Target t, Probe probe, HttpResponse<String> r, List<String> wrong) {
    int status = r.statusCode();
    String type = r.headers().firstValue("Content-Type").orElse("");
    String what = t.method() + " " + t.pattern() + " [" + probe.description() + "] → " + status + " "
        + abbreviate(r.body());
    if (status >= 500) {
      wrong.add("5xx: " + what);
    } else if (publicPage(t) && status >= 400 && type.startsWith("text/html")) {
      // the client pages answer a browser's form post with the page again, its errors in the page's language
      if (!r.body().contains("<html lang=\"ru\"") && !r.body().contains("<html lang=\"kk\"")) {
        wrong.add("public page without its language: " + what);
      }
    } else if (status >= 400 && !type.startsWith("application/problem+json")) {
      wrong.add("not problem JSON (" + type + "): " + what);
    } else if (status >= 400 && !publicPage(t) && !hasErrors(r.body())) {
      wrong.add("no errors[].field: " + what);
    }
  }

  private static boolean publicPage(Target t) {
    return !t.pattern().startsWith("/api/");
  }

  private boolean hasErrors(String body) {
    try {
      JsonNode errors = json.readTree(body).get("errors");
      return errors != null && errors.isArray() && !errors.isEmpty() && errors.get(0).hasNonNull("field")
          && errors.get(0).hasNonNull("message");
    } catch (Exception e) {
      return false;
    }
  }

  // ------------------------------------------------------------------ generated requests

  List<Probe> requests(Target t) throws Exception {
    List<Probe> out = new ArrayList<>();
    if (t.consumes().startsWith("multipart/")) {
      multipart(t, out);
    } else if (t.consumes().contains("xml")) {
      xml(t, out);
    } else {
      jsonBodies(t, out);
    }
    // whatever the endpoint: wrong media types, wrong methods, strange paths
    add(out, "text/plain body", h -> send(h, t.method(), t.path(), "text/plain", bytes(pd.text)));
    add(out, "no content type", h -> send(h, t.method(), t.path(), null, bytes("{}")));
    add(out, "form body", h -> send(h, t.method(), t.path(), "application/x-www-form-urlencoded", bytes("a=" + pd.token)));
    add(out, "DELETE", h -> send(h, "DELETE", t.path(), null, null));
    add(out, "PATCH", h -> send(h, "PATCH", t.path(), "application/json", bytes("{}")));
    if (t.pattern().contains("{number}")) {
      String base = t.pattern().replace("{id}", Long.toString(document));
      for (String number : List.of("%00", "RU-2026-%0A" + pd.token, "x".repeat(300), "..%2F..%2Fetc",
          "%D0%9C%D0%B0%D1%80%D0%BA%D0%B5%D1%80" + pd.token, "RU-2026-000001%20OR%201=1")) {
        add(out, "number " + number, h -> send(h, t.method(), base.replace("{number}", number), "application/json", bytes("{}")));
      }
    }
    return out;
  }

  private void jsonBodies(Target t, List<Probe> out) throws Exception {
    JsonNode skeleton = t.bodyType() == null ? NODES.objectNode().put("note", pd.text) : skeleton(t.bodyType(), "", 0);
    String valid = json.writeValueAsString(skeleton);
    add(out, "valid shape", h -> sendJson(h, t, valid));
    for (String raw : List.of("", "{", "}", "[]", "null", "\"" + pd.text + "\"", "{\"a\":}", "{" + "\"x\":".repeat(5),
        "[".repeat(3000), "{\"zzz" + pd.token + "\":1}", "{\"" + pd.token + "\": \"" + pd.fullName + "\"}",
        "123", "tru", "{\"\\u0000\":\"" + pd.email + "\"}")) {
      add(out, "raw " + abbreviate(raw).substring(0, Math.min(20, raw.length())), h -> sendJson(h, t, raw));
    }
    if (skeleton.isObject() && skeleton.size() > 0) {
      String first = skeleton.fieldNames().next();
      add(out, "duplicate key", h -> sendJson(h, t, "{\"" + first + "\":" + skeleton.get(first) + "," + valid.substring(1)));
      add(out, "unknown property", h -> sendJson(h, t, valid.substring(0, valid.length() - 1) + ",\"unknown" + pd.token + "\":\""
          + pd.passport + "\"}"));
    }
    add(out, "invalid UTF-8", h -> send(h, t.method(), t.path(), "application/json", new byte[] {'{', '"', 'a', '"', ':', '"',
        (byte) 0xC3, (byte) 0x28, '"', '}'}));
    add(out, "BOM", h -> send(h, t.method(), t.path(), "application/json;charset=UTF-8",
        concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(valid))));
    add(out, "4 MB string", h -> send(h, t.method(), t.path(), "application/json", bytes("{\"big\":\"" + "Я".repeat(2_000_000)
        + pd.token + "\"}")));
    for (String pointer : leaves(skeleton, "")) {
      JsonNode leaf = skeleton.at(pointer);
      for (JsonNode bad : badValues(leaf, pointer)) {
        JsonNode mutated = skeleton.deepCopy();
        set(mutated, pointer, bad);
        String body = json.writeValueAsString(mutated);
        add(out, pointer + " = " + abbreviate(bad.toString()).substring(0, Math.min(30, bad.toString().length())), h -> sendJson(h, t, body));
      }
    }
  }

  private void multipart(Target t, List<Probe> out) {
    String b = "----fuzz" + UUID.randomUUID();
    String type = "multipart/form-data; boundary=" + b;
    add(out, "?", h -> send(h, t.method(), t.path(), "multipart/form-data", bytes("--x\r\n\r\n" + pd.text)));
    add(out, "?", h -> send(h, t.method(), t.path(), type, bytes("garbage " + pd.text)));
    add(out, "?", h -> send(h, t.method(), t.path(), type, bytes("--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; "
        + "filename=\"" + pd.fullName + ".pdf\"\r\n\r\n%PDF-1.4 " + pd.text)));
    add(out, "?", h -> send(h, t.method(), t.path(), type, part(b, pd.fullName + "\u0000.pdf", "application/pdf",
        bytes("%PDF-1.4 truncated " + pd.text))));
    add(out, "?", h -> send(h, t.method(), t.path(), type, part(b, pd.fullName + ".exe", "application/pdf",
        SampleFiles.exe())));
    add(out, "?", h -> send(h, t.method(), t.path(), type, part(b, pd.fullName + ".png", "image/png",
        SampleFiles.svgWithScript())));
    add(out, "?", h -> send(h, t.method(), t.path(), type, part(b, "x".repeat(2000) + pd.token + ".txt", "text/plain",
        bytes(pd.text))));
    add(out, "?", h -> send(h, t.method(), t.path(), type, part(b, pd.email + ".txt", "text/plain\u0000", bytes(pd.text))));
    add(out, "?", h -> send(h, t.method(), t.path(), type, part(b, "a.txt", "text/plain", new byte[0])));
    add(out, "?", h -> send(h, t.method(), t.path(), type, bytes("--" + b + "\r\nContent-Disposition: form-data; name=\"kind\""
        + "\r\n\r\nNOPE" + pd.token + "\r\n--" + b + "--\r\n")));
    add(out, "?", h -> send(h, t.method(), t.path() + "?kind=" + pd.token + "&requestedDocuments=" + pd.token, type,
        part(b, "a.txt", "text/plain", bytes(pd.text))));
    add(out, "?", h -> sendJson(h, t, "{\"file\":\"" + pd.text + "\"}"));
  }

  private void xml(Target t, List<Probe> out) {
    for (String xml : List.of("", "<", "<calendar year=\"99999999999\">" + pd.text + "</calendar>",
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"" + pd.token + "\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;\">]><calendar>&c;</calendar>",
        "<calendar year=\"2099\" country=\"RU\"><days><day d=\"13.45\" t=\"1\" h=\"" + pd.token + "\"/></days>"
            + "</calendar>",
        "<calendar year=\"-1\"><days><day d=\"01.01\" t=\"1\"/></days></calendar>",
        "\u0000" + pd.text)) {
      add(out, "?", h -> send(h, t.method(), t.path() + "?country=RU", "application/xml", bytes(xml)));
    }
    add(out, "?", h -> send(h, t.method(), t.path() + "?country=" + pd.token, "application/xml",
        bytes("<calendar year=\"2099\"/>")));
  }

  // ------------------------------------------------------------------ bodies

  /** Valid codes for fields whose names say what they hold, so that a body is valid but for the one mutated field. */
  static final Map<String, String> CODES = Map.ofEntries(Map.entry("jurisdiction", "RU"),
      Map.entry("type", "COMPLAINT"), Map.entry("subject", "LOAN_TERMS"), Map.entry("channel", "EMAIL"),
      Map.entry("language", "ru"), Map.entry("country", "RU"), Map.entry("requestedOptions", "PAYMENT_DEFERRAL"),
      Map.entry("affectedChannels", "WEBSITE"), Map.entry("iin", "900101400122"), Map.entry("response", "ACCEPT"),
      Map.entry("postalCode", "300000"), Map.entry("kind", "ATTACHMENT"));

  JsonNode skeleton(Type type, String field, int depth) {
    Class<?> raw = raw(type);
    String lower = field.toLowerCase();
    if (depth > 6) {
      return NODES.nullNode();
    }
    if (CODES.containsKey(field) && (raw == String.class || raw.isEnum())) {
      return NODES.textNode(CODES.get(field));
    }
    if (field.equals("year") && (raw == Integer.class || raw == int.class)) {
      return NODES.numberNode(2099);
    }
    if (field.equals("monthlyIncome") && Collection.class.isAssignableFrom(raw)) {
      ArrayNode income = NODES.arrayNode();
      for (int i = 0; i < 12; i++) {
        income.add(new BigDecimal(i < 10 ? "100" : "60"));
      }
      return income;
    }
    if (raw == String.class) {
      if (lower.contains("phone")) {
        return NODES.textNode(pd.phone);
      }
      if (lower.contains("email")) {
        return NODES.textNode(pd.email);
      }
      if (lower.contains("name") || lower.contains("recipient")) {
        return NODES.textNode(pd.fullName);
      }
      if (lower.contains("address")) {
        return NODES.textNode(pd.address);
      }
      if (lower.contains("document") || lower.contains("iin")) {
        return NODES.textNode(pd.passport);
      }
      if (lower.equals("since") || lower.endsWith("at") || lower.contains("date") || lower.equals("movedfrom")) {
        return NODES.textNode(lower.equals("date") || lower.equals("movedfrom") ? "2099-01-01"
            : "2026-11-20T08:00:00+03:00");
      }
      return NODES.textNode(pd.text);
    }
    if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
      return NODES.numberNode(3);
    }
    if (raw == BigDecimal.class || raw == Double.class || raw == double.class) {
      return NODES.numberNode(new BigDecimal("100"));
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return NODES.booleanNode(true);
    }
    if (raw == OffsetDateTime.class || raw == Instant.class || raw == ZonedDateTime.class) {
      return NODES.textNode("2026-11-20T08:00:00+03:00");
    }
    if (raw == LocalDate.class) {
      return NODES.textNode("2026-11-20");
    }
    if (raw.isEnum()) {
      return NODES.textNode(((Enum<?>) raw.getEnumConstants()[0]).name());
    }
    if (Collection.class.isAssignableFrom(raw)) {
      ArrayNode array = NODES.arrayNode();
      Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : String.class;
      if (!field.equals("attachments")) {
        array.add(skeleton(element, field, depth + 1));
      }
      return array;
    }
    if (Map.class.isAssignableFrom(raw)) {
      return NODES.objectNode();
    }
    if (raw.isRecord()) {
      ObjectNode object = NODES.objectNode();
      for (RecordComponent c : raw.getRecordComponents()) {
        object.set(c.getName(), skeleton(c.getGenericType(), c.getName(), depth + 1));
      }
      return object;
    }
    return NODES.textNode(pd.text);
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }

  private List<String> leaves(JsonNode node, String pointer) {
    List<String> out = new ArrayList<>();
    if (node.isObject()) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        out.addAll(leaves(node.get(name), pointer + "/" + name));
      }
    } else if (node.isArray()) {
      if (!node.isEmpty()) {
        out.addAll(leaves(node.get(0), pointer + "/0"));
      }
      out.add(pointer);
    } else {
      out.add(pointer);
    }
    return out;
  }

  private List<JsonNode> badValues(JsonNode leaf, String pointer) {
    List<JsonNode> bad = new ArrayList<>();
    bad.add(NODES.nullNode());
    if (leaf.isArray()) {
      ArrayNode many = NODES.arrayNode();
      for (int i = 0; i < 5000; i++) {
        many.add(pd.text);
      }
      bad.add(many);
      bad.add(NODES.textNode(pd.text));
      return bad;
    }
    if (leaf.isTextual() && (leaf.asText().startsWith("2026-") || leaf.asText().startsWith("2099-"))) {
      for (String date : List.of("+999999999-12-31T23:59:59+18:00", "-999999999-01-01T00:00:00Z",
          "0001-01-01T00:00:00Z", "1800-01-01T00:00:00+03:00", "9999-12-31T23:59:59Z", "2026-02-30T10:00:00+03:00",
          "+1000000000-01-01T00:00:00Z", pd.text)) {
        bad.add(NODES.textNode(date));
      }
      return bad;
    }
    if (leaf.isTextual()) {
      bad.add(NODES.textNode(leaf.asText() + "\u0000"));
      bad.add(NODES.textNode("\u0007" + leaf.asText() + "\u009B"));
      bad.add(NODES.textNode(leaf.asText() + "\n\t" + pd.address));
      bad.add(NODES.textNode(("Я" + pd.text).repeat(4100 / pd.text.length() + 1)));
      bad.add(NODES.textNode(pd.text.repeat(100_001 / pd.text.length() + 1)));
      bad.add(NODES.objectNode().put("value", pd.fullName));
      bad.add(NODES.numberNode(12));
      return bad;
    }
    if (leaf.isNumber()) {
      bad.add(NODES.numberNode(-1));
      bad.add(NODES.numberNode(new BigDecimal("1e400")));
      bad.add(NODES.numberNode(new BigDecimal("92233720368547758070")));
      bad.add(NODES.numberNode(1.5));
      bad.add(NODES.textNode(pd.phone));
      return bad;
    }
    if (leaf.isBoolean()) {
      bad.add(NODES.textNode("yes " + pd.token));
      bad.add(NODES.numberNode(2));
    }
    return bad;
  }

  private static void set(JsonNode root, String pointer, JsonNode value) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = slash <= 0 ? root : root.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1);
    if (pointer.isEmpty()) {
      return;
    }
    if (parent instanceof ObjectNode o) {
      o.set(last, value);
    } else if (parent instanceof ArrayNode a) {
      a.set(Integer.parseInt(last), value);
    }
  }

  // ------------------------------------------------------------------ sending

  private HttpResponse<String> sendJson(Http h, Target t, String body) {
    return send(h, t.method(), t.path(), "application/json", bytes(body));
  }

  private static HttpResponse<String> send(Http h, String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder b;
    try {
      b = h.request(path);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("not a URI: " + path, e);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    return h.send(b);
  }

  private static byte[] part(String boundary, String fileName, String contentType, byte[] content) {
    return concat(concat(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n"), content), bytes("\r\n--" + boundary + "--\r\n"));
  }

  private static int counter;

  private static void add(List<Probe> out, String description, Function<Http, HttpResponse<String>> send) {
    out.add(new Probe(description + " #" + (++counter), send));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
