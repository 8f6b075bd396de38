package de.amtsweg.blocks.notice;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDVectorFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Finds text drawn with the .notdef glyph (glyph id 0), which PDF/A-2/3 forbids (ISO 19005-2, 6.2.11.8)
 * and which a reader sees as an empty box.
 */
final class NotdefGlyphFinder extends PDFTextStripper {

  private final List<String> notdef = new ArrayList<>();

  private NotdefGlyphFinder() {
    super();
  }

  static List<String> find(PDDocument document) throws IOException {
    NotdefGlyphFinder finder = new NotdefGlyphFinder();
    finder.writeText(document, Writer.nullWriter());
    return finder.notdef;
  }

  @Override
  protected void processTextPosition(TextPosition text) {
    PDFont font = text.getFont();
    int[] codes = text.getCharacterCodes();
    try {
      for (int code : codes) {
        int gid = font instanceof PDType0Font type0 ? type0.codeToGID(code) : -1;
        boolean hasGlyph = font instanceof PDVectorFont vector ? vector.hasGlyph(code) : true;
        if (gid == 0 || !hasGlyph) {
          notdef.add(text.getUnicode() + " (code " + code + ", font " + font.getName() + ")");
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
