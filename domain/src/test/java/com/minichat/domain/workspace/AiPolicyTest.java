package com.minichat.domain.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.minichat.domain.common.FieldViolation;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.user.UserId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AiPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  private static Workspace with(AiPolicy policy) {
    return new Workspace(
        WorkspaceId.generate(),
        "Shop",
        UserId.generate(),
        WidgetKey.generate(),
        "",
        "",
        List.of(),
        List.of(),
        30,
        false,
        null,
        Map.of(),
        null,
        null,
        policy,
        NOW,
        NOW);
  }

  @Test
  void aWorkspaceWithoutAPolicyHidesPersonalDataAndHasNoBudget() {
    AiPolicy policy = with(null).aiPolicy();

    assertEquals(AiPolicy.DEFAULT, policy);
    assertEquals(true, policy.redactPersonalData());
    assertEquals(null, policy.monthlyBudgetMicros());
  }

  @Test
  void blockedWordsMatchIgnoringCaseWidthAndSurroundingThaiText() {
    AiPolicy policy = new AiPolicy(true, List.of("คาสิโน", " Casino "), null, 80, false);

    assertEquals(Optional.of("คาสิโน"), policy.blockedWordIn("เล่นคาสิโนออนไลน์ได้ไหม"));
    assertEquals(Optional.of("Casino"), policy.blockedWordIn("best ＣＡＳＩＮＯ bonus"));
    assertEquals(Optional.empty(), policy.blockedWordIn("ร้านเปิดกี่โมง"));
  }

  @Test
  void everyBrokenRuleIsReportedWithItsField() {
    ValidationException failure =
        assertThrows(
            ValidationException.class,
            () ->
                with(
                    new AiPolicy(true, Arrays.asList("ok", null, "x".repeat(101)), -1L, 0, false)));

    assertEquals(
        List.of(
            "aiPolicy.monthlyBudgetUsd",
            "aiPolicy.budgetWarningPercent",
            "aiPolicy.blockedWords[1]",
            "aiPolicy.blockedWords[2]"),
        failure.violations().stream().map(FieldViolation::field).toList());
  }
}
