package org.hedgesim.scenario;

import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hedgesim.scenario.YNode.YMap;

/**
 * A scenario, fully resolved (its {@code extends} chain merged over the built-in defaults) and
 * checked. Immutable; the model builds its world from it.
 *
 * @param files the files read, the scenario's own file first, then its parents
 * @param poles actors that others align toward or against, in file order
 * @param provenance every number and word of the resolved scenario with its source
 * @param resolved the merged document, for the run's manifest
 */
public record Scenario(String name, String description, List<String> files, YearMonth start,
    YearMonth end, StepUnit step, long seed, int replications, List<String> poles,
    List<ActorSpec> actors, List<RelationSpec> relations, List<FlowSpec> flows,
    List<ChannelSpec> channels, Map<Strategy, Profile> strategies, List<FrameworkSpec> frameworks,
    List<ProjectSpec> projects, List<DisputeSpec> disputes, List<EventSpec> events,
    Parameters parameters, Observables observables, Set<Mechanism> knockOuts,
    RelationSpec relationDefaults, List<SourcedValue> provenance, YMap resolved) {

  public Scenario {
    files = List.copyOf(files);
    poles = List.copyOf(poles);
    actors = List.copyOf(actors);
    relations = List.copyOf(relations);
    flows = List.copyOf(flows);
    channels = List.copyOf(channels);
    strategies = Map.copyOf(strategies);
    frameworks = List.copyOf(frameworks);
    projects = List.copyOf(projects);
    disputes = List.copyOf(disputes);
    events = List.copyOf(events);
    knockOuts = knockOuts.isEmpty() ? Set.of()
        : java.util.Collections.unmodifiableSet(EnumSet.copyOf(knockOuts));
    provenance = List.copyOf(provenance);
  }

  /** Number of steps from start to end, both included. */
  public int steps() {
    int months = (end.getYear() - start.getYear()) * 12 + end.getMonthValue() - start.getMonthValue();
    return months / step.months() + 1;
  }

  /** The month at the beginning of a step. */
  public YearMonth dateOf(int step) {
    return start.plusMonths((long) step * this.step.months());
  }

  /** The step that contains a month. */
  public int stepOf(YearMonth month) {
    int months = (month.getYear() - start.getYear()) * 12 + month.getMonthValue() - start.getMonthValue();
    return Math.floorDiv(months, step.months());
  }

  public Scenario withSeed(long newSeed) {
    return new Scenario(name, description, files, start, end, step, newSeed, replications, poles, actors, relations, flows, channels, strategies, frameworks, projects, disputes, events, parameters, observables, knockOuts, relationDefaults, provenance, resolved);
  }

  public Scenario withReplications(int n) {
    return new Scenario(name, description, files, start, end, step, seed, n, poles, actors, relations, flows, channels, strategies, frameworks, projects, disputes, events, parameters, observables, knockOuts, relationDefaults, provenance, resolved);
  }

  public Scenario withParameters(Parameters p) {
    return new Scenario(name, description, files, start, end, step, seed, replications, poles, actors, relations, flows, channels, strategies, frameworks, projects, disputes, events, p, observables, knockOuts, relationDefaults, provenance, resolved);
  }

  public Scenario withActors(List<ActorSpec> newActors) {
    return new Scenario(name, description, files, start, end, step, seed, replications, poles, newActors, relations, flows, channels, strategies, frameworks, projects, disputes, events, parameters, observables, knockOuts, relationDefaults, provenance, resolved);
  }

  public Scenario withRelations(List<RelationSpec> newRelations) {
    return new Scenario(name, description, files, start, end, step, seed, replications, poles, actors, newRelations, flows, channels, strategies, frameworks, projects, disputes, events, parameters, observables, knockOuts, relationDefaults, provenance, resolved);
  }

  public Scenario withFrameworks(List<FrameworkSpec> newFrameworks) {
    return new Scenario(name, description, files, start, end, step, seed, replications, poles, actors, relations, flows, channels, strategies, newFrameworks, projects, disputes, events, parameters, observables, knockOuts, relationDefaults, provenance, resolved);
  }

  public Scenario withEvents(List<EventSpec> newEvents) {
    return new Scenario(name, description, files, start, end, step, seed, replications, poles, actors, relations, flows, channels, strategies, frameworks, projects, disputes, newEvents, parameters, observables, knockOuts, relationDefaults, provenance, resolved);
  }

  public Scenario withObservables(Observables o) {
    return new Scenario(name, description, files, start, end, step, seed, replications, poles, actors, relations, flows, channels, strategies, frameworks, projects, disputes, events, parameters, o, knockOuts, relationDefaults, provenance, resolved);
  }

  public Scenario withKnockOuts(Set<Mechanism> off) {
    return new Scenario(name, description, files, start, end, step, seed, replications, poles, actors, relations, flows, channels, strategies, frameworks, projects, disputes, events, parameters, observables, off, relationDefaults, provenance, resolved);
  }

  public ActorSpec actor(String id) {
    return actors.stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
  }

  /** The relation written between two actors (in either order), or null. */
  public RelationSpec relation(String a, String b) {
    for (RelationSpec r : relations) {
      if ((r.a().equals(a) && r.b().equals(b)) || (r.a().equals(b) && r.b().equals(a))) return r;
    }
    return null;
  }

  /** Whether a mechanism runs (it is not knocked out). */
  public boolean runs(Mechanism m) {
    return !knockOuts.contains(m);
  }
}
