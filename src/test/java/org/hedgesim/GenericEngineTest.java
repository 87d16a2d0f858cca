package org.hedgesim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hedgesim.scenario.ActorSpec;
import org.hedgesim.scenario.FrameworkSpec;
import org.hedgesim.scenario.ProjectSpec;
import org.hedgesim.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The engine knows no country, framework, project or event of the reference case, and its
 * built-in defaults cite none of the reference case's texts: they cite generic sources or say
 * they are assumptions.
 */
class GenericEngineTest {

  @Test
  void mainSources_nameNoActorFrameworkOrProjectOfTheShippedScenarios() throws IOException {
    Set<String> names = new LinkedHashSet<>();
    for (String f : List.of("as-it-happened-2024.yaml", "us-positive-reinforcement.yaml",
        "hindcast/cambodia-2019.yaml")) {
      Scenario s = Fixtures.scenario(f);
      for (ActorSpec a : s.actors()) {
        names.add(a.id());
        names.add(a.name());
      }
      for (FrameworkSpec fw : s.frameworks()) {
        names.add(fw.id());
        names.add(fw.name());
      }
      for (ProjectSpec p : s.projects()) {
        names.add(p.id());
        names.add(p.name());
      }
      for (org.hedgesim.scenario.EventSpec e : s.events()) {
        if (e.id() != null && !e.id().isBlank()) names.add(e.id());
      }
    }
    // and the shipped scenario files' own names (clv-dta-exit, funan-techo-canal, ...)
    try (Stream<Path> files = Files.list(Fixtures.repo().resolve("scenarios"))) {
      files.filter(p -> p.toString().endsWith(".yaml"))
          .forEach(p -> names.add(p.getFileName().toString().replace(".yaml", "")));
    }
    names.removeIf(n -> n == null || n.isBlank());
    // the rest of the world is an economic aggregate any model has, not a place of the reference case
    names.remove("Rest of the world");
    names.addAll(List.of("Cambodia", "Vietnam", "China", "Laos", "Funan", "Techo", "Mekong", "ASEAN",
        "Everything But Arms", "EBA"));
    List<String> hits = new ArrayList<>();
    try (Stream<Path> s = Files.walk(Fixtures.repo().resolve("src/main"))) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(p);
        // generic sources or assumptions only: no citation of the reference case's seed texts
        java.util.regex.Matcher seed = java.util.regex.Pattern.compile("\\b\\d{3}_[0-9a-f]{16}\\.txt\\b").matcher(text);
        while (seed.find()) hits.add(p + ": " + seed.group());
        for (String n : names) {
          // ids of three letters (KHM, ROW) as written; longer names in any case (clv-dta-exit, Cambodia)
          int flags = n.length() > 3 ? java.util.regex.Pattern.CASE_INSENSITIVE : 0;
          if (java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(n) + "\\b", flags)
              .matcher(text).find()) {
            hits.add(p + ": " + n);
          }
        }
      }
    }
    assertTrue(hits.isEmpty(), "names of the reference case in src/main:\n" + String.join("\n", hits));
  }
}
