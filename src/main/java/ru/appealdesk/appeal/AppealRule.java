package ru.appealdesk.appeal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A definition that decided an appeal: the process version and every decision table version (issue 17). */
@Entity
@Table(name = "appeal_rule")
public class AppealRule {

  /** Ids in blocks of 50 from the column's sequence (V12), so the rows of one routing are inserted as one batch. */
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "appeal_rule_ids")
  @SequenceGenerator(name = "appeal_rule_ids", sequenceName = "appeal_rule_id_seq", allocationSize = 50)
  private Long id;
  @Column(name = "appeal_id")
  private Long appealId;
  private String kind;
  @Column(name = "definition_key")
  private String key;
  private int version;
  @Column(name = "version_tag")
  private String versionTag;
  @Column(name = "deployed_at")
  private Instant deployedAt;
  @Column(name = "definition_id")
  private String definitionId;

  protected AppealRule() {}

  AppealRule(Long appealId, String kind, String key, int version, String versionTag, Instant deployedAt,
      String definitionId) {
    this.appealId = appealId;
    this.kind = kind;
    this.key = key;
    this.version = version;
    this.versionTag = versionTag;
    this.deployedAt = deployedAt;
    this.definitionId = definitionId;
  }

  public String getKind() {
    return kind;
  }

  public String getKey() {
    return key;
  }

  public int getVersion() {
    return version;
  }

  public String getVersionTag() {
    return versionTag;
  }

  public Instant getDeployedAt() {
    return deployedAt;
  }

  public String getDefinitionId() {
    return definitionId;
  }
}
