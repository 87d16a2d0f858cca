package org.hedgesim.output;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a finished results folder against its manifest: manifest.json must be there and be JSON,
 * and every file its {@code outputs} list names must be on disk with the size and SHA-256 written
 * there, and so must every copy of an input it lists ({@code inputs[].copy}, in {@code inputs/}).
 * Files the manifest does not list are reported apart (they are never read as results);
 * manifest.json itself, ro-crate-metadata.json (written from the manifest), timing.json,
 * sensitivity.csv, report/ and discover/ are expected beside the outputs.
 */
public final class FolderCheck {
  /** The manifest's file name. */
  public static final String MANIFEST = "manifest.json";
  /** Entries a folder may hold besides its listed outputs (docs/SWEEPS.md, docs/ANALYSIS.md). */
  private static final Set<String> EXPECTED = Set.of(MANIFEST, RoCrate.FILE, "timing.json",
      "sensitivity.csv", "report", "discover");
  private static final ObjectMapper JSON = new ObjectMapper();

  private FolderCheck() {}

  /**
   * What was found.
   *
   * @param manifest the manifest as read, or null when it is missing or not JSON
   * @param problems one sentence per damage found, in manifest order; empty when the folder is complete
   * @param matched the listed outputs found intact
   * @param unlisted entries of the folder that the manifest does not name
   */
  public record Verdict(JsonNode manifest, List<String> problems, int matched, List<String> unlisted) {
    public Verdict {
      problems = List.copyOf(problems);
      unlisted = List.copyOf(unlisted);
    }

    /** Whether every listed output is intact. */
    public boolean complete() {
      return problems.isEmpty();
    }
  }

  /** A folder that does not match its manifest; the message names the first damaged file. */
  public static final class Damaged extends IOException {
    private static final long serialVersionUID = 1L;

    public Damaged(String message) {
      super(message);
    }
  }

  /** The manifest of an intact folder. */
  public static JsonNode requireIntact(Path folder) throws Damaged {
    Verdict v = check(folder);
    if (!v.complete()) throw new Damaged(v.problems().get(0));
    return v.manifest();
  }

  /** Checks every output the manifest lists; never throws for damage, which goes into the verdict. */
  public static Verdict check(Path folder) {
    Path file = folder.resolve(MANIFEST);
    if (!Files.isRegularFile(file)) {
      return new Verdict(null, List.of(folder + ": no manifest.json; not a hedgesim results folder"), 0, List.of());
    }
    JsonNode manifest;
    try {
      manifest = JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      return new Verdict(null, List.of(file + " is not valid JSON" + where), 0, List.of());
    } catch (IOException e) {
      return new Verdict(null, List.of(file + " cannot be read: " + e.getMessage()), 0, List.of());
    }
    if (manifest == null || !manifest.isObject()) {
      return new Verdict(null, List.of(file + " is not valid JSON (it holds no object)"), 0, List.of());
    }
    JsonNode outputs = manifest.get("outputs");
    if (outputs == null || !outputs.isArray()) {
      return new Verdict(manifest, List.of(file + ": key outputs is missing or not a list; the manifest was changed"
          + " after it was written"), 0, List.of());
    }
    List<String> problems = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    int matched = 0;
    for (int i = 0; i < outputs.size(); i++) {
      String problem = checkOne(folder, file, outputs.get(i), i, listed);
      if (problem == null) {
        matched++;
      } else {
        problems.add(problem);
      }
    }
    JsonNode inputs = manifest.get("inputs");
    if (inputs != null && inputs.isArray()) {
      for (int i = 0; i < inputs.size(); i++) {
        String problem = checkInput(folder, file, inputs.get(i), i, listed);
        if (problem != null) problems.add(problem);
      }
    }
    return new Verdict(manifest, problems, matched, unlisted(folder, listed));
  }

  private static String checkOne(Path folder, Path manifest, JsonNode entry, int i, Set<String> listed) {
    return checkFile(folder, manifest, entry, "outputs[" + i + "]", "file", "", listed);
  }

  /** The copy of an input in the folder (folders written before copies were kept have none). */
  private static String checkInput(Path folder, Path manifest, JsonNode entry, int i, Set<String> listed) {
    if (entry.get("copy") == null) return null;
    return checkFile(folder, manifest, entry, "inputs[" + i + "]", "copy", " as the copy of an input", listed);
  }

  /**
   * One file a manifest lists at {@code where} (its name under {@code key}, with bytes and
   * sha256): null when it is in the folder unchanged, else what is wrong.
   */
  private static String checkFile(Path folder, Path manifest, JsonNode entry, String where, String key,
      String role, Set<String> listed) {
    JsonNode name = entry.get(key);
    JsonNode bytes = entry.get("bytes");
    JsonNode sha = entry.get("sha256");
    if (name == null || !name.isTextual() || bytes == null || !bytes.canConvertToLong() || sha == null
        || !sha.isTextual()) {
      return manifest + ": " + where + " needs " + key + ", bytes and sha256; the manifest was changed after it was written";
    }
    Path p = folder.resolve(name.asText()).normalize();
    if (name.asText().isEmpty() || !p.startsWith(folder.normalize()) || p.equals(folder.normalize())) {
      return manifest + ": " + where + "." + key + " " + name.asText() + " is not a file inside the folder";
    }
    listed.add(folder.normalize().relativize(p).getName(0).toString());
    Path shown = folder.resolve(name.asText());
    if (!Files.isRegularFile(p)) return shown + " is missing; manifest.json lists it" + role;
    try {
      if (Files.size(p) != bytes.asLong() || !Hashes.sha256(p).equals(sha.asText())) {
        return shown + " does not match its SHA-256 in manifest.json; the folder was changed after it was written";
      }
    } catch (IOException e) {
      return shown + " cannot be read: " + e.getMessage();
    }
    return null;
  }

  private static List<String> unlisted(Path folder, Set<String> listed) {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> !listed.contains(n) && !EXPECTED.contains(n))
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
