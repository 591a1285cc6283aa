package ru.appealdesk.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What process owners edit in Camunda Modeler and the application deploys: every {@code dmn/*.dmn} parses with the
 * engine's DMN parser and keeps Modeler's layout, every {@code forms/*.form} is a Camunda Form whose id is its file
 * name, and every form a diagram refers to exists. (Diagrams themselves are checked by bpmnlint: DiagramLintTest.)
 */
class DeployableResourcesTest {

  private static final String DMNDI_NS = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
  private static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";
  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyDecisionFileParses() throws IOException {
    return files("dmn", ".dmn").stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      List<DmnDecision> decisions;
      try (InputStream in = Files.newInputStream(f)) {
        decisions = DMN.parseDecisions(in);
      }
      assertThat(decisions).as("decisions in %s", f).isNotEmpty();

      DmnModelInstance model = Dmn.readModelFromFile(f.toFile());
      for (Decision d : model.getModelElementsByType(Decision.class)) {
        assertThat(d.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of %s", d.getId()).isNotBlank();
        assertThat(d.getVersionTag()).as("versionTag of %s", d.getId()).isNotBlank();
      }
      Document dom = dom(f);
      Element root = dom.getDocumentElement();
      assertThat(root.getAttributeNS(MODELER_NS, "executionPlatform")).as("executionPlatform").isEqualTo("Camunda Platform");
      assertThat(root.getAttributeNS(MODELER_NS, "executionPlatformVersion")).isEqualTo("7.24.0");
      Set<String> drawn = new HashSet<>();
      NodeList shapes = dom.getElementsByTagNameNS(DMNDI_NS, "DMNShape");
      for (int i = 0; i < shapes.getLength(); i++) {
        drawn.add(((Element) shapes.item(i)).getAttribute("dmnElementRef"));
      }
      for (Decision d : model.getModelElementsByType(Decision.class)) {
        assertThat(drawn).as("DMNDI shape of decision %s in %s", d.getId(), f).contains(d.getId());
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyFormIsACamundaFormNamedLikeItsFile() throws IOException {
    return files("forms", ".form").stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      JsonNode form = JSON.readTree(f.toFile());
      String name = f.getFileName().toString().replaceFirst("\\.form$", "");
      assertThat(form.path("id").asText()).as("id of %s", f).isEqualTo(name);
      assertThat(form.path("type").asText()).isEqualTo("default");
      assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
      assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
      assertThat(form.path("schemaVersion").isInt()).as("schemaVersion").isTrue();
      List<String> keys = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      collect(form.path("components"), keys, ids);
      assertThat(form.path("components").size()).as("components of %s", f).isPositive();
      // form-js refuses to render a form whose component ids repeat; repeated keys overwrite each other
      assertThat(ids).as("component ids of %s", f).doesNotHaveDuplicates();
      assertThat(keys).as("field keys of %s", f).doesNotHaveDuplicates();
    }));
  }

  @Test
  void everyFormReferencedByADiagramExists() throws IOException {
    Set<String> forms = new HashSet<>();
    for (Path f : files("forms", ".form")) {
      forms.add(f.getFileName().toString().replaceFirst("\\.form$", ""));
    }
    List<String> references = new ArrayList<>();
    for (Path f : files("bpmn", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(f.toFile());
      model.getModelElementsByType(UserTask.class).stream()
          .map(UserTask::getCamundaFormRef).filter(r -> r != null).forEach(references::add);
      model.getModelElementsByType(StartEvent.class).stream()
          .map(StartEvent::getCamundaFormRef).filter(r -> r != null).forEach(references::add);
    }
    assertThat(references).isNotEmpty();
    assertThat(forms).containsAll(references);
  }

  /**
   * Camunda Forms submit every keyed field that is not disabled, read-only ones included, and Tasklist sends a date
   * back as text. A read-only field named like a date that a due date or timer computes with would turn that variable into
   * a String and break the expression when the timer is created (HTTP 500 on "Complete").
   */
  @Test
  void noReadOnlyFieldOverwritesADateThatTimersUse() throws Exception {
    Set<String> dates = new HashSet<>();
    for (Path f : files("bpmn", ".bpmn")) {
      Matcher m = DATE_EXPRESSION.matcher(Files.readString(f));
      while (m.find()) {
        dates.add(m.group(1) != null ? m.group(1) : m.group(2));
      }
    }
    assertThat(dates).isNotEmpty();
    List<String> offending = new ArrayList<>();
    for (Path f : files("forms", ".form")) {
      List<JsonNode> fields = new ArrayList<>();
      flatten(JSON.readTree(f.toFile()).path("components"), fields);
      fields.stream().filter(c -> dates.contains(c.path("key").asText()) && c.path("readonly").asBoolean()
          && !c.path("disabled").asBoolean())
          .forEach(c -> offending.add(f.getFileName() + ": " + c.path("key").asText()));
    }
    assertThat(offending).as("show such dates in a disabled field or under another key (answerDueAtText)").isEmpty();
  }

  /** {@code ${answerDueAt}} as a whole due date/timer, or the date argument of a {@code deadlines} call. */
  private static final Pattern DATE_EXPRESSION = Pattern.compile(
      "(?:dueDate|followUpDate|timeDate)[^$<]{0,60}\\$\\{(\\w+)\\}|deadlines\\.(?:due|reminder|afterInformation)\\(\\s*\\w+\\s*,\\s*(\\w+)");

  private static void flatten(JsonNode components, List<JsonNode> out) {
    for (JsonNode c : components) {
      out.add(c);
      if (c.has("components")) {
        flatten(c.get("components"), out);
      }
    }
  }

  /** Keys of input fields and ids of all components, also inside groups and dynamic lists. */
  private static void collect(JsonNode components, List<String> keys, List<String> ids) {
    for (JsonNode c : components) {
      if (c.hasNonNull("key")) {
        keys.add(c.get("key").asText());
      }
      if (c.hasNonNull("id")) {
        ids.add(c.get("id").asText());
      }
      if (c.has("components")) {
        collect(c.get("components"), keys, ids);
      }
    }
  }

  static List<Path> files(String folder, String extension) throws IOException {
    try (Stream<Path> s = Files.list(Path.of(folder))) {
      List<Path> found = s.filter(p -> p.toString().endsWith(extension)).sorted().toList();
      assertThat(found).as("%s/*%s", folder, extension).isNotEmpty();
      return found;
    }
  }

  private static Document dom(Path f) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(f.toFile());
  }
}
