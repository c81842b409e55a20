package com.minichat.domain.workspace;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.domain.common.FieldViolation;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");
  private static final UserId OWNER = new UserId("owner-1");

  private static Workspace workspace(
      String name,
      String welcome,
      String prompt,
      List<FaqEntry> faq,
      List<String> domains,
      int retention) {
    return new Workspace(
        new WorkspaceId("ws-1"),
        name,
        OWNER,
        new WidgetKey("wk_test"),
        welcome,
        prompt,
        faq,
        domains,
        retention,
        T0,
        T0);
  }

  private static Workspace withDomains(List<String> domains) {
    return workspace("Shop", null, null, null, domains, Workspace.DEFAULT_RETENTION_DAYS);
  }

  private static Workspace named(String name) {
    return workspace(name, null, null, null, null, Workspace.DEFAULT_RETENTION_DAYS);
  }

  private static List<String> fields(ValidationException e) {
    return e.violations().stream().map(FieldViolation::field).toList();
  }

  @Test
  void validSettingsAreKept() {
    Workspace workspace =
        workspace(
            "ร้านกาแฟ Coffee",
            "Hello!",
            "You are a barista.",
            List.of(new FaqEntry("Open?", "8–18")),
            List.of("shop.example.com"),
            90);

    assertAll(
        () -> assertEquals("ร้านกาแฟ Coffee", workspace.name()),
        () -> assertEquals("Hello!", workspace.welcomeMessage()),
        () -> assertEquals("You are a barista.", workspace.systemPrompt()),
        () -> assertEquals(List.of(new FaqEntry("Open?", "8–18")), workspace.faq()),
        () -> assertEquals(List.of("shop.example.com"), workspace.allowedDomains()),
        () -> assertEquals(90, workspace.dataRetentionDays()));
  }

  @Test
  void absentOptionalSettingsBecomeEmpty() {
    Workspace workspace = named("Shop");

    assertEquals("", workspace.welcomeMessage());
    assertEquals("", workspace.systemPrompt());
    assertEquals(List.of(), workspace.faq());
    assertEquals(List.of(), workspace.allowedDomains());
  }

  @Test
  void textSettingsAreTrimmed() {
    Workspace workspace =
        workspace(
            "  Shop \t",
            "\n Hello! ",
            "  Be nice.  ",
            List.of(new FaqEntry("  Open? ", " 8–18 ")),
            null,
            30);

    assertEquals("Shop", workspace.name());
    assertEquals("Hello!", workspace.welcomeMessage());
    assertEquals("Be nice.", workspace.systemPrompt());
    assertEquals(new FaqEntry("Open?", "8–18"), workspace.faq().getFirst());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t\n"})
  void nameIsRequired(String name) {
    ValidationException e = assertThrows(ValidationException.class, () -> named(name));

    assertEquals(List.of(new FieldViolation("name", "is required")), e.violations());
  }

  @Test
  void nameHasAMaximumLength() {
    assertDoesNotThrow(() -> named("n".repeat(Workspace.MAX_NAME)));

    ValidationException e =
        assertThrows(ValidationException.class, () -> named("n".repeat(Workspace.MAX_NAME + 1)));
    assertEquals(List.of("name"), fields(e));
  }

  @Test
  void everyBrokenRuleIsReportedAtOnceWithFieldPaths() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                workspace(
                    " ",
                    "w".repeat(Workspace.MAX_WELCOME + 1),
                    "p".repeat(Workspace.MAX_SYSTEM_PROMPT + 1),
                    List.of(
                        new FaqEntry("Fine question", "Fine answer"),
                        new FaqEntry("Question without answer", "  "),
                        new FaqEntry("q".repeat(Workspace.MAX_FAQ_QUESTION + 1), "ok")),
                    List.of("http://x.com", "shop.example.com", "Shop.Example.com"),
                    0));

    assertEquals(
        List.of(
            "name",
            "welcomeMessage",
            "systemPrompt",
            "dataRetentionDays",
            "faq[1].answer",
            "faq[2].question",
            "allowedDomains[0]",
            "allowedDomains[2]"),
        fields(e));
    assertEquals("8 fields are invalid", e.getMessage());
  }

  @Test
  void faqEntriesNeedQuestionAndAnswerWithinTheirLimits() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                workspace(
                    "Shop",
                    null,
                    null,
                    List.of(
                        new FaqEntry(null, null),
                        new FaqEntry("ok", "a".repeat(Workspace.MAX_FAQ_ANSWER + 1))),
                    null,
                    30));

    assertEquals(
        List.of(
            new FieldViolation("faq[0].question", "is required"),
            new FieldViolation("faq[0].answer", "is required"),
            new FieldViolation(
                "faq[1].answer", "must be at most " + Workspace.MAX_FAQ_ANSWER + " characters")),
        e.violations());
  }

  @Test
  void listsHaveAMaximumSize() {
    List<FaqEntry> faq =
        Collections.nCopies(Workspace.MAX_FAQ_ENTRIES + 1, new FaqEntry("Q?", "A."));
    List<String> domains =
        Collections.nCopies(Workspace.MAX_ALLOWED_DOMAINS + 1, "shop.example.com");

    ValidationException e =
        assertThrows(
            ValidationException.class, () -> workspace("Shop", null, null, faq, domains, 30));

    assertEquals(List.of("faq", "allowedDomains"), fields(e));
    assertDoesNotThrow(
        () ->
            workspace(
                "Shop",
                null,
                null,
                faq.subList(0, Workspace.MAX_FAQ_ENTRIES),
                domains.subList(0, Workspace.MAX_ALLOWED_DOMAINS),
                30));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "shop.example.com",
        "*.example.com",
        "localhost:3000",
        "localhost",
        "example.com",
        "my-shop.example.co.th",
        "127.0.0.1:8080",
        "xn--72c9ao5c.com"
      })
  void acceptedDomains(String domain) {
    assertEquals(List.of(domain), withDomains(List.of(domain)).allowedDomains());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://x.com",
        "https://shop.example.com",
        "Shop.example.com",
        "SHOP.EXAMPLE.COM",
        "shop example.com",
        " shop.example.com",
        "shop.example.com/",
        "shop.example.com/path",
        "",
        "*.",
        "*example.com",
        "shop.*.example.com",
        "-shop.example.com",
        "shop-.example.com",
        "shop..example.com",
        "localhost:",
        "localhost:123456",
        "user@example.com"
      })
  void refusedDomains(String domain) {
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> withDomains(List.of("ok.example.com", domain)));

    assertEquals(List.of("allowedDomains[1]"), fields(e));
  }

  /**
   * Fails today: {@code List.copyOf} throws a {@link NullPointerException} for a {@code null}
   * element before the rule that checks {@code domain != null} runs, so {@code "allowedDomains":
   * [null]} in a request (the HTTP adapter passes the list on as it is) becomes a 500 instead of a
   * validation error.
   */
  @Test
  void nullAllowedDomainIsReportedAtItsIndex() {
    List<String> domains = Arrays.asList("shop.example.com", null);

    ValidationException e = assertThrows(ValidationException.class, () -> withDomains(domains));

    assertEquals(List.of("allowedDomains[1]"), fields(e));
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, Workspace.MAX_RETENTION_DAYS + 1})
  void retentionOutsideItsRangeIsRefused(int days) {
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> workspace("Shop", null, null, null, null, days));

    assertEquals(
        List.of(
            new FieldViolation(
                "dataRetentionDays", "must be between 1 and " + Workspace.MAX_RETENTION_DAYS)),
        e.violations());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, Workspace.DEFAULT_RETENTION_DAYS, Workspace.MAX_RETENTION_DAYS})
  void retentionInsideItsRangeIsKept(int days) {
    assertEquals(days, workspace("Shop", null, null, null, null, days).dataRetentionDays());
  }

  @Test
  void listsAreCopiedAndUnmodifiable() {
    List<String> domains = new ArrayList<>(List.of("shop.example.com"));
    Workspace workspace = withDomains(domains);

    domains.add("Not Valid");

    assertEquals(List.of("shop.example.com"), workspace.allowedDomains());
    assertThrows(
        UnsupportedOperationException.class, () -> workspace.allowedDomains().add("x.com"));
    assertThrows(
        UnsupportedOperationException.class, () -> workspace.faq().add(new FaqEntry("q", "a")));
  }

  @Test
  void widgetKeysAreRandomAndPrefixed() {
    WidgetKey first = WidgetKey.generate();
    WidgetKey second = WidgetKey.generate();

    assertTrue(first.value().startsWith(WidgetKey.PREFIX), first.value());
    assertFalse(first.equals(second));
  }
}
