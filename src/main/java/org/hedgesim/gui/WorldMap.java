package org.hedgesim.gui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hedgesim.model.Actor;
import org.hedgesim.model.Flow;
import org.hedgesim.model.Framework;
import org.hedgesim.model.HedgeWorld;
import org.hedgesim.scenario.ActorSpec;
import org.hedgesim.scenario.ChannelSpec;
import org.hedgesim.scenario.Scenario;
import sim.field.continuous.Continuous2D;
import sim.field.network.Edge;
import sim.field.network.Network;
import sim.util.Double2D;

/**
 * Where the actors stand on the map, and the ties between them. The main axis runs between the
 * two poles with the largest capability (pole A, the strongest, on the right; pole B on the left);
 * each small state stands on it at its lean {@code (alignment to A - alignment to B) / 2}, in [-1, 1],
 * so it moves as its positions move. Other poles stand in a row above, other actors below. Ties
 * join each small state to every pole and to every actor it has a flow with.
 *
 * <p>The positions live in a {@link Continuous2D} and the ties in an undirected {@link Network};
 * both are rebuilt at each start and updated after each step, from the world's own values.
 */
final class WorldMap {
  static final double WIDTH = 100;
  static final double HEIGHT = 75;
  static final double AXIS_Y = 40;
  static final double AXIS_LEFT = 12;
  static final double AXIS_RIGHT = 88;
  static final double MID = (AXIS_LEFT + AXIS_RIGHT) / 2;
  static final double HALF_SPAN = (AXIS_RIGHT - AXIS_LEFT) / 2;
  static final double TOP_ROW = 15;
  static final double BOTTOM_ROW = 60;
  private static final double ROW_GAP = 9;

  final Continuous2D field = new Continuous2D(10, WIDTH, HEIGHT);
  final Network network = new Network(false);

  private HedgeWorld world;
  private List<Actor> actors = List.of();
  private List<Framework> frameworks = List.of();
  private Actor poleA;
  private Actor poleB;
  private double maxCapability;
  private final Map<Actor, Double> rowOf = new LinkedHashMap<>();
  private final Map<Actor, List<Double>> trails = new LinkedHashMap<>();
  private final List<Tie> ties = new ArrayList<>();
  /** Who belonged to each framework when the run started: [framework][actor]. */
  private boolean[][] startMembers = new boolean[0][0];
  private int scaleChannel = -2;
  private double scaleMax;

  /** Builds the map of a world that has just started. */
  synchronized void build(HedgeWorld w, int tieChannel) {
    world = w;
    actors = w.actors();
    frameworks = w.frameworks();
    field.clear();
    network.clear();
    rowOf.clear();
    trails.clear();
    ties.clear();
    scaleChannel = -2;

    startMembers = new boolean[frameworks.size()][actors.size()];
    for (int f = 0; f < frameworks.size(); f++) {
      for (Actor a : actors) startMembers[f][a.index()] = frameworks.get(f).isMember(a.index());
    }
    String[] main = mainPoles(w.scenario());
    poleA = null;
    poleB = null;
    maxCapability = 0;
    for (Actor a : actors) {
      if (a.getId().equals(main[0])) poleA = a;
      if (a.getId().equals(main[1])) poleB = a;
    }
    for (Actor a : actors) maxCapability = Math.max(maxCapability, a.getCapability());

    List<Actor> small = w.smallStates();
    for (int i = 0; i < small.size(); i++) {
      rowOf.put(small.get(i), AXIS_Y + (i - (small.size() - 1) / 2.0) * ROW_GAP);
      trails.put(small.get(i), new ArrayList<>());
    }
    List<Actor> top = new ArrayList<>();
    List<Actor> bottom = new ArrayList<>();
    for (Actor a : actors) {
      if (a.isSmall()) continue;
      if (a == poleA) {
        field.setObjectLocation(a, new Double2D(AXIS_RIGHT, AXIS_Y));
      } else if (a == poleB) {
        field.setObjectLocation(a, new Double2D(AXIS_LEFT, AXIS_Y));
      } else if (a.isPole()) {
        top.add(a);
      } else {
        bottom.add(a);
      }
    }
    spread(top, TOP_ROW, 22, 78);
    spread(bottom, BOTTOM_ROW, 40, 60);
    for (Actor a : actors) network.addNode(a);

    List<String> channelNames = new ArrayList<>();
    List<ChannelSpec> channels = w.scenario().channels();
    boolean[] stock = new boolean[channels.size()];
    for (int c = 0; c < channels.size(); c++) {
      channelNames.add(channels.get(c).kind());
      stock[c] = channels.get(c).stock();
    }
    for (Actor s : small) {
      for (Actor p : actors) {
        if (p == s) continue;
        List<Flow> between = new ArrayList<>();
        for (Flow f : w.flows()) {
          if ((f.from() == s.index() && f.to() == p.index()) || (f.from() == p.index() && f.to() == s.index())) {
            between.add(f);
          }
        }
        // one edge per pair: a small state's tie to another small state is drawn once
        if (p.isSmall() && p.index() < s.index()) continue;
        if (between.isEmpty() && !p.isPole()) continue;
        Tie tie = new Tie(s, p, between, List.copyOf(channelNames), stock);
        ties.add(tie);
        network.addEdge(s, p, tie);
      }
    }
    update(tieChannel);
  }

  /**
   * The two ends of the main axis: the ids of the poles with the largest and second largest
   * capability (the first in the scenario's order when two are equal); null where there are fewer.
   */
  static String[] mainPoles(Scenario s) {
    ActorSpec a = null;
    ActorSpec b = null;
    for (String id : s.poles()) {
      ActorSpec p = s.actor(id);
      if (a == null || p.capability() > a.capability()) {
        b = a;
        a = p;
      } else if (b == null || p.capability() > b.capability()) {
        b = p;
      }
    }
    return new String[] {a == null ? null : a.id(), b == null ? null : b.id()};
  }

  private void spread(List<Actor> row, double y, double from, double to) {
    for (int i = 0; i < row.size(); i++) {
      double x = row.size() == 1 ? (from + to) / 2 : from + i * (to - from) / (row.size() - 1);
      field.setObjectLocation(row.get(i), new Double2D(x, y));
    }
  }

  /** Moves the small states to their leans and reads the ties, after a step. */
  synchronized void update(int tieChannel) {
    if (world == null) return;
    for (Map.Entry<Actor, Double> e : rowOf.entrySet()) {
      double x = MID + HALF_SPAN * lean(e.getKey());
      field.setObjectLocation(e.getKey(), new Double2D(x, e.getValue()));
    }
    for (Tie t : ties) t.update(tieChannel);
    if (tieChannel != scaleChannel) {
      scaleChannel = tieChannel;
      scaleMax = 0;
      for (Tie t : ties) scaleMax = Math.max(scaleMax, t.amount());
    }
  }

  /** Adds the small states' current positions to their trails (once per step). */
  synchronized void recordTrails() {
    for (Map.Entry<Actor, List<Double>> e : trails.entrySet()) {
      e.getValue().add(MID + HALF_SPAN * lean(e.getKey()));
    }
  }

  /** Where a small state stands between pole B (-1) and pole A (+1); 0 for other actors. */
  double lean(Actor a) {
    if (!a.isSmall() || poleA == null) return 0.0;
    double toA = a.alignment(poleA.poleIndex());
    double toB = poleB == null ? 0.0 : a.alignment(poleB.poleIndex());
    return Math.max(-1, Math.min(1, (toA - toB) / 2));
  }

  /** Diameter of an actor's node in field units: grows with the square root of its capability. */
  double diameter(Actor a) {
    double c = maxCapability > 0 ? Math.max(0, a.getCapability()) / maxCapability : 0;
    return 2.5 + 7.5 * Math.sqrt(c);
  }

  java.awt.Color colour(Actor a) {
    if (a == poleA) return Palette.POLE_A;
    if (a == poleB) return Palette.POLE_B;
    if (a.isSmall()) return Palette.lean(lean(a));
    return a.isPole() ? Palette.OTHER_POLE : Palette.OTHER;
  }

  /** Width of a tie in field units: 0.08 to 1.4, with the square root of its amount. */
  double tieWidth(Tie t) {
    if (scaleMax <= 0 || t.amount() <= 0) return 0.08;
    return 0.15 + 1.25 * Math.sqrt(Math.min(1.5, t.amount() / scaleMax));
  }

  double tieScale() {
    return scaleMax;
  }

  Actor poleA() {
    return poleA;
  }

  Actor poleB() {
    return poleB;
  }

  /** Whether the actor belonged to framework number {@code f} at the start and has left it. */
  boolean hasLeft(int f, Actor a) {
    return f < startMembers.length && startMembers[f][a.index()] && !frameworks.get(f).isMember(a.index());
  }

  List<Framework> frameworks() {
    return frameworks;
  }

  HedgeWorld world() {
    return world;
  }

  /** The small states' past x positions, oldest first. */
  synchronized Map<Actor, double[]> trails() {
    Map<Actor, double[]> out = new LinkedHashMap<>();
    for (Map.Entry<Actor, List<Double>> e : trails.entrySet()) {
      out.put(e.getKey(), e.getValue().stream().mapToDouble(Double::doubleValue).toArray());
    }
    return out;
  }

  double rowOf(Actor a) {
    Double y = rowOf.get(a);
    return y == null ? AXIS_Y : y;
  }

  List<Tie> ties() {
    return List.copyOf(ties);
  }

  static Tie tieOf(Edge e) {
    return (Tie) e.info;
  }
}
