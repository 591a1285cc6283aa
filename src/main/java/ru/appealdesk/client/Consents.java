package ru.appealdesk.client;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.appealdesk.casefile.CaseFile;

/**
 * Consents to personal-data processing given on the public page: the case, when, which version of which sentence
 * (its SHA-256, so the exact text can be proven later), in which language. No personal data is stored here.
 */
@Component
class Consents {

  record Consent(String caseNumber, Instant givenAt, String version, String textSha256, String language) {}

  private final JdbcClient jdbc;

  Consents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the consent of a new appeal; a repeated form (same appeal) keeps the first record. */
  void record(String caseNumber, Instant givenAt, String version, String text, String language) {
    jdbc.sql("""
            insert into client_consent (case_number, given_at, consent_version, text_sha256, language, channel)
            values (:caseNumber, :givenAt, :version, :sha, :language, 'WEBSITE')
            on conflict (case_number) do nothing""")
        .param("caseNumber", caseNumber)
        .param("givenAt", OffsetDateTime.ofInstant(givenAt, ZoneOffset.UTC))
        .param("version", version)
        .param("sha", CaseFile.sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .param("language", language)
        .update();
  }

  Optional<Consent> find(String caseNumber) {
    return jdbc.sql("""
            select case_number, given_at, consent_version, text_sha256, language from client_consent
            where case_number = :caseNumber""")
        .param("caseNumber", caseNumber)
        .query((rs, i) -> new Consent(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
            rs.getString(3), rs.getString(4), rs.getString(5)))
        .optional();
  }
}
