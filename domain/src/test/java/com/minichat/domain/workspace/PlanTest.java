package com.minichat.domain.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanTest {
  @Test
  void plansAreParsedByTheirLowerCaseNameInAnyCase() {
    for (Plan plan : Plan.values()) {
      assertEquals(Optional.of(plan), Plan.parse(" " + plan.id().toUpperCase() + " "));
    }
    assertEquals(Optional.empty(), Plan.parse("enterprise"));
    assertEquals(Optional.empty(), Plan.parse(null));
  }

  @Test
  void everyLimitGrowsFromPlanToPlanAndUnlimitedHasNone() {
    Plan[] plans = Plan.values();
    for (int i = 1; i < plans.length; i++) {
      Plan smaller = plans[i - 1];
      Plan larger = plans[i];
      assertTrue(smaller.messagesPerMonth() < larger.messagesPerMonth(), larger.id());
      assertTrue(smaller.members() < larger.members(), larger.id());
      assertTrue(smaller.documents() < larger.documents(), larger.id());
      assertTrue(smaller.storageBytes() < larger.storageBytes(), larger.id());
    }
    assertFalse(Plan.isLimited(Plan.UNLIMITED.members()));
    assertFalse(Plan.isLimited(Plan.UNLIMITED.messagesPerMonth()));
    assertTrue(Plan.isLimited(Plan.FREE.members()));
  }
}
