package com.minichat.domain.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.minichat.domain.common.FieldViolation;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.common.Violations;
import com.minichat.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WidgetAppearanceTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");

  private static List<String> brokenFields(WidgetAppearance appearance) {
    Violations violations = new Violations();
    appearance.check(violations);
    try {
      violations.throwIfAny();
      return List.of();
    } catch (ValidationException e) {
      return e.violations().stream().map(FieldViolation::field).toList();
    }
  }

  @Test
  void missingValuesTakeTheDefaultsAndValuesAreNormalised() {
    assertEquals(WidgetAppearance.DEFAULT, new WidgetAppearance(null, null, null, null, null));
    WidgetAppearance chosen =
        new WidgetAppearance(
            " #0F766E ", " bottom-left ", "light", "  Bean  ", " https://x.test/a.png ");

    assertEquals("#0f766e", chosen.primaryColor());
    assertEquals("bottom-left", chosen.position());
    assertEquals("Bean", chosen.title());
    assertEquals("https://x.test/a.png", chosen.avatarUrl());
    assertEquals(List.of(), brokenFields(chosen));
    assertEquals(List.of(), brokenFields(WidgetAppearance.DEFAULT));
  }

  @Test
  void everyBrokenRuleIsReported() {
    WidgetAppearance broken =
        new WidgetAppearance("#12345", "top-left", "sepia", "x".repeat(61), "javascript:alert(1)");

    assertEquals(
        List.of(
            "appearance.primaryColor",
            "appearance.position",
            "appearance.theme",
            "appearance.title",
            "appearance.avatarUrl"),
        brokenFields(broken));
  }

  @Test
  void theAvatarMustBeAnHttpsAddressWithoutCredentials() {
    for (String url :
        List.of(
            "http://cdn.example.com/a.png",
            "https://user:pass@cdn.example.com/a.png",
            "/a.png",
            "https:///a.png",
            "https://cdn.example.com/" + "a".repeat(WidgetAppearance.MAX_AVATAR_URL))) {
      assertEquals(
          List.of("appearance.avatarUrl"),
          brokenFields(new WidgetAppearance(null, null, null, null, url)),
          url);
    }
  }

  @Test
  void theTextColourContrastsWithTheAccent() {
    assertEquals(WidgetAppearance.LIGHT_TEXT, WidgetAppearance.DEFAULT.textColor());
    assertEquals(WidgetAppearance.LIGHT_TEXT, colour("#000000").textColor());
    assertEquals(WidgetAppearance.LIGHT_TEXT, colour("#0f766e").textColor());
    assertEquals(WidgetAppearance.DARK_TEXT, colour("#ffffff").textColor());
    assertEquals(WidgetAppearance.DARK_TEXT, colour("#facc15").textColor());
    assertEquals(WidgetAppearance.DARK_TEXT, colour("#22d3ee").textColor());
  }

  @Test
  void aWorkspaceReportsItsAppearanceWithItsOtherSettings() {
    ValidationException refused =
        assertThrows(
            ValidationException.class,
            () ->
                new Workspace(
                    WorkspaceId.generate(),
                    "",
                    UserId.generate(),
                    WidgetKey.generate(),
                    "",
                    "",
                    List.of(),
                    List.of(),
                    Workspace.DEFAULT_RETENTION_DAYS,
                    false,
                    null,
                    Map.of(),
                    new WidgetAppearance("red", null, null, null, null),
                    Plan.UNLIMITED,
                    null,
                    T0,
                    T0));

    assertEquals(
        List.of("name", "appearance.primaryColor"),
        refused.violations().stream().map(FieldViolation::field).toList());
  }

  private static WidgetAppearance colour(String hex) {
    return new WidgetAppearance(hex, null, null, null, null);
  }
}
