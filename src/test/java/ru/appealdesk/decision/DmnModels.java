package ru.appealdesk.decision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Description;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import ru.appealdesk.support.Http;

/** The tables of {@code dmn/} as a process owner would change them in Modeler, and Modeler's deploy call. */
final class DmnModels {

  private DmnModels() {}

  /** The table as shipped in {@code dmn/<key>.dmn}. */
  static DmnModelInstance shipped(String key) {
    try (InputStream in = DmnModels.class.getResourceAsStream("/dmn/" + key + ".dmn")) {
      if (in == null) {
        throw new IllegalStateException("dmn/" + key + ".dmn is not on the classpath");
      }
      return Dmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shipped table with one output cell changed, e.g. {@code Out_Complaint_LoanTerms_DeadlineDays} to {@code 20}. */
  static DmnModelInstance withCell(String key, String outputEntryId, String text) {
    DmnModelInstance model = shipped(key);
    OutputEntry entry = model.getModelElementById(outputEntryId);
    if (entry == null) {
      throw new IllegalArgumentException("no output entry " + outputEntryId + " in " + key);
    }
    entry.getText().setTextContent(text);
    return model;
  }

  /**
   * The shipped table with one more row inserted above {@code beforeRuleId}, as a process owner adds it in Modeler:
   * one cell per input and output column, in the table's order, with a Russian annotation.
   */
  static DmnModelInstance withRuleBefore(String key, String beforeRuleId, String ruleId, String annotation,
      List<String> inputs, List<String> outputs) {
    DmnModelInstance model = shipped(key);
    Rule before = model.getModelElementById(beforeRuleId);
    DecisionTable table = (DecisionTable) before.getParentElement();
    if (inputs.size() != table.getInputs().size() || outputs.size() != table.getOutputs().size()) {
      throw new IllegalArgumentException("one cell per column: " + table.getInputs().size() + " inputs, "
          + table.getOutputs().size() + " outputs");
    }
    Rule rule = model.newInstance(Rule.class);
    rule.setId(ruleId);
    Description description = model.newInstance(Description.class);
    description.setTextContent(annotation);
    rule.setDescription(description);
    for (int i = 0; i < inputs.size(); i++) {
      InputEntry entry = model.newInstance(InputEntry.class);
      entry.setId("In_" + ruleId + "_" + i);
      entry.setText(text(model, inputs.get(i)));
      rule.getInputEntries().add(entry);
    }
    for (int i = 0; i < outputs.size(); i++) {
      OutputEntry entry = model.newInstance(OutputEntry.class);
      entry.setId("Out_" + ruleId + "_" + i);
      entry.setText(text(model, outputs.get(i)));
      rule.getOutputEntries().add(entry);
    }
    table.insertElementAfter(rule, previous(table, before));
    return model;
  }

  private static Text text(DmnModelInstance model, String content) {
    Text text = model.newInstance(Text.class);
    text.setTextContent(content);
    return text;
  }

  private static Rule previous(DecisionTable table, Rule rule) {
    Rule previous = null;
    for (Rule r : table.getRules()) {
      if (r == rule || r.getId().equals(rule.getId())) {
        return previous;
      }
      previous = r;
    }
    throw new IllegalArgumentException("rule not in table: " + rule.getId());
  }

  static byte[] bytes(DmnModelInstance model) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Dmn.writeModelToStream(out, model);
    return out.toByteArray();
  }

  /** {@code POST /engine-rest/deployment/create} as multipart/form-data, the request Camunda Modeler 5 sends. */
  static HttpResponse<String> deployAsModeler(Http http, String deploymentName, String fileName, byte[] content) {
    String boundary = "----ModelerBoundary" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    field(body, boundary, "deployment-name", deploymentName);
    field(body, boundary, "deployment-source", "Camunda Modeler");
    field(body, boundary, "deploy-changed-only", "true");
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName + "\"; filename=\""
        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    body.writeBytes(content);
    write(body, "\r\n--" + boundary + "--\r\n");
    return http.send(http.request("/engine-rest/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
  }

  private static void write(ByteArrayOutputStream body, String text) {
    body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
