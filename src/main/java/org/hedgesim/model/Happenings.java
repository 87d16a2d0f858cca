package org.hedgesim.model;

import java.util.Locale;
import org.hedgesim.scenario.Action;
import org.hedgesim.scenario.Approach;
import org.hedgesim.scenario.ChannelSpec;
import org.hedgesim.scenario.Mechanism;
import org.hedgesim.scenario.Parameter;
import org.hedgesim.scenario.Settable;
import org.hedgesim.scenario.Strategy;
import org.hedgesim.scenario.ValuePath;

/**
 * What each kind of event does to the world (docs/MODEL.md, "Events"), whether it was scripted,
 * drawn at random, decided by the model, or is the effect of a project. Each logs itself.
 */
final class Happenings {

  private Happenings() {}

  /** Applies an action; {@code origin} is scripted, random or project. */
  static void apply(HedgeWorld w, Action action, String origin) {
    if (action instanceof Action.Exit e) {
      Framework f = w.frameworkIndex.get(e.framework());
      exit(w, w.actorIndex(e.actor()), f, origin, "");
    } else if (action instanceof Action.Join j) {
      join(w, w.actorIndex(j.actor()), w.frameworkIndex.get(j.framework()), origin, "");
    } else if (action instanceof Action.StartProject sp) {
      startProject(w, w.projectIndex.get(sp.project()), origin);
    } else if (action instanceof Action.Sanction s) {
      sanction(w, w.actorIndex(s.from()), w.actorIndex(s.to()), s.severity(), origin);
    } else if (action instanceof Action.LiftSanction l) {
      liftSanction(w, w.actorIndex(l.from()), w.actorIndex(l.to()), origin);
    } else if (action instanceof Action.TradeAgreement t) {
      tradeAgreement(w, t, origin);
    } else if (action instanceof Action.Visit v) {
      Parameter p = switch (v.level()) {
        case HEAD_OF_STATE -> Parameter.VISIT_TRUST_HEAD_OF_STATE;
        case HEAD_OF_GOVERNMENT -> Parameter.VISIT_TRUST_HEAD_OF_GOVERNMENT;
        case MINISTER -> Parameter.VISIT_TRUST_MINISTER;
      };
      int from = w.actorIndex(v.from());
      int to = w.actorIndex(v.to());
      double push = Beliefs.visitNews(w, from, to, v.level().ordinal(), w.p(p));
      Beliefs.trustNews(w, to, from, push);
      w.log("visit", from, to, push, origin, v.level().key());
    } else if (action instanceof Action.Aid a) {
      aid(w, a, origin);
    } else if (action instanceof Action.ApproachChange c) {
      Actor actor = w.actors[w.actorIndex(c.actor())];
      String before = actor.approach.name().toLowerCase(Locale.ROOT);
      actor.approach = c.approach();
      w.log("approach", actor.index, -1, Double.NaN, origin,
          before + " -> " + c.approach().name().toLowerCase(Locale.ROOT));
    } else if (action instanceof Action.Shock s) {
      Actor actor = w.actors[w.actorIndex(s.actor())];
      actor.shocks.add(s.growth(), Math.max(1, (int) Math.ceil((double) s.months() / w.monthsPerStep)));
      w.log("shock", actor.index, -1, s.growth(), origin, "growth " + s.growth() + " for " + s.months() + " months");
    } else if (action instanceof Action.SetValue s) {
      set(w, s.path(), s.value(), origin);
    } else if (action instanceof Action.Reroute r) {
      reroute(w, r, origin);
    } else if (action instanceof Action.RelationChange r) {
      int a = w.actorIndex(r.a());
      int b = w.actorIndex(r.b());
      Relation rel = w.relations[a][b];
      w.unsettle(rel);
      rel.trust = Equations.news(rel.trust, r.trust());
      rel.baseTrust = Equations.news(rel.baseTrust, r.trust());
      rel.credibility = Equations.news(rel.credibility, r.credibility());
      rel.grievance = Equations.clip(rel.grievance + r.grievance(), 0, 1);
      rel.proximity = Equations.clip(rel.proximity + r.proximity(), 0, 1);
      rel.security = Equations.clip(rel.security + r.security(), 0, 1);
      rel.rivalry = Equations.clip(rel.rivalry + r.rivalry(), 0, 1);
      w.frameworkVersion++;
      w.log("relation", a, b, r.trust(), origin, String.format(Locale.ROOT,
          "trust %+.3f grievance %+.3f proximity %+.3f security %+.3f credibility %+.3f rivalry %+.3f",
          r.trust(), r.grievance(), r.proximity(), r.security(), r.credibility(), r.rivalry()));
    } else if (action instanceof Action.Incident i) {
      Disputes.incident(w, w.disputeIndex.get(i.dispute()), i.severity(), origin);
    } else if (action instanceof Action.LeaderChange l) {
      Government.change(w, w.actors[w.actorIndex(l.actor())], l.government(), origin, "");
    } else {
      throw new IllegalStateException("unhandled action " + action);
    }
  }

  static void exit(HedgeWorld w, int actor, Framework f, String origin, String detail) {
    if (!f.member[actor]) {
      w.log("skipped", actor, -1, Double.NaN, origin, "exit from " + f.id + ": not a member");
      return;
    }
    f.member[actor] = false;
    w.frameworkVersion++;
    w.membershipVersion[actor]++;
    f.former[actor] = true;
    Actor a = w.actors[actor];
    a.reviewCount[f.index] = 0;
    if (f.lead >= 0 && f.lead != actor && w.runs(Mechanism.BELIEFS)) {
      Relation r = w.relations[actor][f.lead];
      w.unsettle(r);
      double shock = w.p(Parameter.EXIT_TRUST_SHOCK);
      r.trust = Equations.badNews(r.trust, shock);
      r.baseTrust = Equations.badNews(r.baseTrust, shock * w.p(Parameter.EXIT_TRUST_SCAR));
    }
    if (w.runs(Mechanism.LEGITIMACY)) {
      a.legitimacy = Equations.goodNews(a.legitimacy, a.nationalism * w.p(Parameter.EXIT_LEGITIMACY_GAIN));
    }
    w.log("exit", a.id, f.id, Double.NaN, origin, detail);
  }

  static void join(HedgeWorld w, int actor, Framework f, String origin, String detail) {
    if (f.member[actor]) {
      w.log("skipped", actor, -1, Double.NaN, origin, "join " + f.id + ": already a member");
      return;
    }
    f.member[actor] = true;
    w.frameworkVersion++;
    w.membershipVersion[actor]++;
    Actor a = w.actors[actor];
    a.reviewCount[f.index] = 0;
    if (f.lead >= 0 && f.lead != actor) {
      Beliefs.trustNews(w, actor, f.lead, w.p(Parameter.JOIN_TRUST_GAIN));
    }
    if (w.runs(Mechanism.LEGITIMACY)) {
      a.legitimacy = Equations.badNews(a.legitimacy, Math.min(1.0,
          a.nationalism * f.sovereigntyCost * w.p(Parameter.EXIT_LEGITIMACY_GAIN)));
    }
    w.log("join", a.id, f.id, Double.NaN, origin, detail);
  }

  static void startProject(HedgeWorld w, Project p, String origin) {
    if (p.status != Project.Status.PLANNED) {
      w.log("skipped", p.host, p.financier, Double.NaN, origin, "project " + p.spec.id() + " already started");
      return;
    }
    p.status = Project.Status.BUILDING;
    p.stepsLeft = Math.max(1, (int) Math.ceil((double) p.spec.months() / w.monthsPerStep));
    p.inflowPerStep = p.spec.cost() * p.spec.financierShare() / p.stepsLeft;
    w.log("project_start", p.host, p.financier, p.spec.cost(), origin, p.spec.id());
    for (Action a : p.spec.onStart()) apply(w, a, "project");
  }

  static void completeProject(HedgeWorld w, Project p) {
    p.status = Project.Status.COMPLETE;
    Actor host = w.actors[p.host];
    if (w.runs(Mechanism.LEGITIMACY) && host.isSmall()) {
      host.legitimacy = Equations.goodNews(host.legitimacy, w.p(Parameter.PROJECT_LEGITIMACY_GAIN));
    }
    Beliefs.trustNews(w, p.host, p.financier, w.p(Parameter.PROJECT_TRUST_GAIN));
    Beliefs.credibilityNews(w, p.host, p.financier, w.p(Parameter.DELIVERY_CREDIBILITY));
    w.log("project_complete", p.host, p.financier, p.spec.cost(), "endogenous", p.spec.id());
    for (Action a : p.spec.onCompletion()) apply(w, a, "project");
  }

  /** A scripted sanction: its severity cuts sanctionable flows with any coercion in force. */
  static void sanction(HedgeWorld w, int from, int to, double severity, String origin) {
    Actor pole = w.actors[from];
    if (!pole.isPole()) {
      w.log("skipped", from, to, severity, origin, "sanction: " + pole.id + " is not a pole");
      return;
    }
    boolean fresh = pole.scriptedSanction[to] == 0;
    pole.scriptedSanction[to] = severity;
    Coercion.refresh(pole, to);
    if (fresh) Beliefs.trustNews(w, to, from, -w.p(Parameter.SANCTION_TRUST_SHOCK));
    w.log("sanction", from, to, severity, origin, "");
  }

  /** A scripted lift ends the scripted sanction and any coercion in force. */
  static void liftSanction(HedgeWorld w, int from, int to, String origin) {
    Actor pole = w.actors[from];
    if (!pole.isPole() || pole.sanctionOn[to] == 0) {
      w.log("skipped", from, to, Double.NaN, origin, "lift_sanction: no sanction in force");
      return;
    }
    pole.scriptedSanction[to] = 0;
    pole.coercion[to] = 0;
    Coercion.refresh(pole, to);
    w.log("lift_sanction", from, to, Double.NaN, origin, "");
  }

  private static void tradeAgreement(HedgeWorld w, Action.TradeAgreement t, String origin) {
    boolean[] party = new boolean[w.actors.length];
    for (String id : t.parties()) party[w.actorIndex(id)] = true;
    for (Flow f : w.flows) {
      if (w.channels[f.channel].tradeAgreement() && party[f.from] && party[f.to] && f.from != f.to) {
        f.boost *= 1.0 + t.exportBoost();
      }
    }
    w.log("trade_agreement", String.join("+", t.parties()), "", t.exportBoost(), origin, "");
  }

  private static void aid(HedgeWorld w, Action.Aid a, String origin) {
    int from = w.actorIndex(a.from());
    int to = w.actorIndex(a.to());
    String channel = w.aidChannel();
    if (channel != null) {
      Flow f = w.flowIndex.get(HedgeWorld.flowKey(channel, a.from(), a.to()));
      if (f.extras == null) f.extras = new Temporary();
      f.extras.add(a.amount(), w.stepsPerYear);
    }
    Beliefs.trustNews(w, to, from, Math.min(0.05, w.p(Parameter.AID_TRUST) * a.amount()));
    w.log("aid", from, to, a.amount(), origin, a.aidKind() == null ? "" : a.aidKind());
  }

  private static void reroute(HedgeWorld w, Action.Reroute r, String origin) {
    int c = -1;
    for (int i = 0; i < w.channels.length; i++) {
      if (w.channels[i].kind().equals(r.channel())) c = i;
    }
    ChannelSpec ch = w.channels[c];
    int actor = w.actorIndex(r.actor());
    int away = w.actorIndex(r.fromPartner());
    int toward = w.actorIndex(r.toPartner());
    Flow source = ch.dependentIsRecipient() ? w.flow(c, away, actor) : w.flow(c, actor, away);
    Flow target = ch.dependentIsRecipient() ? w.flow(c, toward, actor) : w.flow(c, actor, toward);
    double movedLevel = source.level * r.share();
    source.base *= 1.0 - r.share();
    source.level -= movedLevel;
    double m = EconomyPhase.multiplier(w, target);
    target.base += m > 0 ? movedLevel / m : movedLevel;
    target.level += movedLevel;
    if (ch.stock()) {
      double movedStock = source.stock * r.share();
      source.stock -= movedStock;
      target.stock += movedStock;
    }
    w.log("reroute", actor, away, r.share(), origin,
        String.format(Locale.ROOT, "%.0f%% of %s moved from %s to %s", 100 * r.share(), r.channel(),
            r.fromPartner(), r.toPartner()));
  }

  private static void set(HedgeWorld w, ValuePath path, String value, String origin) {
    if (path.section().equals("parameters")) {
      Parameter p = Parameter.byKey(path.field());
      w.parameters[p.ordinal()] = Double.parseDouble(value);
      if (p == Parameter.REVIEW_PATIENCE_MONTHS) {
        w.patienceSteps = Math.max(1, (int) Math.ceil(Double.parseDouble(value) / w.monthsPerStep));
      }
    } else {
      Settable s = Settable.find(path.section(), path.field());
      switch (path.section()) {
        case "actors" -> setActor(w, w.actors[w.actorIndex(path.ids().get(0))], s, value);
        case "relations" -> {
          Relation r = w.relations[w.actorIndex(path.ids().get(0))][w.actorIndex(path.ids().get(1))];
          w.unsettle(r);
          setRelation(r, s, value);
          w.frameworkVersion++;
        }
        case "frameworks" -> {
          setFramework(w.frameworkIndex.get(path.ids().get(0)), s, value);
          w.frameworkVersion++;
          w.benefitVersion++;
        }
        default -> throw new IllegalStateException(path.toString());
      }
    }
    w.log("set", "", "", Double.NaN, origin, path + " = " + value);
  }

  private static void setActor(HedgeWorld w, Actor a, Settable s, String value) {
    switch (s) {
      case ACTOR_NATIONALISM -> {
        a.nationalism = Double.parseDouble(value);
        a.nationalismBase = a.nationalism;
      }
      case ACTOR_LEGITIMACY -> a.legitimacy = Double.parseDouble(value);
      case ACTOR_GROWTH -> a.growth = Double.parseDouble(value);
      case ACTOR_GROWTH_TARGET -> a.growthTarget = Double.parseDouble(value);
      case ACTOR_NEUTRALITY -> a.neutrality = Double.parseDouble(value);
      case ACTOR_INERTIA -> a.inertia = Double.parseDouble(value);
      case ACTOR_TOLERANCE -> a.tolerance = Double.parseDouble(value);
      case ACTOR_COMMITMENT_COST -> a.ownCommitmentCost = Double.parseDouble(value);
      case ACTOR_RISK_AVERSION -> a.ownRiskAversion = Double.parseDouble(value);
      case ACTOR_STRATEGY -> {
        a.strategy = Strategy.valueOf(value.toUpperCase(Locale.ROOT));
        a.effectiveStrategy = a.strategy;
        a.switchPole = -1;
        a.switchKind = null;
        a.switchCount = 0;
        a.revertCount = 0;
        org.hedgesim.scenario.Profile profile = w.scenario().strategies().get(a.strategy);
        a.ownWeights = profile.weights();
        a.ownCommitmentCost = profile.commitmentCost();
        a.ownRiskAversion = profile.riskAversion();
      }
      case ACTOR_APPROACH -> a.approach = Approach.valueOf(value.toUpperCase(Locale.ROOT));
      default -> throw new IllegalStateException(s.toString());
    }
  }

  private static void setRelation(Relation r, Settable s, String value) {
    double v = Double.parseDouble(value);
    switch (s) {
      case RELATION_TRUST -> {
        r.trust = v;
        r.baseTrust = v;
      }
      case RELATION_GRIEVANCE -> r.grievance = v;
      case RELATION_PROXIMITY -> r.proximity = v;
      case RELATION_SECURITY -> r.security = v;
      case RELATION_CREDIBILITY -> r.credibility = v;
      case RELATION_RIVALRY -> r.rivalry = v;
      default -> throw new IllegalStateException(s.toString());
    }
  }

  private static void setFramework(Framework f, Settable s, String value) {
    switch (s) {
      case FRAMEWORK_BENEFIT -> f.benefit = Double.parseDouble(value);
      case FRAMEWORK_SOVEREIGNTY_COST -> f.sovereigntyCost = Double.parseDouble(value);
      case FRAMEWORK_EXIT_COST -> f.exitCost = Double.parseDouble(value);
      case FRAMEWORK_OPEN -> f.open = Boolean.parseBoolean(value);
      default -> throw new IllegalStateException(s.toString());
    }
  }
}
