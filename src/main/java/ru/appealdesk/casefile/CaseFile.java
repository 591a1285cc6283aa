package ru.appealdesk.casefile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import ru.appealdesk.platform.BadRequestException;

/**
 * The electronic case file (SPEC §3.11): documents of a case in PostgreSQL with content type, size, SHA-256 and
 * uploader. Keyed by the case number only, so appeals, restructurings and letters share it.
 */
@Service
public class CaseFile {

  private static final String COLUMNS =
      "id, case_number, kind, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at";

  private final JdbcClient jdbc;
  private final CaseFileProperties properties;
  private final UploadTypes types;

  CaseFile(JdbcClient jdbc, CaseFileProperties properties, UploadTypes types) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.types = types;
  }

  /**
   * Files an upload after checking its size and type; 413 when too large, 400 when the type is not allowed or the
   * bytes are not what the client said ({@link UploadTypes}). The stored content type is the detected one.
   */
  @Transactional
  public CaseDocument upload(String caseNumber, DocumentKind kind, String fileName, String contentType, byte[] content,
      String uploadedBy) {
    if (kind == DocumentKind.ANSWER) {
      throw new BadRequestException("kind", "ответ клиенту формируется системой при отправке, его нельзя загрузить");
    }
    if (content == null || content.length == 0) {
      throw new BadRequestException("file", "файл пустой или не передан");
    }
    if (content.length > properties.maxSize().toBytes()) {
      throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
          "Файл больше допустимого размера (" + properties.maxSize().toMegabytes() + " МБ)");
    }
    String type = types.check(safeFileName(fileName), contentType, content, properties.allowedTypes());
    return store(caseNumber, kind, fileName, type, content, uploadedBy);
  }

  /** Files a document the application produced itself (answer PDF, signed letter): no upload limits apply. */
  @Transactional
  public CaseDocument store(String caseNumber, DocumentKind kind, String fileName, String contentType,
      byte[] content, String uploadedBy) {
    String name = safeFileName(fileName);
    String sha256 = sha256(content);
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into case_document (case_number, kind, file_name, content_type, size_bytes, sha256, uploaded_by,
                                       content)
            values (:caseNumber, :kind, :fileName, :contentType, :size, :sha256, :uploadedBy, :content)""")
        .param("caseNumber", caseNumber)
        .param("kind", kind.name())
        .param("fileName", name)
        .param("contentType", contentType)
        .param("size", (long) content.length)
        .param("sha256", sha256)
        .param("uploadedBy", uploadedBy == null ? "system" : uploadedBy)
        .param("content", content)
        .update(keys, "id");
    long id = keys.getKey().longValue();
    return find(caseNumber, id).orElseThrow();
  }

  @Transactional(readOnly = true)
  public List<CaseDocument> list(String caseNumber) {
    return jdbc.sql("select " + COLUMNS + " from case_document where case_number = :caseNumber order by id")
        .param("caseNumber", caseNumber)
        .query(CaseFile::document)
        .list();
  }

  @Transactional(readOnly = true)
  public Optional<CaseDocument> find(String caseNumber, long id) {
    return jdbc.sql("select " + COLUMNS + " from case_document where case_number = :caseNumber and id = :id")
        .param("caseNumber", caseNumber)
        .param("id", id)
        .query(CaseFile::document)
        .optional();
  }

  @Transactional(readOnly = true)
  public Optional<byte[]> content(String caseNumber, long id) {
    return jdbc.sql("select content from case_document where case_number = :caseNumber and id = :id")
        .param("caseNumber", caseNumber)
        .param("id", id)
        .query((rs, n) -> rs.getBytes(1))
        .optional();
  }

  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Bidirectional-text controls and invisible characters that make {@code exe.pdf} look like {@code fdp.exe}. */
  private static final String INVISIBLE = "[\\u202A-\\u202E\\u2066-\\u2069\\u200B-\\u200F\\u061C\\uFEFF\\u2028\\u2029]";

  /**
   * The name as stored and shown: no path, no control, bidi or invisible characters, no quotes, at most 255 bytes
   * (the column); the extension is kept when the name is shortened.
   */
  static String safeFileName(String fileName) {
    if (fileName == null || fileName.isBlank()) {
      return "document";
    }
    String name = fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll(INVISIBLE, "")
        .replaceAll("[\\p{Cntrl}\\u0080-\\u009F\"]", "_").strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      return "document";
    }
    if (name.getBytes(StandardCharsets.UTF_8).length <= 255) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
    String base = name.substring(0, dot > 0 && !extension.isEmpty() ? dot : name.length());
    while ((base + extension).getBytes(StandardCharsets.UTF_8).length > 255) {
      base = base.substring(0, base.length() - 1);
    }
    return base + extension;
  }

  private static CaseDocument document(ResultSet rs, int row) throws SQLException {
    Timestamp at = rs.getTimestamp("uploaded_at");
    return new CaseDocument(rs.getLong("id"), rs.getString("case_number"), DocumentKind.valueOf(rs.getString("kind")),
        rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
        rs.getString("uploaded_by"), at.toInstant());
  }
}
