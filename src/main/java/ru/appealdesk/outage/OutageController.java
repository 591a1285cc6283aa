package ru.appealdesk.outage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.appealdesk.platform.PlainText;
import ru.appealdesk.platform.PlausibleDate;

/** {@code /api/outages}: report an outage (starts the playbook) and read its record with the linked appeals. */
@RestController
@RequestMapping("/api/outages")
class OutageController {

  static final String PROCESS_KEY = "outage-communication";

  private final RuntimeService runtime;
  private final OutageService outages;
  private final ObjectMapper json;

  OutageController(RuntimeService runtime, OutageService outages, ObjectMapper json) {
    this.runtime = runtime;
    this.outages = outages;
    this.json = json;
  }

  /** The same groups that may start the playbook from Tasklist (identity seeding), and the administrators. */
  @PostMapping
  @PreAuthorize("hasAnyAuthority('GROUP_appeals-controller','GROUP_marketing','GROUP_contact-center',"
      + "'GROUP_regional-network-head','GROUP_camunda-admin')")
  ResponseEntity<Started> report(@Valid @RequestBody(required = false) OutageRequest request, Authentication user)
      throws JsonProcessingException {
    OutageRequest r = request != null ? request : new OutageRequest(null, null, null, null, null);
    OutageReport report = OutageReport.parse(r.what(), r.whatKk(), r.since(), r.affectedChannels(),
        r.expectedRecovery());
    VariableMap variables = Variables.createVariables()
        .putValue("what", report.what())
        .putValue("whatKk", report.whatKk())
        .putValue("since", Date.from(report.since()))
        .putValue("affectedChannels", SpinValues.jsonValue(
            json.writeValueAsString(report.affectedChannels().stream().map(Enum::name).toList())).create())
        .putValue("expectedRecovery", report.expectedRecovery())
        .putValue("initiator", user.getName());
    ProcessInstanceWithVariables pi = runtime.createProcessInstanceByKey(PROCESS_KEY)
        .setVariables(variables)
        .executeWithVariablesInReturn();
    String number = pi.getVariables().getValue("outageNumber", String.class);
    return ResponseEntity.created(URI.create("/api/outages/" + number)).body(new Started(number, pi.getId()));
  }

  @GetMapping("/{number}")
  @PreAuthorize("hasAnyAuthority('GROUP_appeals-controller','GROUP_marketing','GROUP_contact-center',"
      + "'GROUP_regional-network-head','GROUP_internet-marketer','GROUP_legal','GROUP_client-rights-officer',"
      + "'GROUP_camunda-admin')")
  OutageView get(@PathVariable String number) {
    Outage o = outages.get(number);
    return new OutageView(o.number(), o.status().name(), o.what(), o.since(), o.affectedChannels(),
        o.expectedRecovery(), o.messageRu(), o.messageKk(), o.restoredAt(), o.restoredMessageRu(),
        o.restoredMessageKk(), o.processInstanceId(), outages.appeals(number));
  }

  /** {@code since} is taken as text so a bad value is reported against its field. */
  record OutageRequest(@PlainText(multiLine = true) String what, @PlainText(multiLine = true) String whatKk,
      @PlausibleDate(notFuture = true) String since,
      @Size(max = 20, message = "не больше 20 каналов")
      List<@Size(max = 64, message = "не длиннее 64 символов") String> affectedChannels,
      @PlainText String expectedRecovery) {}

  record Started(String number, String processInstanceId) {}

  record OutageView(String number, String status, String what, Instant since, List<String> affectedChannels,
      String expectedRecovery, String messageRu, String messageKk, Instant restoredAt, String restoredMessageRu,
      String restoredMessageKk, String processInstanceId, List<Outage.LinkedAppeal> appeals) {}
}
