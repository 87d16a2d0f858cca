package org.hedgesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hedgesim.experiment.Version;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The files a user looks for before adopting a tool: a licence, a citation file GitHub can read,
 * and a changelog, all on the version the build reports.
 */
class ReleaseFilesTest {

  @Test
  void licence_isTheApacheLicence2() throws IOException {
    String text = Files.readString(Fixtures.repo().resolve("LICENSE"));
    assertTrue(text.contains("Apache License") && text.contains("Version 2.0, January 2004"), "LICENSE");
    assertTrue(text.contains("END OF TERMS AND CONDITIONS"), "the whole licence text");
  }

  @Test
  void changelog_startsWithTheBuildsVersion_andDatesEveryVersion() throws IOException {
    List<String> headings = Files.readAllLines(Fixtures.repo().resolve("CHANGELOG.md")).stream()
        .filter(l -> l.startsWith("## ")).toList();
    assertTrue(headings.size() >= 2, headings.toString());
    Pattern version = Pattern.compile("## \\[(\\d+\\.\\d+\\.\\d+)] - \\d{4}-\\d{2}-\\d{2}");
    for (String h : headings) assertTrue(version.matcher(h).matches(), "a version and its date: " + h);
    Matcher first = version.matcher(headings.get(0));
    assertTrue(first.matches());
    assertEquals(Version.get(), first.group(1), "CHANGELOG.md's latest version is the build's");
  }

  /** The keys Citation File Format 1.2.0 requires, and the types of those it defines that we use. */
  @Test
  void citation_hasTheKeysCff120Requires_onTheBuildsVersion() throws IOException {
    String text = Files.readString(Fixtures.repo().resolve("CITATION.cff"));
    Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    assertTrue(doc instanceof Map<?, ?>, "a mapping");
    Map<?, ?> cff = (Map<?, ?>) doc;
    assertEquals("1.2.0", cff.get("cff-version"));
    for (String key : List.of("message", "title")) {
      assertTrue(cff.get(key) instanceof String s && !s.isBlank(), key);
    }
    assertTrue(cff.get("authors") instanceof List<?> authors && !authors.isEmpty(), "authors");
    for (Object a : (List<?>) cff.get("authors")) {
      assertTrue(a instanceof Map<?, ?> m && (m.containsKey("name") || m.containsKey("family-names")),
          "an author is a person (family-names) or an entity (name): " + a);
    }
    assertEquals(Version.get(), String.valueOf(cff.get("version")), "CITATION.cff's version is the build's");
    assertEquals("Apache-2.0", cff.get("license"), "an SPDX identifier");
    assertTrue(cff.get("date-released") instanceof java.util.Date, "date-released is a YAML date");
    assertTrue(text.lines().anyMatch(l -> l.matches("date-released: \\d{4}-\\d{2}-\\d{2}")), "as YYYY-MM-DD");
  }
}
