package ru.appealdesk.appeal;

import java.util.List;
import ru.appealdesk.deadline.Jurisdiction;

/** {@code GET /api/appeals/{number}}: the appeal with its routing, deadline (ISO-8601 with offset) and history. */
public record AppealView(
    String number, String jurisdiction, String type, String typeText, String subject, String channel,
    String language, String receivedAt, ClientView client, String content, String demand, String situationPlace,
    String situationAt, String contractNumber, boolean writtenAnswerRequested,
    String status, String statusText, String registeredAt, String responsibleGroup, String coExecutorGroup,
    String approvalGroup, String answerMethod, String deliveredByGroup, String answerDueAt, boolean breached,
    List<String> missingDetails,
    String informationRequest, String refusalGround, String refusalReason, String answerOutcome, String answerText,
    String deliveredAt, String deliveryProof, String closedAt, String processInstanceId,
    List<History> history, List<ConclusionView> conclusions, List<Information> information, List<Task> openTasks) {

  public record ClientView(String fullName, String phone, String email, String postalAddress, String postalCode,
      String idDocument) {}

  public record History(String status, String statusText, String at, String note) {}

  public record ConclusionView(String group, String author, String text, String at) {}

  public record Information(String receivedAt, String note, String attachments) {}

  public record Task(String id, String taskDefinitionKey, String name, List<String> candidateGroups, String assignee,
      String due) {}

  static AppealView of(Appeal a, List<StatusEntry> history, List<Conclusion> conclusions,
      List<InformationReceipt> information, List<Task> openTasks, boolean breached) {
    Jurisdiction j = a.getJurisdiction();
    Client c = a.getClient();
    return new AppealView(a.getNumber(), j.name(), a.getType().name(), a.getType().russianName(), a.getSubject(),
        a.getChannel().name(), a.getLanguage(), AppealTexts.iso(a.getReceivedAt(), j),
        c == null ? null : new ClientView(c.getFullName(), c.getPhone(), c.getEmail(), c.getPostalAddress(),
            c.getPostalCode(), c.getIdDocument()),
        a.getContent(), a.getDemand(), a.getSituationPlace(), AppealTexts.iso(a.getSituationAt(), j),
        a.getContractNumber(), a.isWrittenAnswerRequested(), a.getStatus().name(), a.getStatus().text(),
        AppealTexts.iso(a.getRegisteredAt(), j), a.getResponsibleGroup(), a.getCoExecutorGroup(),
        a.getApprovalGroup(), a.getAnswerMethod(), a.getDeliveredByGroup(), AppealTexts.iso(a.getAnswerDueAt(), j), breached,
        AppealService.groups(a.getMissingDetails()), a.getInformationRequest(), a.getRefusalGround(),
        a.getRefusalReason(), a.getAnswerOutcome(), a.getAnswerText(), AppealTexts.iso(a.getDeliveredAt(), j),
        a.getDeliveryProof(), AppealTexts.iso(a.getClosedAt(), j), a.getProcessInstanceId(),
        history.stream().map(h -> new History(h.getStatus().name(), h.getStatus().text(),
            AppealTexts.iso(h.getAt(), j), h.getNote())).toList(),
        conclusions.stream().map(k -> new ConclusionView(k.getGroupId(), k.getAuthor(), k.getText(),
            AppealTexts.iso(k.getAt(), j))).toList(),
        information.stream().map(i -> new Information(AppealTexts.iso(i.getReceivedAt(), j), i.getNote(),
            i.getAttachments())).toList(),
        openTasks);
  }
}
