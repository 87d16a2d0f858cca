package org.hedgesim.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * What a report shows, whatever kind of result it comes from (a run, a comparison, and later a
 * sweep): the headline, the figures, the event timeline, the parameters with their sources, and the
 * manifest.
 *
 * @param kind "run" or "compare" (the manifest's command)
 * @param replications replications per scenario label, in report order
 * @param headline XHTML of the headline section's body
 * @param parameters one set per scenario; for all but the first, {@code changes} lists what differs
 *     from the first (null for the first)
 */
public record ReportContent(String kind, String title, String summary, Map<String, Integer> replications,
    String headline, List<Figure> figures, EventTimeline timeline, List<ParameterSet> parameters,
    JsonNode manifest) {

  /** The same content with other figures (the report gives them their file names, {@link PlotNames}). */
  public ReportContent withFigures(List<Figure> others) {
    return new ReportContent(kind, title, summary, replications, headline, others, timeline, parameters, manifest);
  }

  /** A figure: a chart with its id (the report makes its file name from it) and caption. */
  public record Figure(String id, String caption, JFreeChart chart) {}

  /** One value of a scenario with its source and where it was written. */
  public record Param(String path, String value, String source, String writtenAt, String change) {}

  /** The values of one scenario. */
  public record ParameterSet(String label, List<Param> all, List<Param> changes) {}
}
