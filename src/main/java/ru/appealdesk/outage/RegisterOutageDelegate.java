package ru.appealdesk.outage;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${registerOutage}}: re-checks what the start form or the API submitted, opens the outage record with its
 * message in both languages, and hands the texts to every channel task as variables.
 */
@Component("registerOutage")
class RegisterOutageDelegate implements JavaDelegate {

  private final OutageService outages;
  private final OutageProperties properties;

  RegisterOutageDelegate(OutageService outages, OutageProperties properties) {
    this.outages = outages;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OutageReport report = OutageReport.parse(execution.getVariable("what"), execution.getVariable("whatKk"),
        execution.getVariable("since"), execution.getVariable("affectedChannels"),
        execution.getVariable("expectedRecovery"));
    Outage outage = outages.open(report, execution.getProcessInstanceId());
    execution.setProcessBusinessKey(outage.number());
    execution.setVariable("outageNumber", outage.number());
    execution.setVariable("what", report.what());
    execution.setVariable("expectedRecovery", report.expectedRecovery());
    execution.setVariable("since", Date.from(report.since()));
    execution.setVariable("sinceText", OutageMessages.localTime(report.since(), properties.zone()));
    execution.setVariable("affectedChannelsText",
        String.join(", ", report.affectedChannels().stream().map(c -> c.label("ru")).toList()));
    execution.setVariable("outageMessageRu", outage.messageRu());
    execution.setVariable("outageMessageKk", outage.messageKk());
    execution.setVariable("siteWorks", !report.affects(AffectedChannel.WEBSITE));
    execution.setVariable("cabinetWorks", !report.affects(AffectedChannel.PERSONAL_CABINET));
    var sroRequest = outages.sroRequest(report, outage);
    execution.setVariable("sroLetterSubject", sroRequest.subject());
    execution.setVariable("sroLetterBody", sroRequest.body());
    execution.setVariable("sroRecipientName", properties.sroName());
    execution.setVariable("sroRecipientAddress", properties.sroAddress());
  }
}
