package ru.appealdesk.appeal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.hibernate.annotations.NaturalId;
import ru.appealdesk.deadline.Jurisdiction;

/** An appeal (обращение): what came in, how it is routed, where it stands and how it was answered. */
@Entity
@Table(name = "appeal")
public class Appeal {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  /** The case number: set once at intake, never changed (Hibernate resolves it from the session, see AppealByNumber). */
  @NaturalId
  private String number;
  @Enumerated(EnumType.STRING)
  private Jurisdiction jurisdiction;
  @Enumerated(EnumType.STRING)
  @Column(name = "appeal_type")
  private AppealType type;
  private String subject;
  @Enumerated(EnumType.STRING)
  private Channel channel;
  private String language;
  @Column(name = "received_at")
  private Instant receivedAt;
  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "client_id")
  private Client client;
  private String content;
  private String demand;
  @Column(name = "situation_place")
  private String situationPlace;
  @Column(name = "situation_at")
  private Instant situationAt;
  @Column(name = "contract_number")
  private String contractNumber;
  @Column(name = "written_answer_requested")
  private boolean writtenAnswerRequested;
  @Enumerated(EnumType.STRING)
  private AppealStatus status;
  @Column(name = "registered_at")
  private Instant registeredAt;
  @Column(name = "responsible_group")
  private String responsibleGroup;
  @Column(name = "co_executor_group")
  private String coExecutorGroup;
  @Column(name = "approval_group")
  private String approvalGroup;
  @Column(name = "answer_method")
  private String answerMethod;
  @Column(name = "delivered_by_group")
  private String deliveredByGroup;
  @Column(name = "answer_due_at")
  private Instant answerDueAt;
  @Column(name = "missing_details")
  private String missingDetails;
  @Column(name = "information_request")
  private String informationRequest;
  @Column(name = "refusal_ground")
  private String refusalGround;
  @Column(name = "refusal_reason")
  private String refusalReason;
  @Column(name = "answer_outcome")
  private String answerOutcome;
  @Column(name = "answer_text")
  private String answerText;
  @Column(name = "delivered_at")
  private Instant deliveredAt;
  @Column(name = "delivery_proof")
  private String deliveryProof;
  @Column(name = "closed_at")
  private Instant closedAt;
  @Column(name = "process_instance_id")
  private String processInstanceId;
  @Column(name = "idempotency_key")
  private String idempotencyKey;
  @Column(name = "request_hash")
  private String requestHash;
  @Column(name = "status_token")
  private String statusToken;
  @Column(name = "created_at")
  private Instant createdAt;
  @Column(name = "discovered_at")
  private Instant discoveredAt;
  @Column(name = "application_reason")
  private String applicationReason;
  @Column(name = "claim_amount")
  private java.math.BigDecimal claimAmount;
  @Column(name = "regulator_authority")
  private String regulatorAuthority;
  @Column(name = "regulator_reference")
  private String regulatorReference;
  @Column(name = "regulator_forwarded_at")
  private Instant regulatorForwardedAt;
  @Column(name = "registration_mode")
  private String registrationMode;
  @Column(name = "legal_deadline_at")
  private Instant legalDeadlineAt;
  @Column(name = "deadline_provisional")
  private boolean deadlineProvisional;
  @Column(name = "legal_basis")
  private String legalBasis;
  @Column(name = "answer_signed_by")
  private String answerSignedBy;
  @Column(name = "regulator_copy_proof")
  private String regulatorCopyProof;
  @Column(name = "regulator_copy_sent_at")
  private Instant regulatorCopySentAt;
  /**
   * Whether the rules that routed the appeal are recorded ({@code appeal_rule}), as far as this transaction knows: false
   * for an appeal created in it, true once they are written; null (ask the table) for an appeal loaded from it. Saves
   * the intake a query (issue 19).
   */
  @Transient
  private Boolean rulesRecorded;

  protected Appeal() {}

  Appeal(String number, Jurisdiction jurisdiction, AppealType type, String subject, Channel channel, String language,
      Instant receivedAt, Client client, String statusToken, Instant now) {
    this.number = number;
    this.jurisdiction = jurisdiction;
    this.type = type;
    this.subject = subject;
    this.channel = channel;
    this.language = language;
    this.receivedAt = receivedAt;
    this.client = client;
    this.statusToken = statusToken;
    this.status = AppealStatus.RECEIVED;
    this.createdAt = now;
    this.rulesRecorded = false;
  }

  /** See {@link #rulesRecorded}: null when this transaction does not know. */
  Boolean rulesRecordedKnown() {
    return rulesRecorded;
  }

  void rulesRecorded() {
    this.rulesRecorded = true;
  }

  void describe(String content, String demand, String situationPlace, Instant situationAt, String contractNumber,
      boolean writtenAnswerRequested) {
    this.content = content;
    this.demand = demand;
    this.situationPlace = situationPlace;
    this.situationAt = situationAt;
    this.contractNumber = contractNumber;
    this.writtenAnswerRequested = writtenAnswerRequested;
  }

  /** Details a registrar or the client added later; a missing value keeps the old one. */
  void complete(String demand, String situationPlace, Instant situationAt, String contractNumber) {
    if (demand != null && !demand.isBlank()) {
      this.demand = demand.strip();
    }
    if (situationPlace != null && !situationPlace.isBlank()) {
      this.situationPlace = situationPlace.strip();
    }
    if (situationAt != null) {
      this.situationAt = situationAt;
    }
    if (contractNumber != null && !contractNumber.isBlank()) {
      this.contractNumber = contractNumber.strip();
    }
  }

  /** What the intake took beyond the text: discovery, reason, claimed amount, the regulator that forwarded it. */
  void particulars(Instant discoveredAt, String applicationReason, java.math.BigDecimal claimAmount,
      String regulatorAuthority, String regulatorReference, Instant regulatorForwardedAt) {
    this.discoveredAt = discoveredAt;
    this.applicationReason = applicationReason;
    this.claimAmount = claimAmount;
    this.regulatorAuthority = regulatorAuthority;
    this.regulatorReference = regulatorReference;
    this.regulatorForwardedAt = regulatorForwardedAt;
  }

  void registrationMode(String mode) {
    this.registrationMode = mode;
  }

  void legalBasis(String basis) {
    this.legalBasis = basis;
  }

  /** The clock moved: the answer deadline, the statutory ceiling and whether either is provisional. */
  void clock(Instant answerDueAt, Instant legalDeadlineAt, boolean provisional) {
    this.answerDueAt = answerDueAt;
    this.legalDeadlineAt = legalDeadlineAt;
    this.deadlineProvisional = provisional;
  }

  void signedBy(String userId) {
    this.answerSignedBy = userId;
  }

  void regulatorCopy(String proof, Instant at) {
    this.regulatorCopyProof = proof;
    this.regulatorCopySentAt = at;
  }

  void assignClient(Client client) {
    this.client = client;
  }

  void idempotency(String key, String requestHash) {
    this.idempotencyKey = key;
    this.requestHash = requestHash;
  }

  void routed(String responsibleGroup, String coExecutorGroup, String approvalGroup, String answerMethod,
      String deliveredByGroup, Instant answerDueAt) {
    this.responsibleGroup = responsibleGroup;
    this.coExecutorGroup = coExecutorGroup;
    this.approvalGroup = approvalGroup;
    this.answerMethod = answerMethod;
    this.deliveredByGroup = deliveredByGroup;
    this.answerDueAt = answerDueAt;
  }

  void status(AppealStatus status) {
    this.status = status;
  }

  void registered(Instant at) {
    this.registeredAt = at;
  }

  void processInstance(String id) {
    this.processInstanceId = id;
  }

  void missingDetails(String codes) {
    this.missingDetails = codes;
  }

  void informationRequested(String text) {
    this.informationRequest = text;
  }

  void answerDueAt(Instant due) {
    this.answerDueAt = due;
  }

  void refusal(String ground, String reason) {
    this.refusalGround = ground;
    this.refusalReason = reason;
  }

  void answer(String outcome, String text) {
    this.answerOutcome = outcome;
    this.answerText = text;
  }

  void delivered(Instant at, String proof) {
    this.deliveredAt = at;
    this.deliveryProof = proof;
  }

  void closed(Instant at) {
    this.closedAt = at;
  }

  public Long getId() {
    return id;
  }

  public String getNumber() {
    return number;
  }

  public Jurisdiction getJurisdiction() {
    return jurisdiction;
  }

  public AppealType getType() {
    return type;
  }

  public String getSubject() {
    return subject;
  }

  public Channel getChannel() {
    return channel;
  }

  public String getLanguage() {
    return language;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }

  public Client getClient() {
    return client;
  }

  public String getContent() {
    return content;
  }

  public String getDemand() {
    return demand;
  }

  public String getSituationPlace() {
    return situationPlace;
  }

  public Instant getSituationAt() {
    return situationAt;
  }

  public String getContractNumber() {
    return contractNumber;
  }

  public boolean isWrittenAnswerRequested() {
    return writtenAnswerRequested;
  }

  public AppealStatus getStatus() {
    return status;
  }

  public Instant getRegisteredAt() {
    return registeredAt;
  }

  public String getResponsibleGroup() {
    return responsibleGroup;
  }

  public String getCoExecutorGroup() {
    return coExecutorGroup;
  }

  public String getApprovalGroup() {
    return approvalGroup;
  }

  public String getAnswerMethod() {
    return answerMethod;
  }

  public String getDeliveredByGroup() {
    return deliveredByGroup;
  }

  public Instant getAnswerDueAt() {
    return answerDueAt;
  }

  public String getMissingDetails() {
    return missingDetails;
  }

  public String getInformationRequest() {
    return informationRequest;
  }

  public String getRefusalGround() {
    return refusalGround;
  }

  public String getRefusalReason() {
    return refusalReason;
  }

  public String getAnswerOutcome() {
    return answerOutcome;
  }

  public String getAnswerText() {
    return answerText;
  }

  public Instant getDeliveredAt() {
    return deliveredAt;
  }

  public String getDeliveryProof() {
    return deliveryProof;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public String getRequestHash() {
    return requestHash;
  }

  public String getStatusToken() {
    return statusToken;
  }

  public Instant getDiscoveredAt() {
    return discoveredAt;
  }

  public String getApplicationReason() {
    return applicationReason;
  }

  public java.math.BigDecimal getClaimAmount() {
    return claimAmount;
  }

  public String getRegulatorAuthority() {
    return regulatorAuthority;
  }

  public String getRegulatorReference() {
    return regulatorReference;
  }

  public Instant getRegulatorForwardedAt() {
    return regulatorForwardedAt;
  }

  public String getRegistrationMode() {
    return registrationMode;
  }

  public Instant getLegalDeadlineAt() {
    return legalDeadlineAt;
  }

  public boolean isDeadlineProvisional() {
    return deadlineProvisional;
  }

  public String getLegalBasis() {
    return legalBasis;
  }

  public String getAnswerSignedBy() {
    return answerSignedBy;
  }

  public String getRegulatorCopyProof() {
    return regulatorCopyProof;
  }

  public Instant getRegulatorCopySentAt() {
    return regulatorCopySentAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
