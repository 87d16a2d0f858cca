package org.hedgesim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A synthetic scenario of any size, for stress tests and benchmarks: {@code poles} powers, one
 * rest-of-the-world counterpart and the rest small states; every pair of actors related; every
 * small state with investment, aid, export and transit flows to every pole; a few frameworks with
 * random members. All values are drawn from a generator seeded by {@code seed}, so the same
 * arguments give the same file; every value's source says how it was made.
 */
public final class SyntheticWorld {
  /** The largest world {@code generate} writes: 2,000 actors relate in about 2 million pairs. */
  public static final int MAX_ACTORS = 2000;
  /** The longest run it writes: to 2223-12. */
  public static final int MAX_YEARS = 200;

  private final int actors;
  private final int poles;
  private final long seed;
  private final int years;

  /**
   * @param actors number of actors in all (at least 4)
   * @param poles number of powers; 0 picks one in ten actors, at least 2
   * @param years length of the run
   */
  public SyntheticWorld(int actors, int poles, long seed, int years) {
    if (actors < 4) throw new IllegalArgumentException("a synthetic world needs at least 4 actors");
    if (actors > MAX_ACTORS) {
      throw new IllegalArgumentException("at most " + MAX_ACTORS + " actors, found " + actors
          + " (every pair is related: the file grows as the square of the actors)");
    }
    if (years > MAX_YEARS) throw new IllegalArgumentException("at most " + MAX_YEARS + " years, found " + years);
    this.actors = actors;
    this.poles = poles > 0 ? poles : Math.max(2, actors / 10);
    if (this.poles > actors - 2) {
      throw new IllegalArgumentException("at most " + (actors - 2) + " poles for " + actors + " actors");
    }
    if (years < 1) throw new IllegalArgumentException("years must be at least 1");
    this.seed = seed;
    this.years = years;
  }

  /**
   * The scenario as a YAML document: the top level in block style, each list entry on one line in
   * flow style, which keeps worlds of hundreds of actors compact. SnakeYAML writes every piece.
   */
  public String toYaml() {
    Yaml block = yaml(DumperOptions.FlowStyle.BLOCK);
    Yaml flow = yaml(DumperOptions.FlowStyle.FLOW);
    StringBuilder out = new StringBuilder();
    out.append("# Synthetic world: ").append(actors).append(" actors (").append(poles)
        .append(" poles), seed ").append(seed).append(".\n# Made by: hedgesim generate --actors ")
        .append(actors).append(" --poles ").append(poles).append(" --seed ").append(seed)
        .append(" --years ").append(years).append("\n");
    for (Map.Entry<String, Object> e : document().entrySet()) {
      if (e.getValue() instanceof List<?> list) {
        out.append(e.getKey()).append(":\n");
        for (Object item : list) out.append("- ").append(flow.dump(item));
      } else {
        out.append(block.dump(Map.of(e.getKey(), e.getValue())));
      }
    }
    return out.toString();
  }

  private static Yaml yaml(DumperOptions.FlowStyle style) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(style);
    options.setWidth(Integer.MAX_VALUE);
    options.setSplitLines(false);
    return new Yaml(options);
  }

  /**
   * The scenario itself, bound from the same document without writing YAML text (so the file
   * limits of {@link YamlReader} do not apply), over the built-in defaults.
   */
  public Scenario scenario() throws ScenarioException {
    Map<String, Object> doc = document();
    String name = "synthetic world (" + actors + " actors, seed " + seed + ")";
    String source = (String) doc.remove("source");
    YNode.YMap tree = (YNode.YMap) node(doc, Origin.of(name), source);
    return ScenarioLoader.bind(Inheritance.merge(Inheritance.defaults(), tree, ""), List.of(name));
  }

  private static YNode node(Object value, Origin o, String source) {
    if (value instanceof Map<?, ?> m) {
      java.util.LinkedHashMap<String, YNode.YMap.Entry> entries = new java.util.LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        entries.put((String) e.getKey(), new YNode.YMap.Entry(o, node(e.getValue(), o, source)));
      }
      return new YNode.YMap(entries, o);
    }
    if (value instanceof List<?> l) {
      List<YNode> items = new ArrayList<>(l.size());
      for (Object i : l) items.add(node(i, o, source));
      return new YNode.YList(items, o);
    }
    return new YNode.YScalar(String.valueOf(value), true, false, o, source);
  }

  Map<String, Object> document() {
    SplittableRandom r = new SplittableRandom(seed);
    String why = String.format(Locale.ROOT,
        "assumption: synthetic value drawn at random (hedgesim generate, seed %d); not evidence", seed);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("scenario", "synthetic-" + actors);
    doc.put("description", "A synthetic world of " + actors + " actors for stress tests and benchmarks.");
    doc.put("start", "2024-01");
    doc.put("end", (2024 + years - 1) + "-12");
    doc.put("step", "month");
    doc.put("seed", seed);
    doc.put("replications", 1);
    doc.put("source", why);

    List<String> ids = new ArrayList<>();
    for (int i = 0; i < actors; i++) ids.add(String.format(Locale.ROOT, "S%04d", i));
    String rest = ids.get(poles);
    List<Object> actorList = new ArrayList<>();
    for (int i = 0; i < actors; i++) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("id", ids.get(i));
      if (i < poles) {
        a.put("role", i < 2 ? "great" : "regional");
        a.put("capability", round(i < 2 ? 0.1 + 0.15 * r.nextDouble() : 0.005 + 0.05 * r.nextDouble()));
        a.put("growth", round(0.01 + 0.04 * r.nextDouble()));
        String[] approaches = {"positive", "negative", "mixed", "none"};
        a.put("approach", approaches[r.nextInt(approaches.length)]);
        a.put("assertiveness", round(0.5 * r.nextDouble()));
        a.put("inducements", Map.of("budget", round(0.2 + 2 * r.nextDouble())));
      } else if (i == poles) {
        a.put("role", "other");
        a.put("growth", 0.03);
      } else {
        a.put("role", "small");
        a.put("capability", round(0.0005 + 0.005 * r.nextDouble()));
        a.put("gdp", round(5 + 95 * r.nextDouble()));
        a.put("growth", round(0.02 + 0.05 * r.nextDouble()));
        a.put("nationalism", round(0.1 + 0.6 * r.nextDouble()));
        a.put("legitimacy", round(0.4 + 0.4 * r.nextDouble()));
        a.put("neutrality", round(0.4 + 0.6 * r.nextDouble()));
        Map<String, Object> leaning = new LinkedHashMap<>();
        leaning.put(ids.get(r.nextInt(poles)), round(r.nextDouble() - 0.5));
        a.put("government", Map.of("leader", "L" + i, "predisposition", leaning));
      }
      actorList.add(a);
    }
    doc.put("actors", actorList);

    List<Object> relations = new ArrayList<>();
    for (int i = 0; i < actors; i++) {
      for (int j = i + 1; j < actors; j++) {
        Map<String, Object> rel = new LinkedHashMap<>();
        rel.put("between", List.of(ids.get(i), ids.get(j)));
        rel.put("trust", round(0.2 + 0.6 * r.nextDouble()));
        rel.put("grievance", round(0.5 * r.nextDouble()));
        rel.put("proximity", round(r.nextDouble()));
        rel.put("security", round(0.5 * r.nextDouble()));
        rel.put("credibility", round(0.5 + 0.5 * r.nextDouble()));
        if (i < poles && j < poles) rel.put("rivalry", round(r.nextDouble()));
        relations.add(rel);
      }
    }
    doc.put("relations", relations);

    List<Object> flows = new ArrayList<>();
    for (int s = poles + 1; s < actors; s++) {
      String state = ids.get(s);
      for (int p = 0; p < poles; p++) {
        String pole = ids.get(p);
        double fdi = round(0.05 + r.nextDouble());
        flows.add(flow("fdi", pole, state, fdi, Double.NaN));
        flows.add(flow("aid", pole, state, round(0.01 + 0.3 * r.nextDouble()), Double.NaN));
        flows.add(flow("exports", state, pole, round(0.1 + 3 * r.nextDouble()), Double.NaN));
        flows.add(flow("transit", state, pole, round(r.nextDouble()), Double.NaN));
      }
      double fdi = round(0.1 + r.nextDouble());
      flows.add(flow("fdi", rest, state, fdi, Double.NaN));
      flows.add(flow("exports", state, rest, round(0.5 + 3 * r.nextDouble()), Double.NaN));
      flows.add(flow("transit", state, state, round(1 + 2 * r.nextDouble()), Double.NaN));
    }
    doc.put("flows", flows);

    List<Object> frameworks = new ArrayList<>();
    for (int f = 0; f < 5; f++) {
      List<String> members = new ArrayList<>();
      String lead = null;
      for (int i = 0; i < actors; i++) {
        if (i == poles || r.nextDouble() >= 0.3) continue;
        members.add(ids.get(i));
        if (lead == null && i < poles && f % 2 == 0) lead = ids.get(i);
      }
      if (members.size() < 2) members = List.of(ids.get(0), ids.get(actors - 1));
      Map<String, Object> fw = new LinkedHashMap<>();
      fw.put("id", "F" + f);
      fw.put("members", members);
      if (lead != null) fw.put("lead", lead);
      fw.put("benefit", round(0.01 + 0.05 * r.nextDouble()));
      fw.put("sovereignty_cost", round(lead != null ? 0.6 * r.nextDouble() : 0.0));
      fw.put("exit_cost", round(0.1 * r.nextDouble()));
      fw.put("open", f % 2 == 1);
      if (f == 4 && lead != null) fw.put("kind", "security");
      frameworks.add(fw);
    }
    doc.put("frameworks", frameworks);

    List<Object> disputes = new ArrayList<>();
    for (int st = poles + 1; st < actors; st++) {
      if (r.nextDouble() >= 0.2) continue;
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("id", "D" + st);
      d.put("state", ids.get(st));
      d.put("power", ids.get(r.nextInt(poles)));
      d.put("salience", round(0.5 * r.nextDouble()));
      d.put("rate", round(2 * r.nextDouble()));
      disputes.add(d);
    }
    doc.put("disputes", disputes);
    return doc;
  }

  private static Map<String, Object> flow(String kind, String from, String to, double amount,
      double stock) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("kind", kind);
    f.put("from", from);
    f.put("to", to);
    f.put("amount", amount);
    if (!Double.isNaN(stock)) f.put("stock", stock);
    return f;
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
