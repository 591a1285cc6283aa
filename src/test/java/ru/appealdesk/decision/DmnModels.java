package ru.appealdesk.decision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
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
