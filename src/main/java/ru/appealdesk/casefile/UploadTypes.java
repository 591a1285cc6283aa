package ru.appealdesk.casefile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.springframework.stereotype.Component;
import ru.appealdesk.platform.BadRequestException;

/**
 * What an uploaded file really is, from its bytes (Apache Tika's magic-number detection), never from what the client
 * claims. A file is accepted when its detected type is on the allow-list ({@link CaseFileProperties#allowedTypes()}),
 * the declared {@code Content-Type} (unless generic) is that type, and the name's extension does not claim another
 * one. An executable named {@code setup.pdf}, an SVG sent as {@code image/png}, HTML as text: all refused.
 *
 * <p>Office documents are containers: an OLE2 file (Word 97–2003, Excel 97–2003) or an OOXML zip is told apart by its
 * name ({@code .doc}/{@code .xls}, {@code .docx}/{@code .xlsx}) only after the bytes proved the container.
 */
@Component
public class UploadTypes {

  static final MediaType OCTET_STREAM = MediaType.OCTET_STREAM;

  private final MimeTypes types = TikaConfig.getDefaultConfig().getMimeRepository();
  private final Detector detector = types;
  private final MediaTypeRegistry registry = types.getMediaTypeRegistry();

  /** The type to store, or a 400 naming {@code file} with the reason. */
  public String check(String fileName, String declaredType, byte[] content, List<String> allowed) {
    MediaType byBytes = detect(content, null);
    MediaType withName = fileName == null || fileName.isBlank() ? byBytes : detect(content, fileName);
    MediaType detected = refine(byBytes, withName);
    String type = detected.getBaseType().toString();
    if (!allowed.contains(type)) {
      throw new BadRequestException("file", "по содержимому это «" + describe(byBytes) + "», такой тип файла не "
          + "принимается; допустимы: " + String.join(", ", allowed));
    }
    MediaType byName = nameType(fileName);
    if (byName != null && !sameFamily(byName, detected)) {
      throw new BadRequestException("file", "расширение имени файла не совпадает с содержимым: по содержимому это «"
          + type + "»");
    }
    String declared = normalise(declaredType);
    if (declared != null && !declared.equals(type) && !isAlias(declared, detected)) {
      throw new BadRequestException("file", "заявленный тип «" + declared + "» не совпадает с содержимым: «" + type
          + "»");
    }
    return type;
  }

  /** A refinement by the name counts only inside the family the bytes proved (OLE2 → .doc, OOXML zip → .docx). */
  private MediaType refine(MediaType byBytes, MediaType withName) {
    if (withName.equals(byBytes)) {
      return byBytes;
    }
    boolean container = byBytes.equals(MediaType.application("x-tika-msoffice"))
        || byBytes.equals(MediaType.application("x-tika-ooxml"));
    if (container && registry.isSpecializationOf(withName, byBytes)) {
      return withName;
    }
    if (byBytes.equals(MediaType.TEXT_PLAIN) && registry.isSpecializationOf(withName, MediaType.TEXT_PLAIN)) {
      return byBytes; // a .csv or .log is text; scripts and markup never are (their bytes say so)
    }
    return byBytes;
  }

  private MediaType detect(byte[] content, String name) {
    Metadata metadata = new Metadata();
    if (name != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    }
    try (TikaInputStream in = TikaInputStream.get(new ByteArrayInputStream(content))) {
      return detector.detect(in, metadata);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private MediaType nameType(String fileName) {
    if (fileName == null || fileName.lastIndexOf('.') < 0) {
      return null;
    }
    try {
      MediaType byName = types.getMimeType(fileName).getType();
      return OCTET_STREAM.equals(byName) ? null : byName;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private boolean sameFamily(MediaType a, MediaType b) {
    MediaType x = registry.normalize(a);
    MediaType y = registry.normalize(b);
    return x.equals(y) || registry.isSpecializationOf(x, y) || registry.isSpecializationOf(y, x)
        || (registry.isSpecializationOf(y, MediaType.TEXT_PLAIN) && registry.isSpecializationOf(x, MediaType.TEXT_PLAIN));
  }

  private boolean isAlias(String declared, MediaType detected) {
    MediaType d = MediaType.parse(declared);
    if (d == null) {
      return false;
    }
    MediaType normal = registry.normalize(d);
    return normal.equals(detected) || registry.getAliases(detected).contains(d)
        || ("text/plain".equals(detected.getBaseType().toString()) && registry.isSpecializationOf(normal,
            MediaType.TEXT_PLAIN) && !normal.getSubtype().contains("html") && !normal.getSubtype().contains("xml"));
  }

  private static String describe(MediaType type) {
    return type.getBaseType().toString();
  }

  /** The client's declared type, or null when it says nothing specific ({@code application/octet-stream}, none). */
  static String normalise(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    return type.isEmpty() || type.equals("application/octet-stream") || type.equals("binary/octet-stream")
        || type.equals("application/x-download") ? null : type;
  }
}
