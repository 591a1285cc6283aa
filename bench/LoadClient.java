import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * The load client of the benchmark harness: a separate JVM that drives a running Appeal Desk only through HTTP
 * ({@code /api/**} and {@code /engine-rest/**}, basic auth as the demo employees of each group), measures the product
 * next to a raw-engine reference ({@code bench/raw/bench-raw.bpmn} + {@code bench-raw.dmn}, deployed by this client),
 * prints a table and writes {@code RESULTS.md}.
 *
 * <p>JDK only (java.net.http); the PostgreSQL JDBC driver is optional on the class path and only used for the SQL-cost
 * scenario ({@code pg_stat_database}) and the machine description. Run it as a source-file program:
 * {@code java -cp postgresql.jar bench/LoadClient.java baseUrl=http://localhost:8080 jdbcUrl=jdbc:postgresql://...}.
 * See bench/README.md for every option.
 */
public class LoadClient {

  public static void main(String[] args) throws Exception {
    Config cfg = Config.parse(args);
    Bench bench = new Bench(cfg);
    int failures;
    try {
      failures = bench.run();
    } catch (BenchFailure e) { // no stack trace of its own: say what failed and the first error bodies
      System.err.println("[bench] failed: " + e.getMessage());
      bench.errorSamples().forEach(x -> System.err.println("[bench] error: " + x));
      failures = 1;
    }
    System.exit(failures == 0 ? 0 : 1);
  }
}

/** Options as key=value arguments; the mode picks the defaults (full = the real run, smoke = seconds, for the tests). */
final class Config {
  final Map<String, String> values = new LinkedHashMap<>();

  static Config parse(String[] args) {
    Config c = new Config();
    for (String a : args) {
      int eq = a.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("expected key=value, got " + a);
      }
      c.values.put(a.substring(0, eq), a.substring(eq + 1));
    }
    return c;
  }

  boolean smoke() {
    return "smoke".equals(str("mode", "full"));
  }

  String str(String key, String def) {
    String v = values.get(key);
    return v == null || v.isBlank() ? def : v;
  }

  int num(String key, int full, int smoke) {
    return Integer.parseInt(str(key, String.valueOf(smoke() ? smoke : full)));
  }

  /** The scenarios to run (all by default): intake, lifecycle, sql, storm, tasklist, twonodes. */
  boolean on(String scenario) {
    return java.util.Arrays.asList(str("scenarios", "intake,lifecycle,sql,storm,tasklist,twonodes").split(","))
        .contains(scenario);
  }

  String baseUrl() { return str("baseUrl", "http://localhost:8080"); }
  /** The second node of the two-node scenario (same database); none: the scenario is skipped. */
  String secondUrl() { return str("secondUrl", ""); }
  String jdbcUrl() { return str("jdbcUrl", ""); }
  String jdbcUser() { return str("jdbcUser", "postgres"); }
  String jdbcPassword() { return str("jdbcPassword", ""); }
  Path out() { return Path.of(str("out", "bench/RESULTS.md")); }
  Path rawDir() { return Path.of(str("rawDir", "bench/raw")); }
  long appPid() { return Long.parseLong(str("appPid", "0")); }
  int warmupSeconds() { return num("warmupSeconds", 10, 1); }
  int windowSeconds() { return num("windowSeconds", 10, 1); }
  int windows() { return num("windows", 3, 3); }
  int[] intakeClients() {
    String v = str("intakeClients", smoke() ? "2,4" : "4,16");
    return java.util.Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
  }
  int lifecycleClients() { return num("lifecycleClients", 4, 2); }
  int storm() { return num("storm", 10_000, 4); }
  int openAppeals() { return num("openAppeals", 100_000, 200); }
  int loaderClients() { return num("loaderClients", 8, 4); }
  /** Real instances made through the API for scenario 4; the rest up to openAppeals are SQL copies of them. */
  int tasklistTemplates() { return num("tasklistTemplates", 150, 9); }
  /** When set, scenario 4 tops the open instances up by this many instead of up to openAppeals (the smoke test). */
  int extraOpen() { return Integer.parseInt(str("extraOpen", "0")); }
  /** Delete the copies again after scenario 4 (the smoke test shares its database with other tests). */
  boolean dropClones() { return Boolean.parseBoolean(str("dropClones", "false")); }
  /** Pages read at most in scenario 4 (each: list, variables, count, and Tasklist's filter list and count). */
  int tasklistSamples() { return num("tasklistSamples", 2000, 8); }
  /** Time budget of the Tasklist pages: reading stops after this many seconds even if fewer pages were read. */
  int tasklistSeconds() { return num("tasklistSeconds", 90, 30); }
  int sqlCostAppeals() { return num("sqlCostAppeals", 30, 3); }
  /** Seconds to let PostgreSQL publish the backends' counters (PG 15 flushes idle backends after ≤ 10 s). */
  int statsSettleSeconds() { return num("statsSettleSeconds", 11, 0); }
  /** Budget for registering the storm's past-due appeals through the API (the product's count is then used for both). */
  int stormLoadSeconds() { return num("stormLoadSeconds", 600, 30); }
  int stormTimeoutSeconds() { return num("stormTimeoutSeconds", 900, 60); }
  /**
   * The raw reference's storm first, on an engine without the product's leftover work (its outbox still sending the
   * storm's e-mails, autovacuum after its writes); the product then gets the raw reference's count. The default since
   * round 9 (docs/bench.md): the harder comparison of the two orders; {@code stormRawFirst=false} runs the product first.
   */
  boolean stormRawFirst() { return Boolean.parseBoolean(str("stormRawFirst", "true")); }
  /** With the job executor off (the tests), the client executes due jobs itself through the REST API. */
  boolean executeJobs() { return Boolean.parseBoolean(str("executeJobs", "false")); }
  String password() { return str("password", "demo"); }
  /** When set, the client listens there as the application's SMTP server and accepts (and drops) every message. */
  int smtpPort() { return Integer.parseInt(str("smtpPort", "0")); }
  String admin() { return str("admin", "demo"); }
}

/** Everything the client needs from a run: HTTP with basic auth, a tiny JSON codec, percentiles. */
final class Rest {
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
  final String baseUrl;
  final String password;
  final AtomicLong errors = new AtomicLong();
  final AtomicLong optimisticLocking = new AtomicLong();
  final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();

  Rest(String baseUrl, String password) {
    this.baseUrl = baseUrl;
    this.password = password;
  }

  static final class Response {
    final int status;
    final String body;
    Response(int status, String body) {
      this.status = status;
      this.body = body;
    }
    boolean ok() { return status >= 200 && status < 300; }
    Object json() { return body == null || body.isBlank() ? null : Json.parse(body); }
  }

  Response call(String user, String method, String path, String json) {
    return call(user, method, path, json, "application/json");
  }

  /** A call that must succeed, with its own Accept header (Tasklist reads filter lists as application/hal+json). */
  Response mustAccept(String user, String method, String path, String json, String accept) {
    return check(method, path, call(user, method, path, json, accept));
  }

  Response call(String user, String method, String path, String json, String accept) {
    String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120))
        .header("Authorization", "Basic " + token).header("Accept", accept);
    if (json != null) {
      b.header("Content-Type", "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body());
    } catch (IOException e) {
      return new Response(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Response(-1, e.toString());
    }
  }

  /** A call that must succeed: a failure is counted as an error (and as optimistic locking if it says so). */
  Response must(String user, String method, String path, String json) {
    return check(method, path, call(user, method, path, json));
  }

  private Response check(String method, String path, Response r) {
    if (!r.ok()) {
      errors.incrementAndGet();
      String body = r.body == null ? "" : r.body;
      if (body.contains("OptimisticLocking") || body.toLowerCase(Locale.ROOT).contains("optimistic")) {
        optimisticLocking.incrementAndGet();
      }
      if (errorSamples.size() < 20) {
        errorSamples.add(method + " " + path + " -> " + r.status + " " + body.substring(0, Math.min(300, body.length())));
      }
      throw new BenchFailure(method + " " + path + " -> " + r.status);
    }
    return r;
  }

  Response multipart(String user, String path, Map<String, String> fields, Map<String, Path> files) throws IOException {
    String boundary = "----bench" + UUID.randomUUID();
    var out = new java.io.ByteArrayOutputStream();
    for (var f : fields.entrySet()) {
      out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
          + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    for (var f : files.entrySet()) {
      out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"; filename=\""
          + f.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.write(Files.readAllBytes(f.getValue()));
      out.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build();
    try {
      HttpResponse<String> r = CLIENT.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

final class BenchFailure extends RuntimeException {
  BenchFailure(String message) {
    super(message, null, false, false);
  }
}

/** Minimal JSON: parse into Map/List/String/Double/Boolean/null, write maps, lists, strings, numbers, booleans. */
final class Json {
  private final String s;
  private int i;

  private Json(String s) {
    this.s = s;
  }

  static Object parse(String text) {
    Json j = new Json(text);
    j.ws();
    return j.value();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> obj(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> arr(Object o) {
    return (List<Object>) o;
  }

  private Object value() {
    char c = s.charAt(i);
    switch (c) {
      case '{': {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        ws();
        if (s.charAt(i) == '}') { i++; return m; }
        while (true) {
          ws();
          String k = string();
          ws();
          i++; // ':'
          ws();
          m.put(k, value());
          ws();
          if (s.charAt(i++) == '}') return m;
        }
      }
      case '[': {
        List<Object> l = new ArrayList<>();
        i++;
        ws();
        if (s.charAt(i) == ']') { i++; return l; }
        while (true) {
          ws();
          l.add(value());
          ws();
          if (s.charAt(i++) == ']') return l;
        }
      }
      case '"':
        return string();
      case 't': i += 4; return Boolean.TRUE;
      case 'f': i += 5; return Boolean.FALSE;
      case 'n': i += 4; return null;
      default: {
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
        return Double.parseDouble(s.substring(start, i));
      }
    }
  }

  private String string() {
    StringBuilder b = new StringBuilder();
    i++;
    while (true) {
      char c = s.charAt(i++);
      if (c == '"') return b.toString();
      if (c == '\\') {
        char e = s.charAt(i++);
        switch (e) {
          case 'n': b.append('\n'); break;
          case 't': b.append('\t'); break;
          case 'r': b.append('\r'); break;
          case 'b': b.append('\b'); break;
          case 'f': b.append('\f'); break;
          case 'u': b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; break;
          default: b.append(e);
        }
      } else {
        b.append(c);
      }
    }
  }

  private void ws() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
  }

  static String write(Object o) {
    StringBuilder b = new StringBuilder();
    write(b, o);
    return b.toString();
  }

  private static void write(StringBuilder b, Object o) {
    if (o == null) {
      b.append("null");
    } else if (o instanceof Map<?, ?> m) {
      b.append('{');
      boolean first = true;
      for (var e : m.entrySet()) {
        if (!first) b.append(',');
        first = false;
        write(b, String.valueOf(e.getKey()));
        b.append(':');
        write(b, e.getValue());
      }
      b.append('}');
    } else if (o instanceof List<?> l) {
      b.append('[');
      for (int k = 0; k < l.size(); k++) {
        if (k > 0) b.append(',');
        write(b, l.get(k));
      }
      b.append(']');
    } else if (o instanceof Number || o instanceof Boolean) {
      b.append(o);
    } else {
      String str = o.toString();
      b.append('"');
      for (int k = 0; k < str.length(); k++) {
        char c = str.charAt(k);
        if (c == '"' || c == '\\') b.append('\\').append(c);
        else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
        else b.append(c);
      }
      b.append('"');
    }
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int k = 0; k < kv.length; k += 2) m.put((String) kv[k], kv[k + 1]);
    return m;
  }
}

/** Latency samples (nanoseconds) and successes of one measurement window. */
final class Window {
  final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
  final AtomicLong done = new AtomicLong();
  final AtomicLong errors = new AtomicLong();
  double seconds;

  double rate() {
    return seconds == 0 ? 0 : done.get() / seconds;
  }

  static double median(List<Double> xs) {
    if (xs.isEmpty()) return Double.NaN;
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  /** Nearest-rank percentile in milliseconds. */
  static double percentileMs(List<Long> nanos, double p) {
    if (nanos.isEmpty()) return Double.NaN;
    List<Long> s = new ArrayList<>(nanos);
    Collections.sort(s);
    int rank = (int) Math.ceil(p / 100.0 * s.size());
    return s.get(Math.max(0, Math.min(s.size() - 1, rank - 1))) / 1e6;
  }
}

/** A figure of the run: product, raw reference, their ratio and the target. */
record Row(String scenario, String metric, String product, String raw, String ratio, String target, String verdict) {}

/** What the client drives: the product (appeal-handling through /api/appeals) or the raw-engine reference. */
interface Target {
  String name();
  String processKey();
  boolean available();
  /** Starts one instance as a registrar would; returns its process instance id. */
  String start(Rest rest, int seq, boolean pastDue);
  /** Variables a group submits when it completes the given task of the happy path. */
  Map<String, Object> completion(String taskKey, String processInstanceId);
  /** Escalation user tasks that exist (open or done) for this target's process. */
  long escalations(Rest rest);
  /** SLA breach records (product only; the raw reference has none). */
  long breaches(Db db);
}

final class RawTarget implements Target {
  static final String KEY = "bench-raw";
  static final String STARTER = "operator"; // contact-center, the registrar of phone appeals, as for the product
  private final String admin;
  private final String runTag = Long.toString(System.currentTimeMillis(), 36);

  RawTarget(String admin) {
    this.admin = admin;
  }

  public String name() { return "raw"; }
  public String processKey() { return KEY; }
  public boolean available() { return true; }

  public String start(Rest rest, int seq, boolean pastDue) {
    Instant due = pastDue ? Instant.now().minus(Duration.ofDays(30)) : Instant.now().plus(Duration.ofDays(7));
    String subject = "EMPLOYEE_CONDUCT"; // routed to branch-head, as the product's benchmark complaint
    Map<String, Object> body = Json.map(
        "businessKey", "RAW-" + runTag + "-" + seq,
        "variables", Json.map(
            "subject", Json.map("value", subject, "type", "String"),
            "dueAt", Json.map("value", Bench.camundaDate(due), "type", "Date")));
    Rest.Response r = rest.must(STARTER, "POST", "/engine-rest/process-definition/key/" + KEY + "/start", Json.write(body));
    return (String) Json.obj(r.json()).get("id");
  }

  public Map<String, Object> completion(String taskKey, String processInstanceId) {
    return Map.of();
  }

  public long escalations(Rest rest) {
    return Bench.count(rest, admin, "/engine-rest/task/count?processDefinitionKey=" + KEY
        + "&taskDefinitionKey=Task_Escalation");
  }

  public long breaches(Db db) {
    return 0;
  }
}

/**
 * The product: appeals registered through {@code POST /api/appeals} as the registrar of the channel, worked through the
 * happy path of {@code appeal-handling} as the candidate groups would.
 */
final class ProductTarget implements Target {
  static final String KEY = "appeal-handling";
  static final String REGISTRAR = "operator";
  private final String admin;
  private final Rest probe;

  ProductTarget(String admin, Rest probe) {
    this.admin = admin;
    this.probe = probe;
  }

  public String name() { return "product"; }
  public String processKey() { return KEY; }

  public boolean available() {
    return probe.call(admin, "GET", "/engine-rest/process-definition/key/" + KEY, null).ok();
  }

  public String start(Rest rest, int seq, boolean pastDue) {
    OffsetDateTime received = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);
    if (pastDue) {
      received = received.minusDays(30);
    }
    // A complete phone complaint about an employee: registered by contact-center (an employee's channel), answered by
    // branch-head, the answer given by phone (contact-center). Past due, it waits in the registration step, whose
    // deadline timer is the storm's one timer per case. Mandatory details are all there, so no information request (SPEC §3.3).
    Map<String, Object> body = Json.map(
        "jurisdiction", "RU",
        "type", "COMPLAINT",
        "subject", "EMPLOYEE_CONDUCT",
        "channel", "PHONE",
        "language", "ru",
        "receivedAt", received.withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
        "content", "Нагрузочный тест: жалоба № " + seq + " на грубость сотрудника офиса.",
        "demand", "Разобраться и принести извинения",
        "situationPlace", "офис на ул. Тестовой",
        "situationAt", received.minusDays(1).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
        "client", Json.map(
            "fullName", "Клиент Нагрузочный " + seq,
            "email", "client" + seq + "@bench.local",
            "phone", "+7 900 " + String.format("%07d", seq % 10_000_000),
            "postalAddress", "г. Москва, ул. Тестовая, д. " + (seq % 100 + 1),
            "postalCode", "101000",
            "idDocument", "45 07 " + String.format("%06d", seq % 1_000_000)));
    Rest.Response r = rest.must(REGISTRAR, "POST", "/api/appeals", Json.write(body));
    Map<String, Object> appeal = Json.obj(r.json());
    Object pi = appeal.get("processInstanceId");
    if (pi != null) {
      return pi.toString();
    }
    String number = String.valueOf(appeal.get("number"));
    List<Object> found = Json.arr(rest.must(admin, "GET", "/engine-rest/process-instance?businessKey="
        + Rest.enc(number) + "&processDefinitionKey=" + KEY, null).json());
    return (String) Json.obj(found.get(0)).get("id");
  }

  /** What each group enters in the task forms of the happy path (the server re-validates these). */
  public Map<String, Object> completion(String taskKey, String processInstanceId) {
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Moscow")).toString();
    return switch (taskKey) {
      case "Task_RegisterAppeal" -> Map.of("originalMarked", true);
      case "Task_PrepareAnswer", "Task_ReviseAnswer" -> Map.of("answerOutcome", "SATISFIED",
          "answerText", "Уважаемый клиент! Ваше обращение рассмотрено, сотруднику сделано замечание, приносим извинения.");
      case "Task_PrepareConclusion" -> Map.of("conclusionText", "Проверка проведена, факт подтверждён.");
      case "Task_ApproveAnswer" -> Map.of("answerApproved", true);
      case "Task_RecordCallOutcome" -> Map.of("deliveryDate", today, "deliveryText", "Дозвонились, ответ изложен.");
      default -> Map.of();
    };
  }

  public long escalations(Rest rest) {
    return Bench.count(rest, admin, "/engine-rest/task/count?processDefinitionKey=" + KEY
        + "&taskDefinitionKeyLike=Task_Escalation%25");
  }

  public long breaches(Db db) {
    return db.available() ? db.longValue("select count(*) from sla_breach") : -1;
  }
}

/**
 * The bulk path of the Tasklist scenario: copies the runtime rows of real process instances (what the engine wrote for
 * them) with new ids, so the Tasklist queries run against as many open instances as asked for in seconds instead of
 * hours. Copies are read, never worked.
 */
final class Cloner {
  /** table, the rows of the templates, columns holding ids of copied rows (get a suffix). */
  private static final String[][] TABLES = {
      {"act_ge_bytearray", "id_ in (select bytearray_id_ from act_ru_variable where proc_inst_id_ = any(?))",
          "id_,root_proc_inst_id_"},
      {"act_ru_execution", "proc_inst_id_ = any(?)", "id_,root_proc_inst_id_,proc_inst_id_,parent_id_,super_exec_,business_key_"},
      {"act_ru_task", "proc_inst_id_ = any(?)", "id_,execution_id_,proc_inst_id_,parent_task_id_"},
      {"act_ru_variable", "proc_inst_id_ = any(?)", "id_,execution_id_,proc_inst_id_,task_id_,var_scope_,bytearray_id_"},
      {"act_ru_identitylink", "task_id_ in (select id_ from act_ru_task where proc_inst_id_ = any(?))", "id_,task_id_"},
      // task grants and the per-case grants on the process instance (identity/CaseVisibility)
      {"act_ru_authorization", "resource_id_ in (select id_ from act_ru_task where proc_inst_id_ = any(?) "
          + "union all select unnest(?::varchar[]))", "id_,resource_id_,root_proc_inst_id_"},
      {"act_ru_job", "process_instance_id_ = any(?)", "id_,execution_id_,root_proc_inst_id_,process_instance_id_"},
      {"act_ru_event_subscr", "proc_inst_id_ = any(?)", "id_,execution_id_,proc_inst_id_"},
  };
  private final Db db;
  private String tag;

  interface Cleanup {
    void run() throws Exception;
  }

  Cloner(Db db) {
    this.db = db;
  }

  /** Removes every row this cloner made (children first). */
  void dropClones() throws Exception {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      for (int k = TABLES.length - 1; k >= 0; k--) {
        try (var del = c.prepareStatement("delete from " + TABLES[k][0] + " where id_ like ?")) {
          del.setString(1, "%-" + tag + "%");
          del.executeUpdate();
        }
      }
      c.commit();
    }
  }

  /** Makes {@code wanted} copies (round robin over the templates); returns how many instances were made. */
  long cloneInstances(List<String> templates, long wanted) throws Exception {
    int copies = (int) ((wanted + templates.size() - 1) / templates.size());
    tag = "c" + Long.toString(System.nanoTime() % 1_000_000, 36) + "x";
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      int chunk = Math.max(1, 20_000 / templates.size());
      for (int from = 1; from <= copies; from += chunk) {
        int to = Math.min(copies, from + chunk - 1);
        for (String[] t : TABLES) {
          copy(c, t[0], t[1], List.of(t[2].split(",")), templates, tag, from, to);
        }
        c.commit();
      }
      c.setAutoCommit(true);
      try (Statement st = c.createStatement()) {
        for (String[] t : TABLES) {
          st.execute("analyze " + t[0]);
        }
      }
    }
    return (long) copies * templates.size();
  }

  private void copy(Connection c, String table, String where, List<String> idColumns, List<String> templates, String tag,
      int from, int to) throws Exception {
    List<String> cols = new ArrayList<>();
    try (var ps = c.prepareStatement("select column_name from information_schema.columns where table_schema = "
        + "current_schema() and table_name = ? order by ordinal_position")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) cols.add(rs.getString(1));
      }
    }
    List<String> exprs = new ArrayList<>();
    for (String col : cols) {
      if (idColumns.contains(col)) {
        exprs.add("case when t." + col + " is null then null else t." + col + " || '-" + tag + "' || g end");
      } else if (table.equals("act_ru_task") && col.equals("due_date_")) {
        exprs.add("t.due_date_ + ((g % 61) - 30) * interval '1 day'");
      } else {
        exprs.add("t." + col);
      }
    }
    String sql = "insert into " + table + " (" + String.join(",", cols) + ") select " + String.join(",", exprs)
        + " from " + table + " t cross join generate_series(" + from + ", " + to + ") g where t." + where;
    try (var ps = c.prepareStatement(sql)) {
      java.sql.Array ids = c.createArrayOf("varchar", templates.toArray());
      for (int p = 1; p <= where.chars().filter(ch -> ch == '?').count(); p++) {
        ps.setArray(p, ids);
      }
      ps.executeUpdate();
    }
  }
}

/**
 * A poor man's profiler: thread dumps of the application while it is loaded; for every busy request thread it counts
 * its top frame, the engine's work below our own code (its database operation and what asked for it) and the innermost
 * frame of our own code ({@code ru.appealdesk}, without the pass-through command interceptor).
 */
final class Sampler {
  /** The credentials cache's command interceptor: a pass-through around every engine command, not a cost. */
  private static final String COMMAND_INTERCEPTOR = "ru.appealdesk.platform.IdentityChangePlugin$Interceptor.";
  private final Thread thread;
  private volatile boolean running = true;

  private Sampler(long pid, Map<String, Integer> counts, String threadPrefix) {
    thread = new Thread(() -> {
      while (running) {
        try {
          Process p = new ProcessBuilder("jcmd", Long.toString(pid), "Thread.print").redirectErrorStream(true).start();
          String out;
          try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          p.waitFor();
          for (String block : out.split("\n\n")) {
            if (!block.startsWith("\"" + threadPrefix) || block.contains("java.lang.Thread.State: WAITING")
                || block.contains("java.lang.Thread.State: TIMED_WAITING")) {
              continue;
            }
            String name = block.substring(0, Math.max(0, block.indexOf('\n')));
            if (name.contains("Acceptor") || name.contains("Poller") || block.contains("sun.nio.ch.EPoll")
                || block.contains("NioEndpoint$Acceptor")) {
              continue;
            }
            String ours = null;
            String top = null;
            String dbOp = null;
            String engineOp = null;
            for (String line : block.split("\n")) {
              String l = line.trim();
              if (!l.startsWith("at ")) continue;
              String frame = l.substring(3).replaceAll("\\(.*", "");
              if (top == null) top = frame;
              // the application's command interceptor wraps every engine command: it is a pass-through, not a cost
              if (ours == null && frame.startsWith("ru.appealdesk.") && !frame.startsWith(COMMAND_INTERCEPTOR)) {
                ours = frame;
              }
              if (ours == null && frame.startsWith("org.camunda.bpm.engine.impl.") && !frame.contains(".interceptor.")) {
                // the database operation (DbSqlSession: select or flush) and what asked for it (an entity manager's
                // query, a command, a service call): the innermost engine frame of each kind
                boolean db = frame.startsWith("org.camunda.bpm.engine.impl.db.");
                if (db && dbOp == null) dbOp = frame;
                if (!db && engineOp == null && !frame.startsWith("org.camunda.bpm.engine.impl.util.")) engineOp = frame;
              }
            }
            if (top == null) continue;
            // the engine's work on behalf of the innermost frame of our code, if any
            String key = top + (dbOp != null ? " ← " + dbOp : "") + (engineOp != null ? " ← " + engineOp : "")
                + (ours != null ? " ← " + ours : "");
            counts.merge(key, 1, Integer::sum);
            counts.merge("(samples)", 1, Integer::sum);
          }
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        } catch (Exception e) {
          return;
        }
      }
    }, "sampler");
    thread.setDaemon(true);
    thread.start();
  }

  /** Samples the busy request threads. */
  static Sampler start(long pid, Map<String, Integer> counts) {
    return start(pid, counts, "http-nio");
  }

  /** Samples the busy threads whose name starts with {@code threadPrefix} (the job executor: camundaTaskExecutor). */
  static Sampler start(long pid, Map<String, Integer> counts, String threadPrefix) {
    return pid > 0 ? new Sampler(pid, counts, threadPrefix) : null;
  }

  void stop() throws InterruptedException {
    running = false;
    thread.join(10_000);
  }
}

/** A minimal SMTP sink so the product's e-mails (answers, reminders, notifications) have somewhere to go. */
final class SmtpSink {
  final AtomicLong messages = new AtomicLong();

  void start(int port) throws IOException {
    java.net.ServerSocket server = new java.net.ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> {
      while (true) {
        try {
          java.net.Socket s = server.accept();
          Thread t = new Thread(() -> session(s), "smtp-session");
          t.setDaemon(true);
          t.start();
        } catch (IOException e) {
          return;
        }
      }
    }, "smtp-sink");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void session(java.net.Socket s) {
    try (s; var in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
         var out = new java.io.PrintWriter(new java.io.OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8), true)) {
      out.print("220 bench SMTP sink\r\n");
      out.flush();
      String line;
      while ((line = in.readLine()) != null) {
        String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
        switch (cmd) {
          case "EHLO", "HELO" -> out.print("250 bench\r\n");
          case "DATA" -> {
            out.print("354 go ahead\r\n");
            out.flush();
            while ((line = in.readLine()) != null && !line.equals(".")) {
              // dropped
            }
            messages.incrementAndGet();
            out.print("250 accepted\r\n");
          }
          case "QUIT" -> {
            out.print("221 bye\r\n");
            out.flush();
            return;
          }
          default -> out.print("250 ok\r\n");
        }
        out.flush();
      }
    } catch (IOException e) {
      // client went away
    }
  }
}

/** Optional JDBC access for pg_stat_database and the PostgreSQL version (the driver must be on the class path). */
final class Db {
  private final String url;
  private final String user;
  private final String password;

  Db(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  Connection connect() throws java.sql.SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  boolean available() {
    if (url.isBlank()) return false;
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  long longValue(String sql) {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (Exception e) {
      return -1;
    }
  }

  String stringValue(String sql) {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    } catch (Exception e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  /** Rows written per table (inserted + updated + deleted, and inserted alone) of the current database. */
  Map<String, long[]> tableWrites() {
    Map<String, long[]> m = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute("select pg_stat_clear_snapshot()");
      try (ResultSet rs = s.executeQuery("select relname, n_tup_ins + n_tup_upd + n_tup_del, n_tup_ins, n_tup_upd, "
          + "n_tup_del from pg_stat_user_tables")) {
        while (rs.next()) {
          m.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return m;
  }

  /** commits, rows written (inserted + updated + deleted) of the current database. */
  long[] writes() {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute("select pg_stat_clear_snapshot()");
      try (ResultSet rs = s.executeQuery("select xact_commit, tup_inserted + tup_updated + tup_deleted "
          + "from pg_stat_database where datname = current_database()")) {
        rs.next();
        return new long[] {rs.getLong(1), rs.getLong(2)};
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

final class Bench {
  /** The demo employee of each group (identity/DemoUsers.java): who claims and completes that group's tasks. */
  static final Map<String, String> USER_OF_GROUP = Map.ofEntries(
      Map.entry("branch-head", "branchhead"), Map.entry("legal", "lawyer"), Map.entry("marketing", "marketer"),
      Map.entry("general-director", "director"), Map.entry("contact-center", "operator"),
      Map.entry("internet-marketer", "webmarketer"), Map.entry("office-staff", "officer"),
      Map.entry("regional-network-head", "regionhead"), Map.entry("collections-manager", "collector"),
      Map.entry("appeals-controller", "controller"), Map.entry("office-manager", "officemanager"),
      Map.entry("client-rights-officer", "rightsofficer"), Map.entry("kz-complaints", "kzspecialist"),
      Map.entry("credit-committee", "committee"), Map.entry("process-owners", "processowner"));
  /** The groups whose Tasklist filter the scale scenario opens. */
  static final List<String> TASKLIST_GROUPS = List.of("branch-head", "legal", "general-director", "contact-center",
      "appeals-controller");
  /** The appeal essentials Tasklist shows next to each task (CONTRACTS.md). */
  static final List<String> TASKLIST_VARIABLES = List.of("appealNumber", "appealType", "subject", "clientFullName",
      "receivedAt", "answerDueAt");

  private final Config cfg;
  private final Rest rest;
  private final Db db;
  private final RawTarget raw;
  private final ProductTarget product;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final AtomicInteger seq = new AtomicInteger();
  private final SmtpSink smtp = new SmtpSink();
  private Cloner.Cleanup afterTasklist;
  private final Map<String, Integer> intakeProfile = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Integer> lifecycleProfile = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Integer> stormProfile = new java.util.concurrent.ConcurrentHashMap<>();
  /** Scenario 5: rows written per appeal and table (total, inserted, updated, deleted), per target. */
  private final Map<String, Map<String, double[]>> writesPerTable = new LinkedHashMap<>();
  private final String loadStart = loadAverage();
  private final Instant started = Instant.now();

  Bench(Config cfg) {
    this.cfg = cfg;
    this.rest = new Rest(cfg.baseUrl(), cfg.password());
    this.db = new Db(cfg.jdbcUrl(), cfg.jdbcUser(), cfg.jdbcPassword());
    this.raw = new RawTarget(cfg.admin());
    this.product = new ProductTarget(cfg.admin(), rest);
  }

  java.util.Collection<String> errorSamples() {
    return rest.errorSamples;
  }

  static String camundaDate(Instant t) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(t.atOffset(ZoneOffset.UTC));
  }

  static long count(Rest rest, String user, String path) {
    return ((Double) Json.obj(rest.must(user, "GET", path, null).json()).get("count")).longValue();
  }

  static void log(String fmt, Object... args) {
    System.out.printf(Locale.ROOT, "[bench %s] %s%n", java.time.LocalTime.now().withNano(0), String.format(Locale.ROOT, fmt, args));
  }

  int run() throws Exception {
    log("target %s, mode %s", cfg.baseUrl(), cfg.str("mode", "full"));
    if (cfg.smtpPort() > 0) {
      smtp.start(cfg.smtpPort());
    }
    deployRawReference();
    boolean productReady = product.available();
    if (!productReady) {
      notes.add("The product process `appeal-handling` is not deployed in this build: product scenarios were skipped "
          + "and only the raw-engine reference was measured.");
    }
    List<Target> targets = productReady ? List.of(raw, product) : List.of(raw);

    if (cfg.on("intake") || cfg.on("lifecycle") || cfg.on("sql")) {
      warmUp(targets);
    }
    if (cfg.on("intake")) intake(targets);
    if (cfg.on("lifecycle")) lifecycle(targets);
    if (cfg.on("sql")) sqlCost(targets);
    if (cfg.on("storm")) storm(targets);
    if (cfg.on("tasklist")) tasklist(productReady ? product : raw);
    if (cfg.on("twonodes")) twoNodes(productReady ? product : raw);
    health();

    String report = report();
    System.out.println(table());
    Files.createDirectories(cfg.out().toAbsolutePath().getParent());
    Files.writeString(cfg.out(), report, StandardCharsets.UTF_8);
    log("wrote %s in %d s; errors %d, optimistic locking %d", cfg.out(), Duration.between(started, Instant.now()).toSeconds(),
        rest.errors.get(), rest.optimisticLocking.get());
    rest.errorSamples.forEach(e -> log("error: %s", e));
    return 0;
  }

  // --- set-up --------------------------------------------------------------------------------------------------

  private void deployRawReference() throws IOException {
    Rest.Response r = rest.multipart(cfg.admin(), "/engine-rest/deployment/create",
        Map.of("deployment-name", "bench-raw-reference", "enable-duplicate-filtering", "true",
            "deploy-changed-only", "true", "deployment-source", "bench"),
        Map.of("bench-raw.bpmn", cfg.rawDir().resolve("bench-raw.bpmn"),
            "bench-raw.dmn", cfg.rawDir().resolve("bench-raw.dmn")));
    if (!r.ok()) {
      throw new IllegalStateException("deploying the raw reference failed: " + r.status + " " + r.body);
    }
    // The registrar may start the reference process, exactly as it may start appeal-handling.
    grant("contact-center", 6, RawTarget.KEY, List.of("READ", "CREATE_INSTANCE"));
    log("raw reference deployed");
  }

  private void grant(String group, int resourceType, String resourceId, List<String> permissions) {
    Rest.Response existing = rest.must(cfg.admin(), "GET", "/engine-rest/authorization?groupIdIn=" + group
        + "&resourceType=" + resourceType + "&resourceId=" + resourceId, null);
    if (!Json.arr(existing.json()).isEmpty()) {
      return;
    }
    rest.must(cfg.admin(), "POST", "/engine-rest/authorization/create", Json.write(Json.map("type", 1,
        "permissions", permissions, "groupId", group, "resourceType", resourceType, "resourceId", resourceId)));
  }

  // --- driving --------------------------------------------------------------------------------------------------

  /** Runs {@code op} on {@code clients} threads until {@code seconds} pass; one call = one unit of work. */
  private Window measure(int clients, int seconds, IntConsumer op) throws InterruptedException {
    Window w = new Window();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CountDownLatch go = new CountDownLatch(1);
    long t0 = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      pool.submit(() -> {
        go.await();
        while (System.nanoTime() < end) {
          long s = System.nanoTime();
          try {
            op.accept(seq.incrementAndGet());
            w.latencies.add(System.nanoTime() - s);
            w.done.incrementAndGet();
          } catch (BenchFailure e) {
            w.errors.incrementAndGet();
          }
        }
        return null;
      });
    }
    go.countDown();
    pool.shutdown();
    pool.awaitTermination(seconds + 300L, java.util.concurrent.TimeUnit.SECONDS);
    w.seconds = (System.nanoTime() - t0) / 1e9;
    return w;
  }

  /** Runs {@code n} operations on {@code clients} threads; returns the elapsed seconds. */
  private double batch(int n, int clients, IntConsumer op) throws Exception {
    return batch(n, clients, Long.MAX_VALUE, op, new AtomicInteger());
  }

  /** Like {@link #batch(int, int, IntConsumer)}, but stops starting new operations after {@code seconds}. */
  private double batch(int n, int clients, long seconds, IntConsumer op, AtomicInteger succeeded) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    long t0 = System.nanoTime();
    long end = seconds == Long.MAX_VALUE ? Long.MAX_VALUE : t0 + seconds * 1_000_000_000L;
    List<Future<?>> fs = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      fs.add(pool.submit(() -> {
        while (System.nanoTime() < end && next.incrementAndGet() <= n) {
          try {
            op.accept(seq.incrementAndGet());
            succeeded.incrementAndGet();
          } catch (BenchFailure e) {
            failed.incrementAndGet();
          }
        }
      }));
    }
    for (Future<?> f : fs) f.get();
    pool.shutdown();
    if (failed.get() > 0) {
      notes.add(failed.get() + " of " + n + " operations failed in a bulk phase (see errors).");
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Drives one instance through its happy path: every open task claimed and completed by its candidate group. */
  private void lifecycleOf(Target t, String pi) {
    advance(t, pi, Integer.MAX_VALUE);
  }

  /** Completes up to {@code steps} tasks of the happy path (all of them: the whole lifecycle). */
  private void advance(Target t, String pi, int steps) {
    int completed = 0;
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (completed >= steps) {
        return;
      }
      List<Object> tasks = Json.arr(rest.must(cfg.admin(), "GET", "/engine-rest/task?processInstanceId=" + pi, null).json());
      if (tasks.isEmpty()) {
        Rest.Response inst = rest.call(cfg.admin(), "GET", "/engine-rest/process-instance/" + pi, null);
        if (inst.status == 404) {
          return;
        }
        if (cfg.executeJobs()) {
          executeJobs("processInstanceId=" + pi);
        }
        sleep(20);
        continue;
      }
      for (Object o : tasks) {
        Map<String, Object> task = Json.obj(o);
        String id = (String) task.get("id");
        String key = (String) task.get("taskDefinitionKey");
        List<Object> links = Json.arr(rest.must(cfg.admin(), "GET", "/engine-rest/task/" + id
            + "/identity-links?type=candidate", null).json());
        String group = links.isEmpty() ? null : (String) Json.obj(links.get(0)).get("groupId");
        String user = group == null ? cfg.admin() : USER_OF_GROUP.getOrDefault(group, cfg.admin());
        rest.must(user, "POST", "/engine-rest/task/" + id + "/claim", Json.write(Json.map("userId", user)));
        Map<String, Object> vars = new LinkedHashMap<>();
        t.completion(key, pi).forEach((k, v) -> vars.put(k, Json.map("value", v)));
        rest.must(user, "POST", "/engine-rest/task/" + id + "/complete", Json.write(Json.map("variables", vars)));
        completed++;
        if (completed >= steps) {
          return;
        }
      }
    }
    throw new BenchFailure("instance " + pi + " did not finish in 60 s");
  }

  private void executeJobs(String filter) {
    List<Object> jobs = Json.arr(rest.must(cfg.admin(), "GET", "/engine-rest/job?executable=true&" + filter
        + "&maxResults=200", null).json());
    for (Object j : jobs) {
      rest.call(cfg.admin(), "POST", "/engine-rest/job/" + Json.obj(j).get("id") + "/execute", null);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // --- scenarios ------------------------------------------------------------------------------------------------

  private void warmUp(List<Target> targets) throws Exception {
    for (Target t : targets) {
      measure(4, cfg.warmupSeconds(), n -> t.start(rest, n, false));
      measure(cfg.lifecycleClients(), cfg.warmupSeconds(), n -> lifecycleOf(t, t.start(rest, n, false)));
    }
    log("warm-up done");
  }

  private void intake(List<Target> targets) throws Exception {
    for (int clients : cfg.intakeClients()) {
      Map<String, List<Window>> byTarget = new LinkedHashMap<>();
      for (int w = 0; w < cfg.windows(); w++) {
        for (Target t : targets) { // interleaved, so drift of the shared machine hits both alike
          Sampler sampler = t == product ? Sampler.start(cfg.appPid(), intakeProfile) : null;
          byTarget.computeIfAbsent(t.name(), k -> new ArrayList<>())
              .add(measure(clients, cfg.windowSeconds(), n -> t.start(rest, n, false)));
          if (sampler != null) sampler.stop();
        }
      }
      Stat rawStat = Stat.of(byTarget.get("raw"));
      Stat prodStat = Stat.of(byTarget.get("product"));
      log("intake %d clients: raw %s | product %s", clients, rawStat, prodStat);
      String scenario = "1. Intake, " + clients + " clients";
      rows.add(ratioRow(scenario, "starts/s (median of " + cfg.windows() + " windows)", prodStat, rawStat, 0.7,
          "≥ 0.7× raw REST start"));
      rows.add(new Row(scenario, "latency p50 / p95 / p99, ms", prodStat == null ? "—" : prodStat.latencies(),
          rawStat.latencies(), "", "", ""));
      rows.add(new Row(scenario, "errors", prodStat == null ? "—" : String.valueOf(prodStat.errors),
          String.valueOf(rawStat.errors), "", "0", prodStat == null ? "" : verdict(prodStat.errors == 0)));
    }
  }

  private void lifecycle(List<Target> targets) throws Exception {
    Map<String, List<Window>> byTarget = new LinkedHashMap<>();
    for (int w = 0; w < cfg.windows(); w++) {
      for (Target t : targets) {
        Sampler sampler = t == product ? Sampler.start(cfg.appPid(), lifecycleProfile) : null;
        byTarget.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(measure(cfg.lifecycleClients(),
            cfg.windowSeconds(), n -> lifecycleOf(t, t.start(rest, n, false))));
        if (sampler != null) sampler.stop();
      }
    }
    Stat rawStat = Stat.of(byTarget.get("raw"));
    Stat prodStat = Stat.of(byTarget.get("product"));
    log("lifecycle: raw %s | product %s", rawStat, prodStat);
    String scenario = "2. Full lifecycle, " + cfg.lifecycleClients() + " clients";
    rows.add(ratioRow(scenario, "appeals/s (median of " + cfg.windows() + " windows)", prodStat, rawStat, 0.8,
        "≥ 0.8× raw"));
    rows.add(new Row(scenario, "latency of one whole lifecycle p50 / p95, ms", prodStat == null ? "—" : prodStat.latencies2(),
        rawStat.latencies2(), "", "", ""));
    rows.add(new Row(scenario, "errors", prodStat == null ? "—" : String.valueOf(prodStat.errors),
        String.valueOf(rawStat.errors), "", "0", prodStat == null ? "" : verdict(prodStat.errors == 0)));
  }

  private void sqlCost(List<Target> targets) throws Exception {
    if (!db.available()) {
      notes.add("SQL cost skipped: no JDBC access to the database (jdbcUrl not given or driver missing).");
      return;
    }
    Map<String, double[]> perAppeal = new LinkedHashMap<>();
    int n = cfg.sqlCostAppeals();
    for (Target t : targets) {
      sleep(cfg.statsSettleSeconds() * 1000L);
      long[] before = db.writes();
      Map<String, long[]> tablesBefore = db.tableWrites();
      batch(n, cfg.lifecycleClients(), k -> lifecycleOf(t, t.start(rest, k, false)));
      sleep(cfg.statsSettleSeconds() * 1000L);
      long[] after = db.writes();
      Map<String, long[]> tablesAfter = db.tableWrites();
      perAppeal.put(t.name(), new double[] {(after[0] - before[0]) / (double) n, (after[1] - before[1]) / (double) n});
      Map<String, double[]> perTable = new LinkedHashMap<>();
      tablesAfter.forEach((table, a) -> {
        long[] b = tablesBefore.getOrDefault(table, new long[4]);
        if (a[0] - b[0] > 0) {
          perTable.put(table, new double[] {(a[0] - b[0]) / (double) n, (a[1] - b[1]) / (double) n,
              (a[2] - b[2]) / (double) n, (a[3] - b[3]) / (double) n});
        }
      });
      writesPerTable.put(t.name(), perTable);
    }
    double[] r = perAppeal.get("raw");
    double[] p = perAppeal.get("product");
    log("sql cost per lifecycle: raw %.1f commits %.1f rows | product %s", r[0], r[1],
        p == null ? "—" : String.format(Locale.ROOT, "%.1f commits %.1f rows", p[0], p[1]));
    String scenario = "5. SQL cost per appeal (whole lifecycle, " + n + " appeals)";
    rows.add(new Row(scenario, "commits", p == null ? "—" : f1(p[0]), f1(r[0]), p == null ? "—" : ratio(p[0], r[0]), "", ""));
    rows.add(new Row(scenario, "rows written", p == null ? "—" : f1(p[1]), f1(r[1]), p == null ? "—" : ratio(p[1], r[1]), "", ""));
  }

  private void storm(List<Target> targets) throws Exception {
    int n = cfg.storm();
    Map<String, Double> seconds = new LinkedHashMap<>();
    List<Target> order = new ArrayList<>(targets);
    if (!cfg.stormRawFirst()) {
      Collections.reverse(order); // the product first: what it loads within the budget, the raw reference gets as well
    } else {
      notes.add("Escalation storm: the raw reference ran first (stormRawFirst=true), the product right after it.");
    }
    for (Target t : order) {
      String defs = "/engine-rest/job-definition/suspended";
      // New timers are created suspended while their definitions are; the storm starts when they are activated.
      rest.must(cfg.admin(), "PUT", defs, Json.write(Json.map("processDefinitionKey", t.processKey(),
          "suspended", true, "includeJobs", true)));
      long escBefore = t.escalations(rest);
      long breachBefore = t.breaches(db);
      AtomicInteger loaded = new AtomicInteger();
      double load = batch(n, cfg.loaderClients(), cfg.stormLoadSeconds(), k -> t.start(rest, k, true), loaded);
      log("storm %s: %d past-due instances loaded in %.1f s (%.0f/s)", t.name(), loaded.get(), load, loaded.get() / load);
      notes.add(String.format(Locale.ROOT, "Bulk path for scenario 3 (%s): %d past-due instances registered through the "
          + "public API (%s) by %d clients in %.0f s (%.1f/s), with the process's job definitions suspended; no SQL "
          + "copies.", t.name(), loaded.get(), t == raw ? "POST /engine-rest/process-definition/key/bench-raw/start"
          : "POST /api/appeals", cfg.loaderClients(), load, loaded.get() / load));
      if (loaded.get() < n) {
        notes.add(String.format(Locale.ROOT, "Escalation storm: only %d of %d past-due appeals could be registered "
            + "through the API within the loading budget of %d s on this machine (%.1f/s); the storm ran with %d "
            + "instances for the product and the raw reference alike.", loaded.get(), n, cfg.stormLoadSeconds(),
            loaded.get() / load, loaded.get()));
        if (cfg.stormRawFirst() && t == product) {
          notes.add("Escalation storm: the raw reference ran first with " + n + " instances, so the two storms are not "
              + "of the same size; the ratio is not comparable.");
        }
        n = loaded.get();
      }
      Sampler sampler = t == product ? Sampler.start(cfg.appPid(), stormProfile, "camundaTaskExecutor") : null;
      long t0 = System.nanoTime();
      rest.must(cfg.admin(), "PUT", defs, Json.write(Json.map("processDefinitionKey", t.processKey(),
          "suspended", false, "includeJobs", true)));
      long deadline = t0 + cfg.stormTimeoutSeconds() * 1_000_000_000L;
      boolean done = false;
      long esc = 0;
      long breach = 0;
      while (System.nanoTime() < deadline) {
        if (cfg.executeJobs()) {
          executeJobs("processDefinitionKey=" + t.processKey());
        }
        esc = t.escalations(rest) - escBefore;
        breach = t.breaches(db) - breachBefore;
        boolean breachesDone = t == raw || breachBefore < 0 || breach >= n;
        if (esc >= n && breachesDone) {
          done = true;
          break;
        }
        sleep(cfg.smoke() ? 50 : 250);
      }
      double s = (System.nanoTime() - t0) / 1e9;
      if (sampler != null) sampler.stop();
      log("storm %s: %s after %.1f s (escalations %d, breaches %d)", t.name(), done ? "complete" : "INCOMPLETE", s, esc, breach);
      if (!done) {
        notes.add("Escalation storm of " + t.name() + " did not complete within " + cfg.stormTimeoutSeconds() + " s: "
            + esc + " escalation tasks, " + breach + " breach records of " + n + ".");
      }
      seconds.put(t.name(), done ? s : Double.NaN);
    }
    Double p = seconds.get("product");
    double r = seconds.get("raw");
    rows.add(new Row("3. Escalation storm, " + n + " past-due appeals", "seconds until every escalation task"
        + " (and breach record) exists", p == null ? "—" : f1(p), f1(r), p == null ? "—" : ratio(p, r), "≤ 2× raw",
        p == null ? "" : verdict(p <= 2 * r)));
  }

  private void tasklist(Target t) throws Exception {
    String key = t.processKey();
    rest.must(cfg.admin(), "PUT", "/engine-rest/job-definition/suspended", Json.write(Json.map(
        "processDefinitionKey", key, "suspended", false, "includeJobs", true)));
    long open = count(rest, cfg.admin(), "/engine-rest/process-instance/count?processDefinitionKey=" + key);
    long target = cfg.extraOpen() > 0 ? open + cfg.extraOpen() : cfg.openAppeals();
    int real = (int) Math.min(cfg.tasklistTemplates(), Math.max(0, target - open));
    if (real > 0) {
      // Real instances through the public API, spread over the happy path: a third waits at each of the first tasks.
      ConcurrentLinkedQueue<String> templates = new ConcurrentLinkedQueue<>();
      double s = batch(real, cfg.loaderClients(), k -> {
        String pi = t.start(rest, k, false);
        advance(t, pi, k % 3);
        templates.add(pi);
      });
      log("tasklist: %d real %s instances in %.1f s", real, t.name(), s);
      open = count(rest, cfg.admin(), "/engine-rest/process-instance/count?processDefinitionKey=" + key);
      long missing = target - open;
      if (missing > 0 && db.available()) {
        long c0 = System.nanoTime();
        Cloner cloner = new Cloner(db);
        long cloned = cloner.cloneInstances(new ArrayList<>(templates), missing);
        if (cfg.dropClones()) {
          afterTasklist = cloner::dropClones;
        }
        double cs = (System.nanoTime() - c0) / 1e9;
        log("tasklist: %d clones in %.1f s", cloned, cs);
        notes.add(String.format(Locale.ROOT, "Bulk path for scenario 4: %d instances of `%s` were created through the public "
            + "API (%s) and worked partly through the happy path by the groups; the remaining %d open instances are "
            + "SQL copies of those instances' runtime rows (executions, tasks, variables, candidate links, task "
            + "authorizations, timer jobs, event subscriptions; new ids, due dates spread over ±30 days) made in %.0f s "
            + "by bench/LoadClient.java (class Cloner), followed by ANALYZE. Tasklist reads only these runtime rows, so "
            + "its queries see what 100,000 real instances would give them; history and application rows of the copies "
            + "do not exist and nothing ever works on the copies.", real, key,
            t == raw ? "POST /engine-rest/process-definition/key/bench-raw/start" : "POST /api/appeals", cloned, cs));
        open = count(rest, cfg.admin(), "/engine-rest/process-instance/count?processDefinitionKey=" + key);
      }
    }
    long openTasks = count(rest, cfg.admin(), "/engine-rest/task/count");
    // What Tasklist does for a group's filter "Задачи группы" (identity/TasklistFilters): one page of tasks with the
    // variables named in the filter's `variables` property, and the filter's count. Measured on every page read: each
    // group's employee scrolls from the first page on, groups take turns, until the time budget is over.
    Map<String, String> filterOf = new LinkedHashMap<>();
    Map<String, Long> tasksOf = new LinkedHashMap<>();
    List<String> shown = new ArrayList<>(TASKLIST_VARIABLES);
    for (String group : TASKLIST_GROUPS) {
      String user = USER_OF_GROUP.get(group);
      tasksOf.put(group, count(rest, cfg.admin(), "/engine-rest/task/count?candidateGroup=" + group));
      for (Object o : Json.arr(rest.must(user, "GET", "/engine-rest/filter?resourceType=Task", null).json())) {
        Map<String, Object> f = Json.obj(o);
        Object props = f.get("properties");
        if (props instanceof Map<?, ?> m && ("GROUP:" + group).equals(m.get("appealdeskKey"))) {
          filterOf.put(group, (String) f.get("id"));
          if (m.get("variables") instanceof List<?> vs && !vs.isEmpty()) {
            shown.clear();
            for (Object v : vs) shown.add(String.valueOf(Json.obj(v).get("name")));
          }
        }
      }
    }
    List<Long> page = new ArrayList<>();
    List<Long> list = new ArrayList<>();
    List<Long> vars = new ArrayList<>();
    List<Long> cnt = new ArrayList<>();
    List<Long> fList = new ArrayList<>();
    List<Long> fCount = new ArrayList<>();
    List<Long> fPage = new ArrayList<>();
    Map<String, Integer> pageOf = new LinkedHashMap<>();
    int deepest = 0;
    long stopAt = System.nanoTime() + cfg.tasklistSeconds() * 1_000_000_000L;
    int warm = Math.min(TASKLIST_GROUPS.size(), cfg.tasklistSamples() / 3); // the first page of each group warms up
    for (int k = 0; k < cfg.tasklistSamples() && (k < warm + 3 || System.nanoTime() < stopAt); k++) {
      String group = TASKLIST_GROUPS.get(k % TASKLIST_GROUPS.size());
      String user = USER_OF_GROUP.get(group);
      long pages = Math.max(1, (tasksOf.get(group) + 49) / 50);
      int pg = (int) ((pageOf.merge(group, 1, Integer::sum) - 1) % pages);
      deepest = Math.max(deepest, pg);
      int first = pg * 50;
      long p0 = System.nanoTime();
      Rest.Response tasks = rest.must(user, "POST", "/engine-rest/task?firstResult=" + first + "&maxResults=50",
          Json.write(Json.map("candidateGroup", group, "sorting", List.of(Json.map("sortBy", "dueDate", "sortOrder", "asc")))));
      long p1 = System.nanoTime();
      List<Object> ids = new ArrayList<>();
      for (Object o : Json.arr(tasks.json())) ids.add(Json.obj(o).get("processInstanceId"));
      if (!ids.isEmpty()) {
        // REST has no filter by variable names: this returns every variable of the 50 instances (an upper bound);
        // Tasklist's own call below embeds only the filter's variables.
        rest.must(user, "POST", "/engine-rest/variable-instance?deserializeValues=false", Json.write(Json.map(
            "processInstanceIdIn", ids)));
      }
      long p2 = System.nanoTime();
      rest.must(user, "POST", "/engine-rest/task/count", Json.write(Json.map("candidateGroup", group)));
      long p3 = System.nanoTime();
      String filter = filterOf.get(group);
      long f0 = System.nanoTime();
      long f1 = f0;
      long f2 = f0;
      if (filter != null) {
        rest.mustAccept(user, "POST", "/engine-rest/filter/" + filter + "/list?firstResult=" + first + "&maxResults=50",
            "{}", "application/hal+json"); // HAL embeds the variables the filter's `variables` property names
        f1 = System.nanoTime();
        rest.must(user, "GET", "/engine-rest/filter/" + filter + "/count", null);
        f2 = System.nanoTime();
      }
      if (k >= warm) {
        list.add(p1 - p0);
        if (!ids.isEmpty()) {
          vars.add(p2 - p1);
        }
        cnt.add(p3 - p2);
        page.add(p3 - p0);
        if (filter != null) {
          fList.add(f1 - f0);
          fCount.add(f2 - f1);
          fPage.add(f2 - f0);
        }
      }
    }
    String scenario = String.format(Locale.ROOT, "4. Tasklist, %,d open %s instances (%,d open tasks), %d pages",
        open, t.name(), openTasks, list.size());
    log("tasklist: %d pages read (deepest page %d), tasks per group %s, variables %s", list.size(), deepest + 1,
        tasksOf, shown);
    double p95 = Window.percentileMs(list, 95);
    rows.add(new Row(scenario, "group query (candidate group, due date, 50 per page, every page read) p50 / p95, ms",
        f1(Window.percentileMs(list, 50)) + " / " + f1(p95), "", "", "p95 ≤ 50 ms", verdict(p95 <= 50)));
    double v95 = Window.percentileMs(vars, 95);
    rows.add(new Row(scenario, "their variables (REST variable-instance: every variable of the 50 instances) p50 / p95, ms",
        f1(Window.percentileMs(vars, 50)) + " / " + f1(v95), "", "", "p95 ≤ 50 ms", verdict(v95 <= 50)));
    rows.add(new Row(scenario, "group count p50 / p95, ms (every page)",
        f1(Window.percentileMs(cnt, 50)) + " / " + f1(Window.percentileMs(cnt, 95)), "", "", "", ""));
    double w95 = Window.percentileMs(page, 95);
    rows.add(new Row(scenario, "whole page (3 calls) p50 / p95, ms (every page, down to page " + (deepest + 1) + ")",
        f1(Window.percentileMs(page, 50)) + " / " + f1(w95), "", "", "p95 ≤ 100 ms", verdict(w95 <= 100)));
    if (!fPage.isEmpty()) {
      rows.add(new Row(scenario, "Tasklist's own calls: filter list (HAL: tasks, count and the filter's " + shown.size()
          + " variables) / filter count p50 / p95, ms", f1(Window.percentileMs(fList, 50)) + " / "
          + f1(Window.percentileMs(fList, 95)) + " — " + f1(Window.percentileMs(fCount, 50)) + " / "
          + f1(Window.percentileMs(fCount, 95)), "", "", "", ""));
      double t95 = Window.percentileMs(fPage, 95);
      rows.add(new Row(scenario, "Tasklist's own page (filter list + count) p50 / p95, ms",
          f1(Window.percentileMs(fPage, 50)) + " / " + f1(t95), "", "", "p95 ≤ 100 ms", verdict(t95 <= 100)));
    }
    if (afterTasklist != null) {
      afterTasklist.run();
    }
    long heap = liveHeap();
    rows.add(new Row(scenario, "live heap after a full GC, MiB", heap < 0 ? "not measured" : f1(heap / 1048576.0), "", "",
        "≤ 1024 MiB", heap < 0 ? "" : verdict(heap <= 1024L * 1048576)));
  }

  /**
   * Scenario 6: a second node of the same jar on the same database (Camunda's cluster mode), started by the script
   * {@code secondNodeStart} (run.sh writes it) and stopped again afterwards. Intake spread over both nodes next to the
   * same clients on one node, then a storm of past-due appeals registered through both nodes and escalated by both job
   * executors: every case exactly once, and which node ran how many jobs.
   */
  private void twoNodes(Target t) throws Exception {
    String script = cfg.str("secondNodeStart", "");
    if (cfg.secondUrl().isBlank() || script.isBlank() || t != product) {
      notes.add("Two-node scenario skipped: no second node (secondUrl, secondNodeStart) or no product process.");
      return;
    }
    Process node2 = new ProcessBuilder("bash", script).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of(cfg.str("secondNodeLog", "bench/target/app2.log")).toFile()))
        .start();
    Rest rest2 = new Rest(cfg.secondUrl(), cfg.password());
    try {
      long up = System.nanoTime() + 300_000_000_000L;
      while (!rest2.call(cfg.admin(), "GET", "/actuator/health", null).ok()) {
        if (!node2.isAlive() || System.nanoTime() > up) {
          notes.add("Two-node scenario skipped: the second node did not start (see its log).");
          return;
        }
        sleep(1000);
      }
      log("two nodes: second node up at %s", cfg.secondUrl());
      Rest[] nodes = {rest, rest2};
      int clients = cfg.num("twoNodeClients", 8, 2);
      List<Window> both = new ArrayList<>();
      List<Window> one = new ArrayList<>();
      for (int w = 0; w < cfg.windows(); w++) {
        one.add(measure(clients, cfg.windowSeconds(), n -> t.start(rest, n, false)));
        both.add(measure(clients, cfg.windowSeconds(), n -> t.start(nodes[n % 2], n, false)));
      }
      Stat oneStat = Stat.of(one);
      Stat bothStat = Stat.of(both);
      log("two nodes: intake %d clients: one node %s | two nodes %s", clients, oneStat, bothStat);
      String scenario = "6. Two nodes on one database, intake " + clients + " clients";
      rows.add(new Row(scenario, "starts/s: two nodes (column product) vs. one node (column raw)", f1(bothStat.rate),
          f1(oneStat.rate), ratio(bothStat.rate, oneStat.rate), "no errors", verdict(bothStat.errors + oneStat.errors == 0)));
      rows.add(new Row(scenario, "latency p50 / p95 / p99, ms", bothStat.latencies(), oneStat.latencies(), "", "", ""));

      int n = cfg.num("twoNodeStorm", 2000, 4);
      String defs = "/engine-rest/job-definition/suspended";
      rest.must(cfg.admin(), "PUT", defs, Json.write(Json.map("processDefinitionKey", t.processKey(), "suspended", true,
          "includeJobs", true)));
      long escBefore = t.escalations(rest);
      long breachBefore = t.breaches(db);
      long jobsBefore = db.longValue("select count(*) from act_hi_job_log where job_state_ = 2");
      String since = db.stringValue("select now()");
      AtomicInteger loaded = new AtomicInteger();
      double load = batch(n, cfg.loaderClients(), cfg.stormLoadSeconds(), k -> t.start(nodes[k % 2], k, true), loaded);
      n = loaded.get();
      log("two nodes: %d past-due appeals loaded through both nodes in %.1f s", n, load);
      long t0 = System.nanoTime();
      rest.must(cfg.admin(), "PUT", defs, Json.write(Json.map("processDefinitionKey", t.processKey(), "suspended", false,
          "includeJobs", true)));
      long deadline = t0 + cfg.stormTimeoutSeconds() * 1_000_000_000L;
      long esc = 0;
      long breach = 0;
      boolean done = false;
      while (System.nanoTime() < deadline) {
        esc = t.escalations(rest) - escBefore;
        breach = t.breaches(db) - breachBefore;
        if (esc >= n && (breachBefore < 0 || breach >= n)) {
          done = true;
          break;
        }
        sleep(250);
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      // let every due job run, then count again: more than one escalation per case would show now
      long settle = System.nanoTime() + 120_000_000_000L;
      while (System.nanoTime() < settle && count(rest, cfg.admin(), "/engine-rest/job/count?executable=true") > 0) {
        sleep(500);
      }
      esc = t.escalations(rest) - escBefore;
      breach = t.breaches(db) - breachBefore;
      Map<String, Long> perNode = new java.util.TreeMap<>();
      if (db.available()) {
        try (Connection c = db.connect(); var ps = c.prepareStatement("select coalesce(hostname_, '?'), count(*) from "
            + "act_hi_job_log where job_state_ = 2 and timestamp_ >= ?::timestamptz group by 1")) {
          ps.setString(1, since);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) perNode.put(rs.getString(1), rs.getLong(2));
          }
        }
      }
      log("two nodes: storm %s after %.1f s, escalations %d, breaches %d of %d; jobs per node %s",
          done ? "complete" : "INCOMPLETE", secs, esc, breach, n, perNode);
      String storm = "6. Two nodes on one database, storm of " + n + " past-due appeals";
      rows.add(new Row(storm, "seconds until every escalation task and breach record exists (both job executors)",
          done ? f1(secs) : "—", "", "", "complete", verdict(done)));
      rows.add(new Row(storm, "escalation tasks / breach records per case after all jobs ran",
          String.format(Locale.ROOT, "%.2f / %.2f", esc / (double) Math.max(1, n), breach / (double) Math.max(1, n)),
          "", "", "1.00 / 1.00", verdict(esc == n && (breachBefore < 0 || breach == n))));
      rows.add(new Row(storm, "jobs run per node (job log, host name = node name)", perNode.toString(), "", "",
          "both nodes", verdict(perNode.size() >= 2)));
    } finally {
      node2.destroy();
      if (!node2.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        node2.destroyForcibly();
      }
    }
  }

  /** Live heap of the application after a full GC: the total of {@code jcmd <pid> GC.class_histogram} (which runs one). */
  private long liveHeap() {
    long pid = cfg.appPid();
    if (pid <= 0) {
      return -1;
    }
    try {
      Process p = new ProcessBuilder("jcmd", Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      p.waitFor();
      for (String line : out.split("\n")) {
        String l = line.trim();
        if (l.startsWith("Total")) {
          String[] parts = l.split("\\s+");
          return Long.parseLong(parts[2]);
        }
      }
      notes.add("Heap not measured: jcmd said " + out.substring(0, Math.min(200, out.length())));
    } catch (Exception e) {
      notes.add("Heap not measured: " + e);
    }
    return -1;
  }

  private void health() {
    long incidents = count(rest, cfg.admin(), "/engine-rest/incident/count");
    long failedJobs = count(rest, cfg.admin(), "/engine-rest/job/count?withException=true");
    rows.add(new Row("Errors over the whole run", "HTTP errors / optimistic-locking failures seen by clients",
        rest.errors.get() + " / " + rest.optimisticLocking.get(), "", "", "0 / 0",
        verdict(rest.errors.get() == 0 && rest.optimisticLocking.get() == 0)));
    rows.add(new Row("Errors over the whole run", "incidents / jobs with an exception (engine)",
        incidents + " / " + failedJobs, "", "", "0 / 0", verdict(incidents == 0 && failedJobs == 0)));
  }

  // --- reporting ------------------------------------------------------------------------------------------------

  record Stat(double rate, List<Long> all, long errors) {
    static Stat of(List<Window> ws) {
      if (ws == null) return null;
      List<Double> rates = new ArrayList<>();
      List<Long> all = new ArrayList<>();
      long errors = 0;
      for (Window w : ws) {
        rates.add(w.rate());
        all.addAll(w.latencies);
        errors += w.errors.get();
      }
      return new Stat(Window.median(rates), all, errors);
    }

    String latencies() {
      return f1(Window.percentileMs(all, 50)) + " / " + f1(Window.percentileMs(all, 95)) + " / "
          + f1(Window.percentileMs(all, 99));
    }

    String latencies2() {
      return f1(Window.percentileMs(all, 50)) + " / " + f1(Window.percentileMs(all, 95));
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.1f/s p50 %.1f ms, %d errors", rate, Window.percentileMs(all, 50), errors);
    }
  }

  private Row ratioRow(String scenario, String metric, Stat product, Stat raw, double min, String target) {
    if (product == null) {
      return new Row(scenario, metric, "—", f1(raw.rate), "—", target, "");
    }
    double r = product.rate / raw.rate;
    return new Row(scenario, metric, f1(product.rate), f1(raw.rate), ratio(product.rate, raw.rate), target,
        verdict(r >= min));
  }

  static String f1(double v) {
    return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.1f", v);
  }

  static String ratio(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "—" : String.format(Locale.ROOT, "%.2f×", a / b);
  }

  static String verdict(boolean holds) {
    return holds ? "holds" : "MISSED";
  }

  private String table() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%-52s | %-58s | %-22s | %-22s | %-7s | %-20s | %s%n", "scenario", "metric",
        "product", "raw", "ratio", "target", "verdict"));
    for (Row r : rows) {
      b.append(String.format(Locale.ROOT, "%-52s | %-58s | %-22s | %-22s | %-7s | %-20s | %s%n", r.scenario(), r.metric(),
          r.product(), r.raw(), r.ratio(), r.target(), r.verdict()));
    }
    return b.toString();
  }

  private String report() {
    StringBuilder b = new StringBuilder();
    b.append("# Benchmark results\n\n");
    b.append("Written by `bench/run.sh` (bench/LoadClient.java) on ").append(OffsetDateTime.now(ZoneOffset.UTC).withNano(0))
        .append(", mode `").append(cfg.str("mode", "full")).append("`, ")
        .append(Duration.between(started, Instant.now()).toSeconds()).append(" s of load.\n\n");
    b.append("## Machine\n\n");
    b.append("- cores: ").append(Runtime.getRuntime().availableProcessors()).append("; memory: ").append(memTotal()).append('\n');
    b.append("- Java: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.runtime.version")).append('\n');
    b.append("- PostgreSQL: ").append(db.available() ? db.stringValue("select version()") : "unknown (no JDBC)").append('\n');
    b.append("- load average (1/5/15 min) at start: ").append(loadStart).append("; at end: ").append(loadAverage())
        .append(" — the machine is shared, so compare ratios, not absolute figures.\n");
    b.append("- windows: warm-up ").append(cfg.warmupSeconds()).append(" s per target, then ").append(cfg.windows())
        .append(" measurement windows of ").append(cfg.windowSeconds())
        .append(" s per figure, product and raw interleaved; figures are medians of the windows, latencies over all samples.\n\n");
    b.append("## Figures\n\n");
    b.append("| scenario | metric | product | raw reference | ratio | target | verdict |\n|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      b.append("| ").append(String.join(" | ", r.scenario(), r.metric(), r.product(), r.raw(), r.ratio(), r.target(),
          r.verdict())).append(" |\n");
    }
    if (!writesPerTable.isEmpty()) {
      b.append("\n## What one whole lifecycle writes, per table\n\n");
      b.append("Scenario 5, `pg_stat_user_tables` before and after, divided by the appeals: rows inserted + updated + deleted ")
          .append("per appeal (ins / upd / del).\n\n| table | product | raw reference |\n|---|---|---|\n");
      Map<String, double[]> prod = writesPerTable.getOrDefault("product", Map.of());
      Map<String, double[]> rawT = writesPerTable.getOrDefault("raw", Map.of());
      java.util.Set<String> tables = new java.util.TreeSet<>(prod.keySet());
      tables.addAll(rawT.keySet());
      tables.stream().sorted((x, y) -> Double.compare(prod.getOrDefault(y, new double[4])[0],
          prod.getOrDefault(x, new double[4])[0])).forEach(table -> b.append("| `").append(table).append("` | ")
          .append(tableCell(prod.get(table))).append(" | ").append(tableCell(rawT.get(table))).append(" |\n"));
    }
    profile(b, "intake", intakeProfile, "windows", "request threads");
    profile(b, "full lifecycle", lifecycleProfile, "windows", "request threads");
    profile(b, "escalation storm", stormProfile, "run", "job executor threads");
    b.append("\n## Notes of this run\n\n");
    if (notes.isEmpty()) {
      b.append("- none\n");
    }
    for (String n : notes) {
      b.append("- ").append(n).append('\n');
    }
    if (!rest.errorSamples.isEmpty()) {
      b.append("\n## First errors\n\n");
      for (String e : rest.errorSamples) {
        b.append("- `").append(e.replace('`', '\'').replace('\n', ' ')).append("`\n");
      }
    }
    return b.toString();
  }

  private static String tableCell(double[] v) {
    return v == null ? "—" : String.format(Locale.ROOT, "%.1f (%.1f / %.1f / %.1f)", v[0], v[1], v[2], v[3]);
  }

  private static void profile(StringBuilder b, String what, Map<String, Integer> counts, String during,
      String threads) {
    if (counts.isEmpty()) {
      return;
    }
    int total = counts.getOrDefault("(samples)", 0);
    b.append("\n## Where the product's ").append(what).append(" spends its time\n\n");
    b.append("Thread dumps of the application (`jcmd Thread.print` every 0.5 s during the product's ").append(what)
        .append(" ").append(during).append("), ").append(total).append(" samples of busy ").append(threads)
        .append(", counted by their top frame, the ")
        .append("engine's work below Appeal Desk's code (if any: its database operation and the innermost engine frame ")
        .append("that asked for it) and the innermost frame of Appeal Desk's own code ")
        .append("(its command interceptor, a pass-through around every engine command, not counted). `sun.nio.ch.Net.poll` on top ")
        .append("means the thread waits for PostgreSQL's answer (a lock or the query itself).\n\n| share | frame |\n|---|---|\n");
    counts.entrySet().stream().filter(e -> !e.getKey().equals("(samples)"))
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
        .forEach(e -> b.append(String.format(Locale.ROOT, "| %.0f %% | `%s` |%n", 100.0 * e.getValue() / Math.max(1, total),
            e.getKey())));
  }

  private static String loadAverage() {
    try {
      String[] p = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return p[0] + " / " + p[1] + " / " + p[2];
    } catch (Exception e) {
      return String.valueOf(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static String memTotal() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (l.startsWith("MemTotal:")) {
          long kb = Long.parseLong(l.replaceAll("\\D", ""));
          return String.format(Locale.ROOT, "%.1f GiB", kb / 1048576.0);
        }
      }
    } catch (Exception e) {
      // fall through
    }
    return "unknown";
  }
}
