package de.amtsweg.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTML escaping and a deliberately tiny, safe markdown subset for the "text" component. */
final class Html {
  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");
  private static final Pattern BULLET = Pattern.compile("^\\s*[*-]\\s+(.*)$");
  private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d+\\.\\s+(.*)$");
  private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\(([^)\\s]*)\\)");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)\\s]+)\\)");
  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*|__(.+?)__");
  private static final Pattern ITALIC = Pattern.compile("(?<![*\\w])\\*(?!\\s)(.+?)\\*|(?<![_\\w])_(?!\\s)(.+?)_(?!\\w)");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern SAFE_URL =
      // no whitespace and no backslash: browsers read "/\\evil.example" as "//evil.example"
      Pattern.compile("^(https?://|mailto:|/(?![/\\\\])|#)[^\\s\\\\]*$", Pattern.CASE_INSENSITIVE);

  private Html() {}

  /** Escapes text for use in element content and in double- or single-quoted attribute values. */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        case '\u0000' -> { }
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Markdown subset: headings (shifted so that # becomes h2 — the page owns h1), paragraphs, bullet and
   * numbered lists, **bold**, *italic*, `code` and links to http(s), mailto, same-site paths and
   * anchors. Images are replaced by their alt text. Everything is escaped first, raw HTML never passes.
   */
  static String markdown(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    List<String> paragraph = new ArrayList<>();
    String listTag = null;
    for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
      Matcher h = HEADING.matcher(line.strip());
      Matcher bullet = BULLET.matcher(line);
      Matcher numbered = NUMBERED.matcher(line);
      String wantList = bullet.matches() ? "ul" : numbered.matches() ? "ol" : null;
      if (line.isBlank() || h.matches() || wantList != null) {
        flushParagraph(out, paragraph);
      }
      if (listTag != null && !listTag.equals(wantList)) {
        out.append("</").append(listTag).append('>');
        listTag = null;
      }
      if (h.matches()) {
        int level = Math.min(6, h.group(1).length() + 1);
        out.append("<h").append(level).append('>').append(inline(h.group(2).strip()))
            .append("</h").append(level).append('>');
      } else if (wantList != null) {
        if (listTag == null) {
          listTag = wantList;
          out.append('<').append(listTag).append('>');
        }
        String item = bullet.matches() ? bullet.group(1) : numbered.group(1);
        out.append("<li>").append(inline(item.strip())).append("</li>");
      } else if (!line.isBlank()) {
        paragraph.add(line.strip());
      }
    }
    flushParagraph(out, paragraph);
    if (listTag != null) {
      out.append("</").append(listTag).append('>');
    }
    return out.toString();
  }

  private static void flushParagraph(StringBuilder out, List<String> lines) {
    if (!lines.isEmpty()) {
      out.append("<p>").append(inline(String.join(" ", lines))).append("</p>");
      lines.clear();
    }
  }

  /** Inline markup on already escaped text; link targets are checked against an allow-list. */
  private static String inline(String raw) {
    String s = escape(raw.replace("\u0001", ""));
    s = IMAGE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    s = CODE.matcher(s).replaceAll("<code>$1</code>");
    List<String> links = new ArrayList<>();
    s = LINK.matcher(s).replaceAll(m -> {
      String label = emphasis(m.group(1));
      String url = m.group(2);
      String html;
      if (!SAFE_URL.matcher(url).matches()) {
        html = label;
      } else {
        String rel = url.toLowerCase().startsWith("http") ? " rel=\"noopener noreferrer\"" : "";
        html = "<a href=\"" + url + "\"" + rel + ">" + label + "</a>";
      }
      links.add(html);
      return "\u0001" + (links.size() - 1) + "\u0001";
    });
    s = emphasis(s);
    for (int i = 0; i < links.size(); i++) {
      s = s.replace("\u0001" + i + "\u0001", links.get(i));
    }
    return s;
  }

  private static String emphasis(String s) {
    s = BOLD.matcher(s).replaceAll(m ->
        Matcher.quoteReplacement("<strong>" + (m.group(1) != null ? m.group(1) : m.group(2)) + "</strong>"));
    return ITALIC.matcher(s).replaceAll(m ->
        Matcher.quoteReplacement("<em>" + (m.group(1) != null ? m.group(1) : m.group(2)) + "</em>"));
  }
}
