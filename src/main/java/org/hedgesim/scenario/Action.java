package org.hedgesim.scenario;

import java.util.List;

/**
 * Something that happens to the world at a date: a scripted or random event, or an effect of a
 * project at its start or completion. Each kind is the YAML key that introduces it.
 */
public sealed interface Action
    permits Action.Exit, Action.Join, Action.StartProject, Action.Sanction, Action.LiftSanction,
        Action.TradeAgreement, Action.Visit, Action.Aid, Action.ApproachChange, Action.Shock,
        Action.SetValue, Action.Reroute, Action.RelationChange, Action.Incident,
        Action.LeaderChange {

  /** The YAML key of this kind of action. */
  String kind();

  /** A state leaves a framework. */
  record Exit(String actor, String framework) implements Action {
    public String kind() { return "exit"; }
  }

  /** A state joins a framework. */
  record Join(String actor, String framework) implements Action {
    public String kind() { return "join"; }
  }

  /** Construction of a declared project starts. */
  record StartProject(String project) implements Action {
    public String kind() { return "project"; }
  }

  /** {@code from} cuts the sanctionable flows with {@code to} by {@code severity}. */
  record Sanction(String from, String to, double severity) implements Action {
    public String kind() { return "sanction"; }
  }

  /** {@code from} lifts its sanction on {@code to}. */
  record LiftSanction(String from, String to) implements Action {
    public String kind() { return "lift_sanction"; }
  }

  /** Flows among the parties on trade-agreement channels rise by {@code exportBoost}. */
  record TradeAgreement(List<String> parties, double exportBoost) implements Action {
    public TradeAgreement {
      parties = List.copyOf(parties);
    }
    public String kind() { return "trade_agreement"; }
  }

  /** A visit at some level; trust between the two rises by the level's amount. */
  record Visit(String from, String to, VisitLevel level) implements Action {
    public String kind() { return "visit"; }
  }

  /** One-off aid (US$ bn, spread over the next twelve months), e.g. vaccines. */
  record Aid(String from, String to, double amount, String aidKind) implements Action {
    public String kind() { return "aid"; }
  }

  /** A pole switches approach. */
  record ApproachChange(String actor, Approach approach) implements Action {
    public String kind() { return "approach"; }
  }

  /** Growth of an actor changes by {@code growth} (e.g. -0.08) for {@code months}. */
  record Shock(String actor, double growth, int months) implements Action {
    public String kind() { return "shock"; }
  }

  /** Any settable value of the running model takes a new value. */
  record SetValue(ValuePath path, String value) implements Action {
    public String kind() { return "set"; }
  }

  /**
   * A share of an actor's flows of one kind moves from one partner to another (e.g. trade routed
   * through a neighbour's ports moves to one's own).
   */
  record Reroute(String actor, String channel, String fromPartner, String toPartner, double share)
      implements Action {
    public String kind() { return "reroute"; }
  }

  /**
   * The tie between two actors changes by these amounts (base levels move with them). Trust and
   * credibility move as news (a change of -0.1 takes a tenth of the current level); the others
   * add, within [0, 1].
   */
  record RelationChange(String a, String b, double trust, double grievance, double proximity,
      double security, double credibility, double rivalry) implements Action {
    public String kind() { return "relation"; }
  }

  /** An incident on a declared dispute (a clash, a seizure, a stand-off), of a severity in (0,1]. */
  record Incident(String dispute, double severity) implements Action {
    public String kind() { return "incident"; }
  }

  /** A new government takes office in a small state (an election, a succession). */
  record LeaderChange(String actor, Government government) implements Action {
    public String kind() { return "leader"; }
  }
}
