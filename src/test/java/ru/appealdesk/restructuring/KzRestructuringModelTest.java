package ru.appealdesk.restructuring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;

/** bpmn/kz-restructuring.bpmn and its forms as Camunda Modeler and Tasklist see them (no engine needed). */
class KzRestructuringModelTest {

  static final BpmnModelInstance MODEL = Bpmn.readModelFromFile(new File("bpmn/kz-restructuring.bpmn"));
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void processCarriesModelerAndHistoryAttributes() {
    Process p = MODEL.getModelElementById(RestructuringProcess.KEY);
    assertThat(p.isExecutable()).isTrue();
    assertThat(p.getCamundaHistoryTimeToLiveString()).isNotBlank();
    assertThat(p.getCamundaVersionTag()).isNotBlank();
    String root = MODEL.getDocument().getRootElement().getAttribute(
        "http://camunda.org/schema/modeler/1.0", "executionPlatformVersion");
    assertThat(root).isEqualTo("7.24.0");
  }

  @Test
  void everyElementHasDiagramInterchangeAndAReadableId() {
    Map<String, Boolean> drawn = new LinkedHashMap<>();
    MODEL.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.put(s.getBpmnElement().getId(), true));
    for (BpmnEdge e : MODEL.getModelElementsByType(BpmnEdge.class)) {
      assertThat(e.getWaypoints()).as(e.getId()).hasSizeGreaterThanOrEqualTo(2);
      drawn.put(e.getBpmnElement().getId(), true);
    }
    List<BaseElement> elements = new ArrayList<>(MODEL.getModelElementsByType(FlowNode.class));
    elements.addAll(MODEL.getModelElementsByType(SequenceFlow.class));
    for (BaseElement el : elements) {
      assertThat(drawn).as("DI of " + el.getId()).containsKey(el.getId());
      assertThat(el.getId()).as("readable id").matches("(Task|Event|Gateway|Timer|End|StartEvent|Flow|SubProcess)_[A-Z][A-Za-z0-9]+")
          .doesNotMatch(".*_[0-9a-z]{7}$");
    }
  }

  /** The checks a form cannot express, declared on their task in the diagram (issue 15: no switch on task ids). */
  static final Map<String, String> BUSINESS_CHECKS = Map.of(
      "Task_ReviewApplication", "${restructuringReviewCheck}",
      "Task_RemindAboutDocuments", "${restructuringSuspensionCheck}",
      "Task_PrepareDecision", "${restructuringDecisionCheck}",
      "Task_ApproveDecision", "${restructuringApprovalCheck}",
      "Task_DeliverDecision", "${restructuringDeliveryCheck}",
      "Task_NotifyRefusalBy76", "${restructuringRefusalNoticeCheck}",
      "Task_RecordOmbudsmanDecision", "${restructuringOmbudsmanCheck}",
      "Task_ExecuteOmbudsmanDecision", "${recordOmbudsmanExecution}",
      "Task_EscalationDecision", "${recordEscalation}",
      "Task_EscalationOmbudsmanExecution", "${recordEscalation}");

  @Test
  void everyUserTaskHasACandidateGroupADueDateItsNamedChecksAndARussianFormInTheRepository() throws Exception {
    Collection<UserTask> tasks = MODEL.getModelElementsByType(UserTask.class);
    assertThat(tasks).hasSizeGreaterThanOrEqualTo(10);
    for (UserTask t : tasks) {
      assertThat(t.getCamundaCandidateGroups()).as(t.getId()).isNotBlank();
      assertThat(t.getCamundaDueDate()).as(t.getId()).isNotBlank();
      assertThat(t.getCamundaFormRefBinding()).as(t.getId()).isEqualTo("deployment");
      List<String> listeners = MODEL.getModelElementsByType(CamundaTaskListener.class).stream()
          .filter(l -> l.getParentElement().getParentElement() == t).map(CamundaTaskListener::getCamundaDelegateExpression)
          .toList();
      String expected = BUSINESS_CHECKS.get(t.getId());
      assertThat(listeners).as("named checks of " + t.getId())
          .isEqualTo(expected == null ? List.of() : List.of(expected));
      assertForm(t.getCamundaFormRef(), t.getId());
    }
    assertThat(tasks).extracting(UserTask::getId).containsAll(BUSINESS_CHECKS.keySet());
    StartEvent start = MODEL.getModelElementById("StartEvent_ApplicationReceived");
    assertForm(start.getCamundaFormRef(), start.getId());
  }

  @Test
  void noKzFormShowsARawDateToEmployees() throws Exception {
    // a read-only Date variable renders as ISO text ("2026-12-01T18:59:59.000+0000"): forms show <date>Text instead,
    // filled by the process in the local time of Almaty
    for (File file : new File("forms").listFiles((d, n) -> n.startsWith("form-kz-"))) {
      for (JsonNode c : JSON.readTree(file).get("components")) {
        boolean shown = c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false);
        if (shown && c.has("key")) {
          assertThat(c.get("key").asText()).as(file.getName() + " " + c.path("label").asText()).doesNotEndWith("At");
          assertThat(c.path("type").asText()).as(file.getName() + " " + c.get("key").asText()).isNotEqualTo("datetime");
        }
      }
    }
  }

  @Test
  void noFieldHiddenByAConditionCarriesBrowserValidation() throws Exception {
    // issue 18: form-js keeps the error of a field that is hidden afterwards, and Tasklist then keeps «Complete»
    // disabled with no visible message; what such a field needs is checked on the server instead
    for (File file : new File("forms").listFiles((d, n) -> n.startsWith("form-kz-"))) {
      for (JsonNode c : JSON.readTree(file).get("components")) {
        if (c.has("conditional") && c.has("key")) {
          JsonNode validate = c.path("validate");
          assertThat(validate.path("required").asBoolean(false) || validate.has("minLength") || validate.has("min")
              || validate.has("pattern") || validate.has("max") || validate.has("maxLength"))
              .as(file.getName() + " " + c.get("key") + " is hidden by a condition and validated").isFalse();
        }
      }
    }
  }

  @Test
  void theFormsSpeakOfAnEmergencyIncidentNotOnlyADeclaredStateOfEmergency() throws Exception {
    for (File file : new File("forms").listFiles((d, n) -> n.startsWith("form-kz-"))) {
      String text = java.nio.file.Files.readString(file.toPath());
      assertThat(text).as(file.getName()).doesNotContain("чрезвычайного положения").doesNotContain("ЧП»");
    }
    JsonNode emergency = component(read("form-kz-restructuring-start"), "emergencyAffected");
    assertThat(emergency.get("label").asText()).contains("чрезвычайного происшествия");
    assertThat(component(read("form-kz-review-application"), "requestedDocuments").has("validate")).isFalse();
  }

  @Test
  void decisionFormListsTheParagraph69OptionsWithTheSameRussianLabels() throws Exception {
    Map<String, String> checklists = Map.of("form-kz-prepare-decision", "decisionOptions",
        "form-kz-restructuring-start", "requestedOptions", "form-kz-review-application", "requestedOptionsList");
    for (Map.Entry<String, String> e : checklists.entrySet()) {
      String form = e.getKey();
      JsonNode options = component(read(form), e.getValue());
      assertThat(options.get("type").asText()).isEqualTo("checklist");
      Map<String, String> listed = new LinkedHashMap<>();
      options.get("values").forEach(v -> listed.put(v.get("value").asText(), v.get("label").asText()));
      assertThat(listed.keySet()).containsExactlyElementsOf(RestructuringOption.allCodes());
      listed.values().forEach(l -> assertThat(l).matches(".*[А-Яа-я].*"));
    }
    JsonNode type = component(read("form-kz-prepare-decision"), "decisionType");
    assertThat(type.get("values").findValuesAsText("value")).containsExactly("AGREEMENT", "COUNTER_PROPOSAL", "REFUSAL");
  }

  private static void assertForm(String formRef, String element) throws Exception {
    assertThat(formRef).as(element).startsWith("form-kz-");
    JsonNode form = read(formRef);
    assertThat(form.get("id").asText()).isEqualTo(formRef);
    assertThat(form.get("type").asText()).isEqualTo("default");
    assertThat(form.get("executionPlatform").asText()).isEqualTo("Camunda Platform");
    assertThat(form.get("executionPlatformVersion").asText()).isEqualTo("7.24.0");
    boolean required = false;
    for (JsonNode c : form.get("components")) {
      if (c.has("label")) {
        assertThat(c.get("label").asText()).as(formRef + " " + c.get("key")).matches(".*[А-Яа-я].*");
      }
      required |= c.path("validate").path("required").asBoolean(false);
    }
    assertThat(required).as(formRef + " has a required field").isTrue();
    if (!formRef.equals("form-kz-restructuring-start")) {
      for (String essential : List.of("caseNumber", "contractNumber", "borrowerFullName", "receivedAtText",
          "decisionDueAtText")) {
        assertThat(component(form, essential).get("readonly").asBoolean()).as(formRef + " " + essential).isTrue();
      }
    }
  }

  private static JsonNode read(String formRef) throws Exception {
    return JSON.readTree(new File("forms/" + formRef + ".form"));
  }

  private static JsonNode component(JsonNode form, String key) {
    for (JsonNode c : form.get("components")) {
      if (key.equals(c.path("key").asText())) {
        return c;
      }
    }
    throw new AssertionError("no field " + key + " in " + form.get("id"));
  }
}
