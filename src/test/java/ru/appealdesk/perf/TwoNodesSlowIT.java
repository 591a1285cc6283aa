package ru.appealdesk.perf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances of the built jar on one PostgreSQL database (Camunda 7's cluster mode: shared database, a job executor
 * on every node, deployment-aware registration as in production): intake through both nodes, every past-due case
 * escalated exactly once, and one node killed with SIGKILL in the middle of the load without losing an acknowledged
 * (201) appeal, its locked jobs taken over by the other node once their (short) lock expires.
 *
 * <p>Database: the local PostgreSQL on 127.0.0.1:5432 (trust auth) when it answers, in a fresh database that is
 * dropped at the end; otherwise one embedded PostgreSQL started here. Node logs: {@code target/two-nodes/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesSlowIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .version(HttpClient.Version.HTTP_1_1).build();
  /** Short job locks, so the survivor takes over the dead node's jobs within seconds (production: 5 minutes). */
  private static final int LOCK_MILLIS = 8_000;
  private static final Duration STARTUP = Duration.ofMinutes(4);

  private final Path logs = Path.of("target", "two-nodes");
  private GreenMail smtp;
  private EmbeddedPostgres embedded;
  private String database;
  private String jdbcUrl;
  private Node a;
  private Node b;

  /** One application instance: a child JVM running the built jar. */
  private record Node(String name, int port, Process process) {
    String url() {
      return "http://127.0.0.1:" + port;
    }
  }

  @BeforeAll
  void startTwoNodes() throws Exception {
    String jar = System.getProperty("appealdesk.jar");
    assertThat(jar).as("system property appealdesk.jar (set by the failsafe plugin)").isNotBlank();
    assertThat(Path.of(jar)).as("the built jar").isRegularFile();
    Files.createDirectories(logs);
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    openDatabase();
    // The first node creates the schema on the fresh database alone (as docker-compose.yml orders it), then the second.
    // Node a takes up to 20 jobs per acquisition for one thread, so it holds locked jobs whenever there is work.
    a = start(jar, "node-a", Map.of("camunda.bpm.job-execution.core-pool-size", "1",
        "camunda.bpm.job-execution.max-pool-size", "1", "camunda.bpm.job-execution.queue-capacity", "20",
        "camunda.bpm.job-execution.max-jobs-per-acquisition", "20"));
    awaitUp(a);
    b = start(jar, "node-b", Map.of());
    awaitUp(b);
  }

  @AfterAll
  void stopEverything() throws Exception {
    for (Node n : new Node[] {b, a}) {
      if (n != null && n.process().isAlive()) {
        n.process().destroy();
        if (!n.process().waitFor(60, TimeUnit.SECONDS)) {
          n.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    }
    if (database != null) {
      try (Connection c = DriverManager.getConnection(adminUrl(), "postgres", "");
           Statement s = c.createStatement()) {
        s.execute("drop database if exists " + database + " with (force)");
      }
    }
    if (embedded != null) {
      embedded.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  @Order(0)
  void eachNodeMarksTheWebappSessionsItIssuesForStickyRouting() {
    for (Node n : List.of(a, b)) {
      HttpResponse<String> r = get(n, "demo", "/camunda/app/tasklist/default/");
      assertThat(r.headers().allValues("Set-Cookie")).as(n.name())
          .anyMatch(c -> c.matches("JSESSIONID=[0-9A-F]+\\." + n.name() + ";.*"));
    }
  }

  @Test
  @Order(1)
  void intakeThroughBothNodesEscalatesEveryPastDueCaseExactlyOnce() throws Exception {
    List<String> numbers = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<String>> posted = new ArrayList<>();
      for (int k = 0; k < 12; k++) {
        Node via = k % 2 == 0 ? a : b;
        int seq = k;
        posted.add(pool.submit(() -> {
          HttpResponse<String> r = post(via, "operator", "/api/appeals", pastDueAppeal("first-" + seq));
          assertThat(r.statusCode()).as("intake through %s: %s", via.name(), r.body()).isEqualTo(201);
          return JSON.readTree(r.body()).get("number").asText();
        }));
      }
      for (var f : posted) {
        numbers.add(f.get(2, TimeUnit.MINUTES));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(new HashSet<>(numbers)).hasSize(12);

    await("every case escalated", Duration.ofMinutes(3), () -> numbers.stream().allMatch(this::escalatedOnce));
    awaitJobsDone();
    Map<String, Integer> breachesInTheOverdueList = breachesInTheOverdueList();
    for (String n : numbers) {
      assertEscalatedExactlyOnce(n, breachesInTheOverdueList);
    }
    // Each node answers for the cases registered through the other one.
    for (String n : numbers) {
      assertThat(get(a, "demo", "/api/appeals/" + n).statusCode()).isEqualTo(200);
      assertThat(get(b, "demo", "/api/appeals/" + n).statusCode()).isEqualTo(200);
    }
  }

  @Test
  @Order(2)
  void aNodeKilledMidLoadLosesNoAcknowledgedAppealAndTheOtherTakesOverItsJobs() throws Exception {
    Map<String, String> acknowledged = new ConcurrentHashMap<>(); // number -> node that answered 201
    Map<String, AtomicInteger> refused = Map.of("node-a", new AtomicInteger(), "node-b", new AtomicInteger());
    AtomicBoolean stop = new AtomicBoolean();
    AtomicBoolean killed = new AtomicBoolean();
    AtomicInteger seq = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    for (int c = 0; c < 4; c++) {
      clients.submit(() -> {
        while (!stop.get()) {
          int k = seq.incrementAndGet();
          Node via = killed.get() || k % 2 == 1 ? b : a;
          try {
            HttpResponse<String> r = post(via, "operator", "/api/appeals", pastDueAppeal("load-" + k));
            if (r.statusCode() == 201) {
              acknowledged.put(JSON.readTree(r.body()).get("number").asText(), via.name());
            } else {
              refused.get(via.name()).incrementAndGet();
            }
          } catch (IOException e) { // the killed node's connections: never acknowledged
            refused.get(via.name()).incrementAndGet();
          }
        }
        return null;
      });
    }
    List<String> stranded;
    try {
      // Kill node a while it holds locked jobs that it has not executed yet, after it acknowledged some intakes.
      await("node a holds locked jobs", Duration.ofMinutes(3), () ->
          acknowledged.containsValue("node-a") && lockedBy("node-a").size() >= 3);
      a.process().destroyForcibly(); // SIGKILL: no shutdown hook, no unlocking, open transactions die with it
      assertThat(a.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
      killed.set(true);
      stranded = lockedBy("node-a");
      Thread.sleep(3_000); // the survivor keeps taking appeals
    } finally {
      stop.set(true);
      clients.shutdown();
      assertThat(clients.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
    }
    long byA = acknowledged.values().stream().filter("node-a"::equals).count();
    System.out.printf("[two nodes] acknowledged %d (node a %d, node b %d), refused by node a %d (killed), by node b %d;"
        + " node a died holding %d locked jobs%n", acknowledged.size(), byA, acknowledged.size() - byA,
        refused.get("node-a").get(), refused.get("node-b").get(), stranded.size());
    assertThat(stranded).as("jobs node a had locked when it died").isNotEmpty();
    assertThat(acknowledged.values()).contains("node-a", "node-b");
    assertThat(refused.get("node-b").get()).as("intakes the surviving node refused").isZero();

    // Not one acknowledged appeal is lost: each is there, with its process, on the surviving node.
    for (String number : acknowledged.keySet()) {
      HttpResponse<String> r = get(b, "demo", "/api/appeals/" + number);
      assertThat(r.statusCode()).as("appeal %s acknowledged by %s", number, acknowledged.get(number)).isEqualTo(200);
      JsonNode processInstance = JSON.readTree(r.body()).get("processInstanceId");
      assertThat(processInstance.isTextual()).as("process of %s", number).isTrue();
      assertThat(get(b, "demo", "/engine-rest/process-instance/" + processInstance.asText()).statusCode())
          .as("process instance of %s", number).isEqualTo(200);
    }

    // Node b runs node a's jobs once their locks expire.
    await("node a's locked jobs taken over", Duration.ofSeconds(LOCK_MILLIS / 1000 + 120), () ->
        stranded.stream().allMatch(id -> executedBy(id).contains("node-b")));
    assertThat(lockedBy("node-a")).isEmpty();

    // ... and every past-due case, whichever node took it, is escalated exactly once.
    await("every case escalated", Duration.ofMinutes(4), () ->
        acknowledged.keySet().stream().allMatch(this::escalatedOnce));
    awaitJobsDone();
    Map<String, Integer> breachesInTheOverdueList = breachesInTheOverdueList();
    for (String number : acknowledged.keySet()) {
      assertEscalatedExactlyOnce(number, breachesInTheOverdueList);
    }
    assertThat(count(b, "/engine-rest/incident/count")).isZero();
  }

  // ---------------------------------------------------------------- what "escalated exactly once" means

  /**
   * The open escalation tasks of the case: user tasks whose key starts with {@code Task_Escalation} or that wait for the
   * RU escalation group {@code appeals-controller} (whatever the diagram calls them).
   */
  private Set<String> escalationTasks(String number) {
    Set<String> ids = new HashSet<>();
    for (JsonNode t : json(get(b, "demo", "/engine-rest/task?processInstanceBusinessKey=" + number))) {
      if (t.get("taskDefinitionKey").asText().startsWith("Task_Escalation")) {
        ids.add(t.get("id").asText());
      }
    }
    for (JsonNode t : json(get(b, "demo", "/engine-rest/task?processInstanceBusinessKey=" + number
        + "&candidateGroup=appeals-controller"))) {
      ids.add(t.get("id").asText());
    }
    return ids;
  }

  private boolean escalatedOnce(String number) {
    return !escalationTasks(number).isEmpty() && json(get(b, "demo", "/api/appeals/" + number)).get("breached")
        .asBoolean();
  }

  private void assertEscalatedExactlyOnce(String number, Map<String, Integer> breachesInTheOverdueList) {
    assertThat(escalationTasks(number)).as("open escalation tasks of %s", number).hasSize(1);
    assertThat(json(get(b, "demo", "/api/appeals/" + number)).get("breached").asBoolean()).as("breached %s", number)
        .isTrue();
    assertThat(breachesInTheOverdueList.getOrDefault(number, 0)).as("SLA breaches of %s in the overdue list", number)
        .isEqualTo(1);
  }

  /** The controller's overdue list, read once: recorded breaches per case number. */
  private Map<String, Integer> breachesInTheOverdueList() {
    Map<String, Integer> breaches = new java.util.HashMap<>();
    for (JsonNode item : json(get(b, "controller", "/api/deadlines/overdue?group=appeals-controller"))) {
      if (item.hasNonNull("breachedAt")) {
        breaches.merge(item.get("caseNumber").asText(), 1, Integer::sum);
      }
    }
    return breaches;
  }

  /** Waits until no job is due any more (reminders, breach records, e-mails), so duplicates would have appeared. */
  private void awaitJobsDone() {
    await("no due jobs left", Duration.ofMinutes(3), () -> count(b, "/engine-rest/job/count?executable=true") == 0);
  }

  // ---------------------------------------------------------------- the database and the cluster's jobs

  private void openDatabase() throws SQLException, IOException {
    DriverManager.setLoginTimeout(3);
    boolean local;
    try (Connection c = DriverManager.getConnection(adminUrl(), "postgres", "")) {
      local = c.isValid(3);
    } catch (SQLException e) {
      local = false;
    }
    if (local) {
      database = "appealdesk_two_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      try (Connection c = DriverManager.getConnection(adminUrl(), "postgres", "");
           Statement s = c.createStatement()) {
        s.execute("create database " + database);
      }
      jdbcUrl = "jdbc:postgresql://127.0.0.1:5432/" + database;
    } else {
      embedded = EmbeddedPostgres.builder().setServerConfig("max_connections", "200")
          .setServerConfig("synchronous_commit", "on").setServerConfig("timezone", "UTC").start();
      jdbcUrl = embedded.getJdbcUrl("postgres", "postgres");
    }
  }

  private static String adminUrl() {
    return "jdbc:postgresql://127.0.0.1:5432/postgres?connectTimeout=3";
  }

  /** Jobs locked by the named node (its lock owner is "{@code <node>-<random>}", see perf.ClusterNode). */
  private List<String> lockedBy(String node) {
    return ids("select id_ from act_ru_job where lock_owner_ like '" + node + "-%'");
  }

  /** The nodes that ran the job successfully (job log, host name = node name). */
  private List<String> executedBy(String jobId) {
    return ids("select hostname_ from act_hi_job_log where job_id_ = '" + jobId + "' and job_state_ = 2");
  }

  private List<String> ids(String sql) {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
         Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<String> result = new ArrayList<>();
      while (rs.next()) {
        result.add(rs.getString(1));
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- nodes

  private Node start(String jar, String name, Map<String, String> extra) throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar,
        "--spring.profiles.active=demo",
        "--server.port=" + port,
        "--server.address=127.0.0.1",
        "--appealdesk.node.name=" + name,
        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS,
        "--camunda.bpm.job-execution.wait-time-in-millis=500",
        "--camunda.bpm.job-execution.max-wait=1000",
        "--logging.structured.format.console=",
        "--logging.level.root=warn",
        "--logging.level.ru.appealdesk.perf=info"));
    extra.forEach((k, v) -> cmd.add("--" + k + "=" + v));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(logs.resolve(name + ".log").toFile());
    pb.environment().put("SPRING_DATASOURCE_URL", jdbcUrl);
    pb.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
    pb.environment().put("SPRING_DATASOURCE_PASSWORD", "");
    pb.environment().put("SMTP_HOST", "127.0.0.1");
    pb.environment().put("SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
    return new Node(name, port, pb.start());
  }

  private void awaitUp(Node n) {
    await(n.name() + " up (log in " + logs.resolve(n.name() + ".log") + ")", STARTUP, () -> {
      assertThat(n.process().isAlive()).as(n.name() + " died, see " + logs.resolve(n.name() + ".log")).isTrue();
      try {
        return HTTP.send(HttpRequest.newBuilder(URI.create(n.url() + "/actuator/health")).timeout(Duration.ofSeconds(5))
            .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    });
  }

  // ---------------------------------------------------------------- HTTP

  /** A complete phone complaint received six days ago: its one-working-day registration deadline is long over. */
  private static String pastDueAppeal(String tag) {
    OffsetDateTime received = OffsetDateTime.now(ZoneOffset.UTC).minusDays(6).withNano(0);
    String at = received.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    int n = Math.abs(tag.hashCode()) % 1_000_000;
    return """
        {"jurisdiction":"RU","type":"COMPLAINT","subject":"EMPLOYEE_CONDUCT","channel":"PHONE","language":"ru",
         "receivedAt":"%s","content":"Два узла: жалоба %s на грубость сотрудника.","demand":"Разобраться",
         "situationPlace":"офис","situationAt":"%s",
         "client":{"fullName":"Клиент Кластерный %s","phone":"+7 900 %07d","email":"c%d@two-nodes.local",
                   "postalAddress":"г. Москва, ул. Узловая, д. 1","postalCode":"101000","idDocument":"45 07 %06d"}}
        """.formatted(at, tag, received.minusDays(1).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), tag, n, n, n);
  }

  private static HttpResponse<String> post(Node n, String user, String path, String body)
      throws IOException, InterruptedException {
    return HTTP.send(request(n, user, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> get(Node n, String user, String path) {
    try {
      return HTTP.send(request(n, user, path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest.Builder request(Node n, String user, String path) {
    String token = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(n.url() + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + token).header("Accept", "application/json");
  }

  private static JsonNode json(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.uri() + ": " + r.body()).isEqualTo(200);
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static long count(Node n, String path) {
    return json(get(n, "demo", path)).get("count").asLong();
  }

  private static void await(String what, Duration timeout, BooleanSupplier condition) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for: " + what);
      }
    }
  }
}
