package ru.appealdesk.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The linter that {@code ./mvnw verify} runs over {@code bpmn/} (exec-maven-plugin, {@code lint/.bpmnlintrc}) really
 * fails on a broken diagram and passes a correct one. Needs {@code lint/node_modules}, which the build's
 * {@code lint-install} execution creates before the tests run.
 */
class DiagramLintTest {

  private static final Path LINT = Path.of("lint").toAbsolutePath();
  private static final Path FIXTURES = Path.of("src/test/resources/lint").toAbsolutePath();

  @BeforeAll
  static void linterInstalled() {
    assertThat(LINT.resolve("node_modules/.bin/bpmnlint"))
        .as("lint/node_modules missing: run ./mvnw process-test-classes (it runs npm ci in lint/)")
        .exists();
  }

  @Test
  void brokenDiagramFailsWithEveryHouseRule() throws Exception {
    Result r = lint(FIXTURES.resolve("broken.bpmn"));

    assertThat(r.exitCode()).as(r.output()).isNotZero();
    assertThat(r.output()).contains(
        "no-disconnected",                          // bpmnlint:recommended
        "no-bpmndi",                                // bpmnlint:recommended (Modeler needs full DI)
        "camunda-compat/history-time-to-live",      // Camunda 7.24 compatibility plugin, raised to error
        "appealdesk/readable-ids",
        "appealdesk/user-task-conventions",
        "appealdesk/no-java-class",
        "appealdesk/version-tag",
        "appealdesk/execution-platform");
    assertThat(r.output()).contains("Activity_0abc123", "Task_Forgotten", "Task_Notify");
  }

  @Test
  void correctDiagramPasses() throws Exception {
    Result r = lint(FIXTURES.resolve("valid.bpmn"));

    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).doesNotContain("error");
  }

  @Test
  void everyDiagramInBpmnFolderPasses() throws Exception {
    List<Path> diagrams;
    try (var files = Files.list(Path.of("bpmn"))) {
      diagrams = files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(diagrams).isNotEmpty();
    for (Path diagram : diagrams) {
      Result r = lint(diagram.toAbsolutePath());
      assertThat(r.exitCode()).as(diagram + "\n" + r.output()).isZero();
    }
  }

  private static Result lint(Path diagram) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(LINT.resolve("node_modules/.bin/bpmnlint").toString(),
        diagram.toString()));
    Process p = new ProcessBuilder(command).directory(LINT.toFile()).redirectErrorStream(true)
        .start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("bpmnlint finished").isTrue();
    return new Result(p.exitValue(), out);
  }

  private record Result(int exitCode, String output) {}
}
