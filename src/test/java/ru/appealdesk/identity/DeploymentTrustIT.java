package ru.appealdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import ru.appealdesk.support.AbstractIntegrationTest;
import ru.appealdesk.support.Http;

/**
 * Deploying code is administrator-level trust: a process owner's deployment with scripts, Java classes or expressions
 * that reach the engine is a 400 with the Russian reason; the project's own models pass; an administrator may deploy
 * code.
 */
class DeploymentTrustIT extends AbstractIntegrationTest {

  @Autowired
  DeploymentTrustPlugin plugin;
  @Autowired
  ApplicationContext context;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  ObjectMapper json;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void removeDeployments() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  DeploymentTrust trust() {
    return new DeploymentTrust(plugin::isApplicationBean, context::containsBean);
  }

  @Test
  void everyModelOfTheProjectPasses() throws Exception {
    List<Path> models;
    try (Stream<Path> files = Stream.concat(Files.list(Path.of("bpmn")), Files.list(Path.of("dmn")))) {
      models = files.toList();
    }
    assertThat(models).hasSizeGreaterThan(8);
    for (Path model : models) {
      assertThat(trust().check(model.getFileName().toString(), Files.readAllBytes(model))).as(model.toString())
          .isEmpty();
    }
  }

  @Test
  void expressionsThatReachTheEngineOrForeignBeansAreFound() {
    DeploymentTrust trust = trust();
    assertThat(trust.problem("execution.getProcessEngineServices().getIdentityService()")).isNotNull();
    assertThat(trust.problem("execution.processEngine.identityService")).isNotNull();
    assertThat(trust.problem("task.execution.processEngineServices.runtimeService")).isNotNull();
    assertThat(trust.problem("execution['processEngineServices']")).isNotNull();
    assertThat(trust.problem("identityService.createUserQuery().list()")).isNotNull();
    assertThat(trust.problem("jdbcTemplate.queryForList('select 1')")).isNotNull();
    assertThat(trust.problem("''.getClass().forName('java.lang.Runtime')")).isNotNull();
    // the application's own beans and process variables are what diagrams are made of
    assertThat(trust.problem("deadlines.workingDays(execution, 3)")).isNull();
    assertThat(trust.problem("registrarGroup != null ? registrarGroup : responsibleGroup")).isNull();
    assertThat(trust.problem("execution.setVariable('x', 'processEngine is a word')")).isNull();
  }

  @Test
  void processOwnersMayNotDeployCodeAndAreToldWhy() throws Exception {
    Http owner = Http.as(baseUrl(), "processowner", "demo");
    String key = "trust-" + UUID.randomUUID().toString().substring(0, 8);

    HttpResponse<String> script = deploy(owner, key, """
        <bpmn:scriptTask id="Task_Script" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>""");
    assertThat(script.statusCode()).as(script.body()).isEqualTo(400);
    assertThat(json.readTree(script.body()).get("message").asText()).contains("Развёртывание отклонено")
        .contains("Task_Script").contains("скрипт");

    HttpResponse<String> javaClass = deploy(owner, key, """
        <bpmn:serviceTask id="Task_Class" camunda:class="java.lang.Object"/>""");
    assertThat(javaClass.statusCode()).isEqualTo(400);
    assertThat(javaClass.body()).contains("camunda:class");

    HttpResponse<String> engine = deploy(owner, key, """
        <bpmn:serviceTask id="Task_Engine"
          camunda:expression="${execution.getProcessEngineServices().getIdentityService().createUserQuery().list()}"/>""");
    assertThat(engine.statusCode()).isEqualTo(400);
    assertThat(engine.body()).contains("getProcessEngineServices");

    HttpResponse<String> bean = deploy(owner, key, """
        <bpmn:serviceTask id="Task_Bean" camunda:expression="${identityService.createUserQuery().list()}"/>""");
    assertThat(bean.statusCode()).isEqualTo(400);
    assertThat(bean.body()).contains("identityService");

    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();

    HttpResponse<String> plain = deploy(owner, key, """
        <bpmn:serviceTask id="Task_Plain" camunda:expression="${execution.setVariable('checked', true)}"/>""");
    assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
    deployments.add(json.readTree(plain.body()).get("id").asText());
  }

  @Test
  void anAdministratorMayDeployCode() throws Exception {
    String key = "trust-admin-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> script = deploy(Http.as(baseUrl(), "demo", "demo"), key, """
        <bpmn:scriptTask id="Task_Script" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>""");
    assertThat(script.statusCode()).as(script.body()).isEqualTo(200);
    deployments.add(json.readTree(script.body()).get("id").asText());
  }

  @Test
  void processOwnersMayNotDeployBrowserCode() throws Exception {
    HttpResponse<String> html = send(Http.as(baseUrl(), "processowner", "demo"), "form.html",
        "<html><script>fetch('/engine-rest/user')</script></html>".getBytes(StandardCharsets.UTF_8));
    assertThat(html.statusCode()).isEqualTo(400);
    assertThat(html.body()).contains("HTML");
  }

  private HttpResponse<String> deploy(Http http, String key, String task) {
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://appealdesk.ru/test">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Start"/>
            %s
            <bpmn:endEvent id="End"/>
          </bpmn:process>
        </bpmn:definitions>""".formatted(key, task);
    return send(http, key + ".bpmn", bpmn.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(Http http, String fileName, byte[] content) {
    String boundary = "----trust" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
        + fileName + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName
        + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(http.request("/engine-rest/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }
}
