package org.hedgesim.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** What every report must be: well-formed, complete, with a plot, and self-contained. */
public final class ReportChecks {
  static final String XHTML = "http://www.w3.org/1999/xhtml";
  static final String SVG = "http://www.w3.org/2000/svg";

  private ReportChecks() {}

  /** Parses the report with the JDK's XML parser (no DTD, no external entities): throws if malformed. */
  public static Document parse(Path html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setExpandEntityReferences(false);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(null);
    return b.parse(html.toFile());
  }

  /** Well-formed, every section present, at least one inline SVG plot in a figure, nothing from outside. */
  public static Document check(Path html) throws Exception {
    return check(html, Report.SECTIONS);
  }

  /** As {@link #check(Path)}, for a report with the given sections (a calibration's). */
  public static Document check(Path html, List<String> sectionIds) throws Exception {
    Document d = parse(html);
    assertEquals("html", d.getDocumentElement().getLocalName());
    assertEquals(XHTML, d.getDocumentElement().getNamespaceURI());
    List<String> ids = new ArrayList<>();
    NodeList sections = d.getElementsByTagNameNS(XHTML, "section");
    for (int i = 0; i < sections.getLength(); i++) ids.add(((Element) sections.item(i)).getAttribute("id"));
    assertEquals(sectionIds, ids, "the sections, in order");
    NodeList figures = d.getElementsByTagNameNS(XHTML, "figure");
    assertTrue(figures.getLength() >= 1, "at least one figure");
    Element fig = (Element) figures.item(0);
    NodeList svg = fig.getElementsByTagNameNS(SVG, "svg");
    assertEquals(1, svg.getLength(), "the figure embeds its plot as inline SVG");
    assertTrue(((Element) svg.item(0)).getElementsByTagNameNS(SVG, "path").getLength() > 3, "the plot has lines");
    assertNoExternalReference(d);
    return d;
  }

  private static final Pattern URL = Pattern.compile("(?i)url\\(\\s*['\"]?([^'\")\\s]*)");

  /**
   * No element that loads something (script, link, iframe, object, embed, img with an address), no
   * href/src other than a fragment (#...) or data: URI, no CSS url() or @import; namespace
   * declarations are names, not references, and are the only place an address may appear.
   */
  public static void assertNoExternalReference(Document d) {
    List<String> problems = new ArrayList<>();
    walk(d.getDocumentElement(), problems);
    if (!problems.isEmpty()) fail("external references:\n" + String.join("\n", problems));
  }

  private static void walk(Element e, List<String> problems) {
    String name = e.getLocalName().toLowerCase(Locale.ROOT);
    if (List.of("script", "link", "iframe", "object", "embed", "base", "frame", "audio", "video", "source")
        .contains(name)) {
      problems.add("<" + name + "> element");
    }
    if (name.equals("style")) checkCss(e.getTextContent(), problems);
    NamedNodeMap attrs = e.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      Attr a = (Attr) attrs.item(i);
      String an = a.getName();
      String v = a.getValue().trim();
      if (an.equals("xmlns") || an.startsWith("xmlns:")) continue;
      String local = a.getLocalName() == null ? an : a.getLocalName();
      if (local.equals("href") || local.equals("src") || local.equals("srcset") || local.equals("action")
          || local.equals("poster") || local.equals("data")) {
        if (!(v.startsWith("#") || v.startsWith("data:"))) problems.add(an + "=\"" + v + "\" on <" + name + ">");
      } else if (local.equals("style")) {
        checkCss(v, problems);
      } else {
        if (v.contains("://")) problems.add(an + "=\"" + v + "\" on <" + name + "> names an address");
        checkCss(v, problems);
      }
    }
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element ce) walk(ce, problems);
    }
  }

  private static void checkCss(String css, List<String> problems) {
    if (css.toLowerCase(Locale.ROOT).contains("@import")) problems.add("CSS @import");
    Matcher m = URL.matcher(css);
    while (m.find()) {
      String u = m.group(1);
      if (!(u.startsWith("#") || u.startsWith("data:"))) problems.add("CSS url(" + u + ")");
    }
  }

  /** The number of figures of a section, each checked to embed one inline SVG plot. */
  public static int figures(Document d, String sectionId) {
    NodeList sections = d.getElementsByTagNameNS(XHTML, "section");
    for (int i = 0; i < sections.getLength(); i++) {
      Element s = (Element) sections.item(i);
      if (!s.getAttribute("id").equals(sectionId)) continue;
      NodeList figures = s.getElementsByTagNameNS(XHTML, "figure");
      for (int f = 0; f < figures.getLength(); f++) {
        assertEquals(1, ((Element) figures.item(f)).getElementsByTagNameNS(SVG, "svg").getLength(),
            "figure " + f + " of section " + sectionId + " embeds its plot");
      }
      return figures.getLength();
    }
    throw new AssertionError("no section " + sectionId);
  }

  /** The text of a section. */
  public static String section(Document d, String id) {
    NodeList sections = d.getElementsByTagNameNS(XHTML, "section");
    for (int i = 0; i < sections.getLength(); i++) {
      Element s = (Element) sections.item(i);
      if (s.getAttribute("id").equals(id)) return s.getTextContent();
    }
    throw new AssertionError("no section " + id);
  }

  /** The number of rows of the tables in a section whose first header cell is {@code header}. */
  public static int rows(Document d, String sectionId, String header) throws IOException {
    NodeList sections = d.getElementsByTagNameNS(XHTML, "section");
    for (int i = 0; i < sections.getLength(); i++) {
      Element s = (Element) sections.item(i);
      if (!s.getAttribute("id").equals(sectionId)) continue;
      NodeList tables = s.getElementsByTagNameNS(XHTML, "table");
      for (int t = 0; t < tables.getLength(); t++) {
        Element table = (Element) tables.item(t);
        NodeList th = table.getElementsByTagNameNS(XHTML, "th");
        if (th.getLength() > 0 && th.item(0).getTextContent().equals(header)) {
          return ((Element) table.getElementsByTagNameNS(XHTML, "tbody").item(0))
              .getElementsByTagNameNS(XHTML, "tr").getLength();
        }
      }
    }
    throw new AssertionError("no table headed '" + header + "' in section " + sectionId);
  }
}
