package ru.appealdesk.casefile;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/** Real files of the types a case file accepts, and the ones it must refuse, made in memory. */
public final class SampleFiles {

  private SampleFiles() {}

  public static byte[] pdf(int pages) {
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int i = 0; i < pages; i++) {
        doc.addPage(new PDPage());
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] png() {
    return image("png");
  }

  public static byte[] jpeg() {
    return image("jpg");
  }

  private static byte[] image(String format) {
    BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    img.setRGB(1, 1, 0xFF0000);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(img, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A minimal Office Open XML word document (the container Word writes). */
  public static byte[] docx() {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
      entry(zip, "[Content_Types].xml", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
          <Default Extension="xml" ContentType="application/xml"/>
          <Override PartName="/word/document.xml"
           ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
          </Types>""");
      entry(zip, "_rels/.rels", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
           Target="word/document.xml"/></Relationships>""");
      entry(zip, "word/document.xml", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>
          <w:t>Заявление</w:t></w:r></w:p></w:body></w:document>""");
      zip.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  /** The start of a Windows executable (MZ header, PE signature), padded. */
  public static byte[] exe() {
    byte[] b = new byte[1024];
    new Random(7).nextBytes(b);
    b[0] = 'M';
    b[1] = 'Z';
    b[0x3C] = (byte) 0x80;
    b[0x3D] = 0;
    b[0x3E] = 0;
    b[0x3F] = 0;
    b[0x80] = 'P';
    b[0x81] = 'E';
    b[0x82] = 0;
    b[0x83] = 0;
    return b;
  }

  public static byte[] svgWithScript() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script>
        <rect width="10" height="10"/></svg>""".getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] html() {
    return "<!DOCTYPE html><html><head><script>fetch('/engine-rest/user')</script></head><body>Привет</body></html>"
        .getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
