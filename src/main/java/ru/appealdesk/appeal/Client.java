package ru.appealdesk.appeal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;

/** A client (or third party) who writes to the company; all their appeals form one history (KZ ¶56). */
@Entity
@Table(name = "appeal_client")
public class Client {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "identity_key")
  private String identityKey;
  @Column(name = "full_name")
  private String fullName;
  private String phone;
  private String email;
  @Column(name = "postal_address")
  private String postalAddress;
  @Column(name = "postal_code")
  private String postalCode;
  @Column(name = "id_document")
  private String idDocument;
  @Column(name = "created_at")
  private Instant createdAt;
  @Column(name = "updated_at")
  private Instant updatedAt;
  /**
   * Created in this transaction (by an intake, or by a registration that completes an anonymous appeal's details), so
   * no other appeal of theirs can exist: the check need not look for the client's earlier appeals (two queries per
   * intake of a new client, issue 19). Loaded clients say false.
   */
  @Transient
  private boolean createdNow;

  protected Client() {}

  Client(String identityKey, Instant now) {
    this.identityKey = identityKey;
    this.createdAt = now;
    this.updatedAt = now;
    this.createdNow = true;
  }

  /** Whether this client was created in the current transaction (see {@link #createdNow}). */
  boolean isCreatedNow() {
    return createdNow;
  }

  /** Newer details win; a detail the client left out this time keeps its earlier value. */
  void update(ClientDetails d, Instant now) {
    if (d == null) {
      return;
    }
    fullName = pick(d.fullName(), fullName);
    phone = pick(d.phone(), phone);
    email = pick(d.email(), email);
    postalAddress = pick(d.postalAddress(), postalAddress);
    postalCode = pick(d.postalCode(), postalCode);
    idDocument = pick(d.idDocument(), idDocument);
    updatedAt = now;
  }

  private static String pick(String fresh, String old) {
    return fresh == null || fresh.isBlank() ? old : fresh.strip();
  }

  public Long getId() {
    return id;
  }

  public String getIdentityKey() {
    return identityKey;
  }

  public String getFullName() {
    return fullName;
  }

  public String getPhone() {
    return phone;
  }

  public String getEmail() {
    return email;
  }

  public String getPostalAddress() {
    return postalAddress;
  }

  public String getPostalCode() {
    return postalCode;
  }

  public String getIdDocument() {
    return idDocument;
  }
}
