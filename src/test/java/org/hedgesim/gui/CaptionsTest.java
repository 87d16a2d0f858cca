package org.hedgesim.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hedgesim.model.EventRecord;
import org.junit.jupiter.api.Test;

class CaptionsTest {

  private static EventRecord event(String kind, String actor, String target, double value, String detail) {
    return new EventRecord(8, "2024-09", kind, actor, target, value, "scripted", detail);
  }

  @Test
  void caption_exit_dateThenWhoLeavesWhat() {
    EventRecord e = event("exit", "KHM", "CLV-DTA", Double.NaN, "");
    assertEquals("2024-09: KHM leaves CLV-DTA", Captions.caption(e));
    assertTrue(Captions.isMajor(e));
  }

  @Test
  void caption_sanctionAndOffer_sayHowMuch() {
    assertEquals("USA sanctions KHM (cuts 5% of trade and aid)",
        Captions.text(event("sanction", "USA", "KHM", 0.05, "relative alignment -0.2")));
    assertEquals("CHN courts KHM (US$0.35 bn a year)", Captions.text(event("offer", "CHN", "KHM", 0.35, "delivered; x")));
    assertEquals("CHN fails to deliver to KHM (US$0.35 bn a year)",
        Captions.text(event("offer", "CHN", "KHM", 0.35, "not delivered; x")));
    assertEquals("KHM-VNM incident: border: the state yields",
        Captions.text(event("incident", "KHM", "VNM", 0.3, "border: the state yields")));
    assertFalse(Captions.isMajor(event("offer", "CHN", "KHM", 0.05, "")));
  }

  @Test
  void caption_relation_keepsOnlyWhatChanged() {
    assertEquals("KHM-VNM relation: trust -0.030 grievance +0.020", Captions.text(event("relation", "KHM", "VNM",
        -0.03, "trust -0.030 grievance +0.020 proximity +0.000 security +0.000")));
  }

  @Test
  void caption_projectAndVisit() {
    assertEquals("KHM: canal starts, financed by CHN", Captions.text(event("project_start", "KHM", "CHN", 1.7, "canal")));
    assertEquals("CHN visits KHM (head of state)", Captions.text(event("visit", "CHN", "KHM", 0.04, "head_of_state")));
    assertFalse(Captions.isShown(event("skipped", "KHM", "", Double.NaN, "exit: not a member")));
  }
}
