package ru.appealdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.appealdesk.support.Http;

/**
 * Issue 14, "done when": the built jar on the default embedded PostgreSQL (a data folder of its own, random ports, no
 * demo profile) takes an appeal, its JVM is killed with SIGKILL, and it starts again on the same folder: up, the
 * appeal still there, the orphaned postmaster of the first run gone. Outside the demo profile Camunda's password policy
 * holds. Runs in the failsafe phase ({@code appealdesk.jar} is the built jar).
 */
class EmbeddedPostgresCrashSlowIT {

  private static final String ADMIN = "crashadmin";
  private static final String PASSWORD = "Crash-Test-Pa55word!";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Process> started = new ArrayList<>();
  private Path folder;

  @AfterEach
  void stopEverything() throws Exception {
    for (Process p : started) {
      if (p.isAlive()) {
        p.destroyForcibly();
        p.waitFor();
      }
    }
    if (folder != null) {
      Path data = folder.resolve("postgres");
      Optional<Long> pid = OrphanedPostmaster.pid(data.resolve(OrphanedPostmaster.PID_FILE));
      pid.flatMap(ProcessHandle::of).filter(h -> OrphanedPostmaster.servesFolder(h, data)).ifPresent(h -> {
        signal(h.pid(), "INT");
        h.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join();
      });
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  @Test
  void theApplicationSurvivesSigkillOnItsEmbeddedDatabaseWithAllData() throws Exception {
    Path jar = Path.of(System.getProperty("appealdesk.jar", "target/appeal-desk-0.1.0-SNAPSHOT.jar"));
    assertThat(jar).exists();
    folder = Files.createTempDirectory("appealdesk-crash");
    Path data = folder.resolve("postgres");

    int port = freePort();
    Process first = start(jar, data, port, folder.resolve("first.log"));
    Http admin = Http.as("http://localhost:" + port, ADMIN, PASSWORD);
    awaitUp(first, port, folder.resolve("first.log"));

    HttpResponse<String> intake = admin.postJson("/api/appeals", """
        {"jurisdiction":"RU","type":"COMPLAINT","subject":"LOAN_TERMS","channel":"EMAIL",
         "receivedAt":"2026-11-20T10:00:00+03:00","language":"ru",
         "client":{"fullName":"Иванов Иван","phone":"+7 900 123-45-67","email":"ivanov@example.ru",
                   "postalAddress":"г. Тула, ул. Ленина, д. 1","postalCode":"300000","idDocument":"45 07 123456"},
         "content":"Начислены пени сверх условий договора.","demand":"Пересчитать",
         "situationPlace":"офис","situationAt":"2026-11-18T12:00:00+03:00","contractNumber":"ДЗ-1"}""");
    assertThat(intake.statusCode()).as(intake.body()).isEqualTo(201);
    String number = JSON.readTree(intake.body()).get("number").asText();

    // outside the demo profile Camunda's password policy applies
    HttpResponse<String> weak = admin.postJson("/engine-rest/user/create",
        "{\"profile\":{\"id\":\"weakling\",\"firstName\":\"Слабый\",\"lastName\":\"Пароль\"},"
            + "\"credentials\":{\"password\":\"1\"}}");
    assertThat(weak.statusCode()).as(weak.body()).isNotEqualTo(200).isNotEqualTo(204);
    assertThat(weak.body()).contains("Password does not match policy"); // Camunda REST's own answer

    long postmaster = OrphanedPostmaster.pid(data.resolve(OrphanedPostmaster.PID_FILE)).orElseThrow();
    first.destroyForcibly(); // SIGKILL: no shutdown hook, no chance to stop the database
    first.waitFor();
    assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive))
        .as("the crash leaves the postmaster running (the situation to recover from)").hasValue(true);

    int secondPort = freePort();
    Process second = start(jar, data, secondPort, folder.resolve("second.log"));
    awaitUp(second, secondPort, folder.resolve("second.log"));
    assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false))
        .as("the orphaned postmaster was stopped").isFalse();

    HttpResponse<String> again = Http.as("http://localhost:" + secondPort, ADMIN, PASSWORD)
        .get("/api/appeals/" + number);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    JsonNode appeal = JSON.readTree(again.body());
    assertThat(appeal.get("client").get("fullName").asText()).isEqualTo("Иванов Иван");
    assertThat(appeal.get("responsibleGroup").asText()).isEqualTo("legal");
    assertThat(Files.readString(folder.resolve("second.log"))).contains("crashed application");

    second.destroy(); // SIGTERM: a clean stop stops the database too
    assertThat(second.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    Optional<Long> left = OrphanedPostmaster.pid(data.resolve(OrphanedPostmaster.PID_FILE));
    assertThat(left.flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false))
        .as("no postgres left after a clean stop").isFalse();
  }

  private Process start(Path jar, Path data, int port, Path log) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx768m", "-XX:+UseSerialGC", "-jar", jar.toAbsolutePath().toString(),
        "--server.port=" + port,
        "--appealdesk.embedded-postgres.data-dir=" + data, "--appealdesk.embedded-postgres.port=0",
        "--spring.mail.port=" + freePort(), "--logging.structured.format.console=")
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().remove("SPRING_DATASOURCE_URL");
    pb.environment().put("CAMUNDA_BPM_ADMINUSER_ID", ADMIN);
    pb.environment().put("CAMUNDA_BPM_ADMINUSER_PASSWORD", PASSWORD);
    Process p = pb.start();
    started.add(p);
    return p;
  }

  private static void awaitUp(Process app, int port, Path log) throws Exception {
    Instant until = Instant.now().plus(START_TIMEOUT);
    Http anonymous = Http.anonymous("http://localhost:" + port);
    while (Instant.now().isBefore(until)) {
      if (!app.isAlive()) {
        throw new AssertionError("the application ended with " + app.exitValue() + ":\n" + tail(log));
      }
      try {
        HttpResponse<String> health = anonymous.get("/actuator/health");
        if (health.statusCode() == 200 && health.body().contains("UP")) {
          return;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("not up within " + START_TIMEOUT + ":\n" + tail(log));
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void signal(long pid, String signal) {
    try {
      new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
