package com.minichat.domain.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.minichat.domain.common.FieldViolation;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.user.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Greetings per visitor language, with the default greeting for everyone else. */
class WelcomeMessagesTest {
  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  private static Workspace withWelcomes(Map<String, String> welcomes) {
    return new Workspace(
        WorkspaceId.generate(),
        "Shop",
        UserId.generate(),
        WidgetKey.generate(),
        "Hello!",
        "",
        List.of(),
        List.of(),
        30,
        false,
        null,
        welcomes,
        WidgetAppearance.DEFAULT,
        Plan.UNLIMITED,
        null,
        T0,
        T0);
  }

  @Test
  void eachLanguageGetsItsGreetingAndOthersTheDefault() {
    Workspace workspace = withWelcomes(Map.of("th", "สวัสดีค่ะ"));

    assertEquals("สวัสดีค่ะ", workspace.welcomeFor("th"));
    assertEquals("สวัสดีค่ะ", workspace.welcomeFor("th-TH"));
    assertEquals("Hello!", workspace.welcomeFor("en"));
    assertEquals("Hello!", workspace.welcomeFor("de"));
    assertEquals("Hello!", workspace.welcomeFor(null));
  }

  @Test
  void unknownLanguagesEmptyAndOverlongGreetingsAreReportedTogether() {
    Map<String, String> welcomes = new HashMap<>();
    welcomes.put("fr", "Bonjour");
    welcomes.put("en", null);
    welcomes.put("th", "ก".repeat(Workspace.MAX_WELCOME + 1));

    ValidationException e = assertThrows(ValidationException.class, () -> withWelcomes(welcomes));

    assertEquals(
        List.of("welcomeMessages.en", "welcomeMessages.fr", "welcomeMessages.th"),
        e.violations().stream().map(FieldViolation::field).toList());
  }
}
