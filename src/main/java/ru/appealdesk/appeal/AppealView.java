package ru.appealdesk.appeal;

import java.util.Arrays;
import java.util.List;
import ru.appealdesk.deadline.CaseClocks;
import ru.appealdesk.deadline.Jurisdiction;
import ru.appealdesk.deadline.SlaBreach;

/**
 * {@code GET /api/appeals/{number}}: the appeal with its routing, deadlines (ISO-8601 with offset), history, the rules
 * that decided it and the legal basis. Fields of the first version are kept as they were.
 */
public record AppealView(
    String number, String jurisdiction, String type, String typeText, String subject, String channel,
    String language, String receivedAt, ClientView client, String content, String demand, String situationPlace,
    String situationAt, String contractNumber, boolean writtenAnswerRequested,
    String status, String statusText, String registeredAt, String responsibleGroup, String coExecutorGroup,
    String approvalGroup, String answerMethod, String deliveredByGroup, String answerDueAt, boolean breached,
    List<String> missingDetails,
    String informationRequest, String refusalGround, String refusalReason, String answerOutcome, String answerText,
    String deliveredAt, String deliveryProof, String closedAt, String processInstanceId,
    List<History> history, List<ConclusionView> conclusions, List<Information> information, List<Task> openTasks,
    String subjectText, String registrationMode, String legalDeadlineAt, boolean deadlineProvisional,
    String discoveredAt, String reason, java.math.BigDecimal claimAmount, RegulatorView regulator,
    String answerSignedBy, List<String> legalBasis, List<RuleView> rules, List<BreachView> breaches,
    List<DeadlineEvent> deadlineHistory) {

  public record ClientView(String fullName, String phone, String email, String postalAddress, String postalCode,
      String idDocument) {}

  public record History(String status, String statusText, String at, String note) {}

  public record ConclusionView(String group, String author, String text, String at) {}

  public record Information(String receivedAt, String note, String attachments) {}

  public record Task(String id, String taskDefinitionKey, String name, List<String> candidateGroups, String assignee,
      String due) {}

  /** The regulator that forwarded the complaint, and the copy of the answer sent back to it. */
  public record RegulatorView(String authority, String reference, String forwardedAt, String copySentAt,
      String copyProof) {}

  /** A definition that decided the appeal (issue 17). */
  public record RuleView(String kind, String key, int version, String versionTag, String deployedAt) {}

  /** A breached clock: which step and group held the case. */
  public record BreachView(String clock, String step, String stepName, String group, String heldBy, String dueAt,
      String breachedAt) {}

  /** A move of a deadline (started, suspended, extended, resumed, recomputed, stopped). */
  public record DeadlineEvent(String clock, String event, String at, String dueAt, String note) {}

  static AppealView of(Appeal a, List<StatusEntry> history, List<Conclusion> conclusions,
      List<InformationReceipt> information, List<Task> openTasks, List<SlaBreach> breaches, List<AppealRule> rules,
      List<CaseClocks.ClockEvent> clockEvents, String subjectText) {
    Jurisdiction j = a.getJurisdiction();
    Client c = a.getClient();
    return new AppealView(a.getNumber(), j.name(), a.getType().name(), a.getType().russianName(), a.getSubject(),
        a.getChannel().name(), a.getLanguage(), AppealTexts.iso(a.getReceivedAt(), j),
        c == null ? null : new ClientView(c.getFullName(), c.getPhone(), c.getEmail(), c.getPostalAddress(),
            c.getPostalCode(), c.getIdDocument()),
        a.getContent(), a.getDemand(), a.getSituationPlace(), AppealTexts.iso(a.getSituationAt(), j),
        a.getContractNumber(), a.isWrittenAnswerRequested(), a.getStatus().name(), a.getStatus().text(),
        AppealTexts.iso(a.getRegisteredAt(), j), a.getResponsibleGroup(), a.getCoExecutorGroup(),
        a.getApprovalGroup(), a.getAnswerMethod(), a.getDeliveredByGroup(), AppealTexts.iso(a.getAnswerDueAt(), j),
        !breaches.isEmpty(), AppealSteps.groups(a.getMissingDetails()), a.getInformationRequest(),
        a.getRefusalGround(), a.getRefusalReason(), a.getAnswerOutcome(), a.getAnswerText(),
        AppealTexts.iso(a.getDeliveredAt(), j), a.getDeliveryProof(), AppealTexts.iso(a.getClosedAt(), j),
        a.getProcessInstanceId(),
        history.stream().map(h -> new History(h.getStatus().name(), h.getStatus().text(),
            AppealTexts.iso(h.getAt(), j), h.getNote())).toList(),
        conclusions.stream().map(k -> new ConclusionView(k.getGroupId(), k.getAuthor(), k.getText(),
            AppealTexts.iso(k.getAt(), j))).toList(),
        information.stream().map(i -> new Information(AppealTexts.iso(i.getReceivedAt(), j), i.getNote(),
            i.getAttachments())).toList(),
        openTasks, subjectText, a.getRegistrationMode(), AppealTexts.iso(a.getLegalDeadlineAt(), j),
        a.isDeadlineProvisional(), AppealTexts.iso(a.getDiscoveredAt(), j), a.getApplicationReason(),
        a.getClaimAmount(),
        a.getRegulatorAuthority() == null ? null : new RegulatorView(a.getRegulatorAuthority(),
            a.getRegulatorReference(), AppealTexts.iso(a.getRegulatorForwardedAt(), j),
            AppealTexts.iso(a.getRegulatorCopySentAt(), j), a.getRegulatorCopyProof()),
        a.getAnswerSignedBy(),
        a.getLegalBasis() == null ? List.of() : Arrays.stream(a.getLegalBasis().split("; ")).toList(),
        rules.stream().map(r -> new RuleView(r.getKind(), r.getKey(), r.getVersion(), r.getVersionTag(),
            AppealTexts.iso(r.getDeployedAt(), j))).toList(),
        breaches.stream().map(b -> new BreachView(b.getClock(), b.getStep(), b.getStepName(), b.getGroupId(),
            b.getHeldBy(), AppealTexts.iso(b.getDueAt(), j), AppealTexts.iso(b.getBreachedAt(), j))).toList(),
        clockEvents.stream().map(e -> new DeadlineEvent(e.clock(), e.event(), AppealTexts.iso(e.at(), j),
            AppealTexts.iso(e.dueAt(), j), e.note())).toList());
  }
}
