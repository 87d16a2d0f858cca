package org.hedgesim.scenario;

import java.util.List;

/**
 * The address of one value: {@code parameters.alignment_noise}, {@code actors[A].nationalism},
 * {@code relations[A,B].trust}, {@code frameworks[F].sovereignty_cost}. Used by {@code set}
 * events and, with the same syntax, by sweeps.
 *
 * @param section top-level key ({@code parameters}, {@code actors}, ...)
 * @param ids the ids in brackets (none for parameters, two for relations)
 * @param field the key of the value
 */
public record ValuePath(String section, List<String> ids, String field) {

  public ValuePath {
    ids = List.copyOf(ids);
  }

  /** Parses {@code section[id,id].field} or {@code section.field}; null when malformed. */
  public static ValuePath parse(String text) {
    if (text == null) return null;
    String s = text.strip();
    int dot = s.lastIndexOf('.');
    if (dot <= 0 || dot == s.length() - 1) return null;
    String head = s.substring(0, dot);
    String field = s.substring(dot + 1);
    if (!field.matches("[a-z_]+")) return null;
    int open = head.indexOf('[');
    if (open < 0) {
      return head.matches("[a-z_]+") ? new ValuePath(head, List.of(), field) : null;
    }
    if (!head.endsWith("]")) return null;
    String section = head.substring(0, open);
    if (!section.matches("[a-z_]+")) return null;
    String inner = head.substring(open + 1, head.length() - 1);
    if (inner.isBlank()) return null;
    List<String> ids = java.util.Arrays.stream(inner.split(",")).map(String::strip).toList();
    if (ids.stream().anyMatch(String::isEmpty)) return null;
    return new ValuePath(section, ids, field);
  }

  @Override
  public String toString() {
    return section + (ids.isEmpty() ? "" : "[" + String.join(",", ids) + "]") + "." + field;
  }
}
