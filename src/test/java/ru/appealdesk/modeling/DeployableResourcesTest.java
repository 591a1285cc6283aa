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
      collectKeys(form.path("components"), keys);
      assertThat(form.path("components").size()).as("components of %s", f).isPositive();
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

  /** Keys of input fields, also inside groups and dynamic lists. */
  private static void collectKeys(JsonNode components, List<String> keys) {
    for (JsonNode c : components) {
      if (c.hasNonNull("key")) {
        keys.add(c.get("key").asText());
      }
      if (c.has("components")) {
        collectKeys(c.get("components"), keys);
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
