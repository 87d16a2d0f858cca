package org.hedgesim.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The events of a result (events.csv, {@code run} naming the scenario), in two parts:
 * <ul>
 *   <li>milestones: scripted events, project events and the model's own decisions except routine
 *       offers (exits, joins, sanctions, their lifting, project completions and delays), grouped by
 *       date, kind, actor, target and origin, with the number of replications of each scenario in
 *       which they happened;
 *   <li>routine: random events and offers, counted per kind, actor, target and origin, with their
 *       mean number per replication and the first and last date seen.
 * </ul>
 * Milestones that happen in at least half the replications of a scenario are numbered; the plots
 * mark them on the time axis with that number.
 */
public final class EventTimeline {

  /** Kinds that recur as a matter of routine and are counted rather than listed. */
  private static final Set<String> ROUTINE_KINDS = Set.of("offer");

  /** A milestone: what happened when, and in how many replications of each scenario. */
  public record Milestone(String date, String kind, String actor, String target, String origin,
      String detail, Map<String, Integer> replications, int number) {
    /** True when it happened in at least half the replications of some scenario. */
    public boolean marked() {
      return number > 0;
    }

    public boolean involves(String id) {
      return actor.equals(id) || target.equals(id);
    }
  }

  /** Routine events of one kind between two parties: mean count per replication, per scenario. */
  public record Routine(String kind, String actor, String target, String origin,
      Map<String, Double> perReplication, String first, String last) {}

  private final List<Milestone> milestones;
  private final List<Routine> routine;

  private EventTimeline(List<Milestone> milestones, List<Routine> routine) {
    this.milestones = List.copyOf(milestones);
    this.routine = List.copyOf(routine);
  }

  /** No events: the timeline of a result that keeps none (a sweep). */
  public static EventTimeline none() {
    return new EventTimeline(List.of(), List.of());
  }

  public List<Milestone> milestones() {
    return milestones;
  }

  public List<Routine> routine() {
    return routine;
  }

  /**
   * @param replications the number of replications of each scenario (run name), in report order
   */
  public static EventTimeline read(Path eventsCsv, Map<String, Integer> replications) throws IOException {
    record MKey(String date, String kind, String actor, String target, String origin) {}
    record RKey(String kind, String actor, String target, String origin) {}
    Map<MKey, Map<String, java.util.Set<String>>> seen = new LinkedHashMap<>();
    Map<MKey, String> details = new LinkedHashMap<>();
    Map<RKey, Map<String, Integer>> counts = new LinkedHashMap<>();
    Map<RKey, String[]> span = new LinkedHashMap<>();
    for (Map<String, String> row : ResultFiles.rows(eventsCsv)) {
      // the scenario's label ("run" in folders written before 0.2.0)
      String run = row.containsKey("scenario") ? row.get("scenario") : row.get("run");
      String kind = row.get("kind");
      String origin = row.get("origin");
      String date = row.get("date");
      if (origin.equals("random") || ROUTINE_KINDS.contains(kind)) {
        RKey k = new RKey(kind, row.get("actor"), row.get("target"), origin);
        counts.computeIfAbsent(k, x -> new LinkedHashMap<>()).merge(run, 1, Integer::sum);
        String[] s = span.computeIfAbsent(k, x -> new String[] {date, date});
        if (date.compareTo(s[0]) < 0) s[0] = date;
        if (date.compareTo(s[1]) > 0) s[1] = date;
      } else {
        MKey k = new MKey(date, kind, row.get("actor"), row.get("target"), origin);
        seen.computeIfAbsent(k, x -> new LinkedHashMap<>())
            .computeIfAbsent(run, x -> new java.util.HashSet<>()).add(row.get("replication"));
        details.putIfAbsent(k, detailOf(kind, row.get("detail"), origin));
      }
    }
    List<MKey> keys = new ArrayList<>(seen.keySet());
    keys.sort(Comparator.comparing(MKey::date));
    List<Milestone> ms = new ArrayList<>();
    int number = 0;
    for (MKey k : keys) {
      Map<String, Integer> reps = new LinkedHashMap<>();
      boolean marked = false;
      for (var e : replications.entrySet()) {
        var set = seen.get(k).get(e.getKey());
        int c = set == null ? 0 : set.size();
        reps.put(e.getKey(), c);
        if (c > 0 && 2 * c >= e.getValue()) marked = true;
      }
      ms.add(new Milestone(k.date(), k.kind(), k.actor(), k.target(), k.origin(), details.get(k), reps,
          marked ? ++number : 0));
    }
    List<Routine> rs = new ArrayList<>();
    for (var e : counts.entrySet()) {
      Map<String, Double> per = new LinkedHashMap<>();
      for (var r : replications.entrySet()) {
        per.put(r.getKey(), e.getValue().getOrDefault(r.getKey(), 0) / (double) Math.max(1, r.getValue()));
      }
      String[] s = span.get(e.getKey());
      RKey k = e.getKey();
      rs.add(new Routine(k.kind(), k.actor(), k.target(), k.origin(), per, s[0], s[1]));
    }
    return new EventTimeline(ms, rs);
  }

  /** The detail of a milestone where it does not vary between runs (endogenous ones carry numbers). */
  private static String detailOf(String kind, String detail, String origin) {
    if (origin.equals("endogenous")) return "";
    return detail == null ? "" : detail;
  }

  /** Marked milestones by date: the numbers to show at each date (for chart markers). */
  public static Map<String, List<Integer>> markers(List<Milestone> milestones) {
    Map<String, List<Integer>> out = new TreeMap<>();
    for (Milestone m : milestones) {
      if (m.marked()) out.computeIfAbsent(m.date(), d -> new ArrayList<>()).add(m.number());
    }
    return out;
  }
}
