package ru.appealdesk.casefile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders plain text (answers, letters) to an A4 PDF with DejaVu Sans embedded, so Russian and Kazakh Cyrillic render
 * everywhere. Lines are wrapped to the page width; pages are added as needed.
 */
@Component
public class PdfRenderer {

  private static final String FONT = "fonts/DejaVuSans.ttf";
  private static final float MARGIN = 56;
  private static final float FONT_SIZE = 11;
  private static final float TITLE_SIZE = 13;
  private static final float LEADING = 1.45f * FONT_SIZE;

  /** @param title first line, a little larger; {@code text} paragraphs are separated by line breaks */
  public byte[] render(String title, String text) {
    try (PDDocument doc = new PDDocument(); InputStream fontFile = new ClassPathResource(FONT).getInputStream()) {
      PDType0Font font = PDType0Font.load(doc, fontFile, true);
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(title);
      info.setProducer("Appeal Desk");
      new Writer(doc, font).title(printable(font, title)).text(printable(font, text == null ? "" : text)).close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("PDF could not be rendered", e);
    }
  }

  /** Replaces characters the font has no glyph for (emoji, rare scripts) so rendering never fails on them. */
  private static String printable(PDType0Font font, String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      String ch = new String(Character.toChars(cp));
      if (cp == '\n' || cp == '\t') {
        out.append(ch);
        return;
      }
      try {
        font.encode(ch);
        out.append(Character.isISOControl(cp) ? " " : ch);
      } catch (IOException | IllegalArgumentException e) {
        out.append('?');
      }
    });
    return out.toString();
  }

  private static final class Writer {
    private final PDDocument doc;
    private final PDType0Font font;
    private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private PDPageContentStream stream;
    private float y;

    Writer(PDDocument doc, PDType0Font font) throws IOException {
      this.doc = doc;
      this.font = font;
      newPage();
    }

    Writer title(String title) throws IOException {
      for (String line : wrap(title, TITLE_SIZE)) {
        line(line, TITLE_SIZE);
      }
      y -= LEADING;
      return this;
    }

    Writer text(String text) throws IOException {
      for (String paragraph : text.replace("\r", "").split("\n", -1)) {
        for (String line : wrap(paragraph, FONT_SIZE)) {
          line(line, FONT_SIZE);
        }
      }
      return this;
    }

    void close() throws IOException {
      stream.close();
    }

    private void line(String line, float size) throws IOException {
      if (y < MARGIN + LEADING) {
        stream.close();
        newPage();
      }
      if (!line.isEmpty()) {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(MARGIN, y);
        stream.showText(line);
        stream.endText();
      }
      y -= LEADING;
    }

    private void newPage() throws IOException {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      stream = new PDPageContentStream(doc, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private List<String> wrap(String paragraph, float size) throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      for (String word : paragraph.replace('\t', ' ').split(" ", -1)) {
        String candidate = current.isEmpty() ? word : current + " " + word;
        if (width(candidate, size) <= width || current.isEmpty()) {
          current.setLength(0);
          current.append(candidate);
        } else {
          lines.add(current.toString());
          current.setLength(0);
          current.append(word);
        }
      }
      lines.add(current.toString());
      return lines;
    }

    private float width(String s, float size) throws IOException {
      return font.getStringWidth(s) / 1000 * size;
    }
  }
}
