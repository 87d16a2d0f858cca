package org.hedgesim.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parameter tables of a report, from the manifest's {@code parameters} lists. */
final class ReportParameters {
  private ReportParameters() {}

  /**
   * One scenario's values; with a reference, also what differs from it: values added, changed
   * (value or source) or removed.
   */
  static ReportContent.ParameterSet set(String label, JsonNode parameters, JsonNode reference) {
    List<ReportContent.Param> all = list(parameters);
    if (reference == null) return new ReportContent.ParameterSet(label, all, null);
    Map<String, ReportContent.Param> ref = new LinkedHashMap<>();
    for (ReportContent.Param p : list(reference)) ref.put(p.path(), p);
    Map<String, ReportContent.Param> own = new LinkedHashMap<>();
    for (ReportContent.Param p : all) own.put(p.path(), p);
    List<ReportContent.Param> changes = new ArrayList<>();
    for (ReportContent.Param p : all) {
      ReportContent.Param r = ref.get(p.path());
      if (r == null) {
        changes.add(with(p, "added"));
      } else if (!r.value().equals(p.value())) {
        changes.add(with(p, "changed (was " + r.value() + ")"));
      } else if (!r.source().equals(p.source())) {
        changes.add(with(p, "source changed"));
      }
    }
    for (ReportContent.Param r : ref.values()) {
      if (!own.containsKey(r.path())) changes.add(with(r, "removed"));
    }
    return new ReportContent.ParameterSet(label, all, changes);
  }

  private static ReportContent.Param with(ReportContent.Param p, String change) {
    return new ReportContent.Param(p.path(), p.value(), p.source(), p.writtenAt(), change);
  }

  private static List<ReportContent.Param> list(JsonNode parameters) {
    List<ReportContent.Param> out = new ArrayList<>();
    for (JsonNode p : parameters) {
      JsonNode v = p.path("value");
      String value = v.isNumber() ? org.hedgesim.output.Numbers.format(v.asDouble()) : v.isNull() ? "" : v.asText();
      JsonNode s = p.path("source");
      out.add(new ReportContent.Param(p.path("path").asText(), value, s.isNull() || s.isMissingNode() ? "" : s.asText(),
          p.path("written_at").asText(), ""));
    }
    return out;
  }
}
