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
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders answers and letters to A4 PDFs with DejaVu Sans embedded, so Russian and Kazakh Cyrillic (ә ғ қ ң ө ұ ү һ і)
 * render everywhere. {@link #render(PdfLetter)} lays out a letter on the company's letterhead: logo, name and
 * requisites; references (number, date) on the left and the addressee on the right; the subject, the text, the
 * signatory's position and name; page numbers when the letter runs over one page. Lines wrap to the width; pages are
 * added as needed.
 */
@Component
public class PdfRenderer {

  private static final Logger log = LoggerFactory.getLogger(PdfRenderer.class);
  private static final String FONT = "fonts/DejaVuSans.ttf";
  private static final String BOLD_FONT = "fonts/DejaVuSans-Bold.ttf";
  private static final float MARGIN = 56;
  private static final float TOP = 40;
  private static final float BOTTOM = 60;
  private static final float FONT_SIZE = 11;
  private static final float TITLE_SIZE = 13;
  private static final float SMALL_SIZE = 8;
  private static final float LEADING = 1.45f * FONT_SIZE;
  private static final float LOGO_HEIGHT = 56;
  private static final float LOGO_MAX_WIDTH = 120;
  private static final float GREY = 0.33f;

  /** A plain document: {@code title} a little larger, {@code text} paragraphs separated by line breaks. */
  public byte[] render(String title, String text) {
    return render(new PdfLetter(title, null, null, null, title, text, null, null));
  }

  /** A letter on the letterhead (see {@link PdfLetter}); parts that are null or empty are left out. */
  public byte[] render(PdfLetter letter) {
    try (PDDocument doc = new PDDocument();
        InputStream regular = new ClassPathResource(FONT).getInputStream();
        InputStream bold = new ClassPathResource(BOLD_FONT).getInputStream()) {
      PDType0Font font = PDType0Font.load(doc, regular, true);
      PDType0Font boldFont = PDType0Font.load(doc, bold, true);
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(letter.documentTitle());
      info.setProducer("Appeal Desk");
      Writer w = new Writer(doc, font, boldFont);
      if (letter.letterhead() != null) {
        w.letterhead(letter.letterhead());
      }
      w.columns(letter.references(), letter.addressee());
      w.title(letter.title(), letter.letterhead() != null);
      w.text(letter.body());
      if (letter.signature() != null) {
        w.signature(letter.signature());
      }
      w.close();
      if (doc.getNumberOfPages() > 1 && letter.pageLabel() != null) {
        w.pageNumbers(letter.pageLabel());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("PDF could not be rendered", e);
    }
  }

  /** Replaces characters the font has no glyph for (emoji, rare scripts) so rendering never fails on them. */
  private static String printable(PDType0Font font, String text) {
    if (text == null) {
      return "";
    }
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
    private final PDType0Font bold;
    private final float left = MARGIN;
    private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private PDPageContentStream stream;
    private float y;

    Writer(PDDocument doc, PDType0Font font, PDType0Font bold) throws IOException {
      this.doc = doc;
      this.font = font;
      this.bold = bold;
      newPage();
    }

    void letterhead(PdfLetter.Letterhead head) throws IOException {
      float top = y + LEADING - 8;
      float textLeft = left;
      float logoBottom = top;
      PDImageXObject logo = logo(head.logo());
      if (logo != null) {
        float scale = Math.min(LOGO_HEIGHT / logo.getHeight(), LOGO_MAX_WIDTH / logo.getWidth());
        float w = logo.getWidth() * scale;
        float h = logo.getHeight() * scale;
        stream.drawImage(logo, left, top - h, w, h);
        textLeft = left + w + 14;
        logoBottom = top - h;
      }
      float textWidth = left + width - textLeft;
      float ty = top - 12;
      for (String line : wrap(printable(font, head.name()), bold, 12, textWidth)) {
        show(bold, 12, textLeft, ty, line);
        ty -= 15;
      }
      ty -= 1;
      stream.setNonStrokingColor(GREY, GREY, GREY);
      for (String detail : head.details()) {
        for (String line : wrap(printable(font, detail), font, SMALL_SIZE, textWidth)) {
          show(font, SMALL_SIZE, textLeft, ty, line);
          ty -= SMALL_SIZE * 1.4f;
        }
      }
      stream.setNonStrokingColor(0f, 0f, 0f);
      float bottom = Math.min(ty + SMALL_SIZE * 1.4f, logoBottom) - 8;
      stream.setStrokingColor(0.2f, 0.35f, 0.6f);
      stream.setLineWidth(1.2f);
      stream.moveTo(left, bottom);
      stream.lineTo(left + width, bottom);
      stream.stroke();
      stream.setStrokingColor(0f, 0f, 0f);
      y = bottom - 22;
    }

    /** References on the left, the addressee on the right, side by side. */
    void columns(List<String> references, List<String> addressee) throws IOException {
      if (references.isEmpty() && addressee.isEmpty()) {
        return;
      }
      float size = 10;
      float leading = size * 1.4f;
      float columnWidth = width * 0.46f;
      float rightX = left + width - columnWidth;
      float ly = y;
      for (String ref : references) {
        for (String line : wrap(printable(font, ref), font, size, columnWidth)) {
          show(font, size, left, ly, line);
          ly -= leading;
        }
      }
      float ry = y;
      for (String to : addressee) {
        for (String line : wrap(printable(font, to), font, size, columnWidth)) {
          show(font, size, rightX, ry, line);
          ry -= leading;
        }
      }
      y = Math.min(ly, ry) - LEADING;
    }

    void title(String title, boolean centred) throws IOException {
      if (title == null || title.isBlank()) {
        return;
      }
      for (String line : wrap(printable(font, title), bold, TITLE_SIZE, width)) {
        room(LEADING);
        float x = centred ? left + (width - textWidth(bold, line, TITLE_SIZE)) / 2 : left;
        show(bold, TITLE_SIZE, x, y, line);
        y -= LEADING;
      }
      y -= LEADING * 0.6f;
    }

    void text(String text) throws IOException {
      for (String paragraph : printable(font, text).replace("\r", "").split("\n", -1)) {
        for (String line : wrap(paragraph, font, FONT_SIZE, width)) {
          room(LEADING);
          if (!line.isEmpty()) {
            show(font, FONT_SIZE, left, y, line);
          }
          y -= LEADING;
        }
      }
    }

    /** The position on the left, the full name on the right of its last line; kept together on one page. */
    void signature(PdfLetter.Signature signature) throws IOException {
      List<String> position = signature.position() == null || signature.position().isBlank() ? List.of()
          : wrap(printable(font, signature.position()), font, FONT_SIZE, width * 0.55f);
      room(LEADING * (position.size() + 2));
      y -= LEADING;
      for (int i = 0; i < position.size(); i++) {
        show(font, FONT_SIZE, left, y, position.get(i));
        if (i < position.size() - 1) {
          y -= LEADING;
        }
      }
      String name = printable(font, signature.name());
      if (!name.isBlank()) {
        show(font, FONT_SIZE, left + width - textWidth(font, name, FONT_SIZE), y, name);
      }
      y -= LEADING;
    }

    /** «Страница 1 из 3» at the foot of every page, once the number of pages is known. */
    void pageNumbers(String label) throws IOException {
      int pages = doc.getNumberOfPages();
      for (int i = 0; i < pages; i++) {
        PDPage page = doc.getPage(i);
        String text = printable(font, label.replace("{page}", Integer.toString(i + 1))
            .replace("{pages}", Integer.toString(pages)));
        try (PDPageContentStream footer = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
            true, true)) {
          footer.setNonStrokingColor(GREY, GREY, GREY);
          footer.beginText();
          footer.setFont(font, SMALL_SIZE + 1);
          footer.newLineAtOffset(left + (width - textWidth(font, text, SMALL_SIZE + 1)) / 2, BOTTOM / 2);
          footer.showText(text);
          footer.endText();
        }
      }
    }

    void close() throws IOException {
      stream.close();
    }

    private PDImageXObject logo(byte[] bytes) {
      if (bytes == null || bytes.length == 0) {
        return null;
      }
      try {
        return PDImageXObject.createFromByteArray(doc, bytes, "logo");
      } catch (IOException | IllegalArgumentException e) {
        // a stored logo that PDFBox cannot read must not stop an answer from going out
        log.warn("Company logo could not be drawn, letter rendered without it: {}", e.getClass().getSimpleName());
        return null;
      }
    }

    private void room(float needed) throws IOException {
      if (y - needed < BOTTOM - LEADING) {
        stream.close();
        newPage();
      }
    }

    private void show(PDType0Font f, float size, float x, float atY, String line) throws IOException {
      if (line.isEmpty()) {
        return;
      }
      stream.beginText();
      stream.setFont(f, size);
      stream.newLineAtOffset(x, atY);
      stream.showText(line);
      stream.endText();
    }

    private void newPage() throws IOException {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      stream = new PDPageContentStream(doc, page);
      y = PDRectangle.A4.getHeight() - TOP - LEADING;
    }

    private static List<String> wrap(String paragraph, PDType0Font f, float size, float maxWidth) throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      for (String word : paragraph.replace('\t', ' ').split(" ", -1)) {
        String candidate = current.isEmpty() ? word : current + " " + word;
        if (textWidth(f, candidate, size) <= maxWidth || current.isEmpty()) {
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

    private static float textWidth(PDType0Font f, String s, float size) throws IOException {
      return f.getStringWidth(s) / 1000 * size;
    }
  }
}
