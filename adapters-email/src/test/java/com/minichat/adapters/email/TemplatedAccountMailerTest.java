package com.minichat.adapters.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mustachejava.MustacheException;
import com.minichat.application.port.out.email.EmailMessage;
import com.minichat.domain.apikey.ApiKey;
import com.minichat.domain.apikey.ApiKeyId;
import com.minichat.domain.apikey.ApiScope;
import com.minichat.domain.team.Invitation;
import com.minichat.domain.team.Role;
import com.minichat.domain.usage.BudgetMark;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TemplatedAccountMailerTest {
  static final URI BASE_URL = URI.create("https://chat.example.com");
  static final String LINK = "https://chat.example.com/account/confirm?token=Ab3_x-9Zq";
  static final Instant UNTIL = Instant.parse("2026-11-27T07:30:00Z");
  static final Instant NOW = Instant.parse("2026-11-27T07:00:00Z");
  static final String WORKSPACE = "Acme Support";
  static final String KEY_NAME = "Production server";
  static final String KEY_HINT = "mc_live_3fA9";
  static final String SECRET_HASH =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  static final String WORKSPACES_URL = "https://chat.example.com/workspaces";

  private static final Pattern THAI = Pattern.compile("[\\u0E00-\\u0E7F]");
  private static final Pattern HTML_TAG = Pattern.compile("<\\s*/?\\s*[A-Za-z!][^>]*>");
  private static final Pattern HTML_ENTITY = Pattern.compile("&(#\\d+|[A-Za-z]+);");
  private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

  private final OutboxEmailSender outbox = new OutboxEmailSender();
  private final TemplatedAccountMailer mailer =
      new TemplatedAccountMailer(outbox, "MiniChat", BASE_URL);

  enum Kind {
    VERIFICATION,
    PASSWORD_RESET,
    ACCOUNT_LOCKED,
    PASSWORD_CHANGED,
    /** Sent to the user's address, with the user as the inviter (the name in the body). */
    INVITATION,
    /** About {@link #KEY_NAME} of {@link #WORKSPACE}, expiring at {@link #UNTIL}. */
    API_KEY_EXPIRING,
    /** {@link #WORKSPACE} spent US$36 of a US$40 AI budget in November 2026. */
    AI_BUDGET
  }

  /**
   * What each mail must say: subject, a body phrase, the link's lifetime if it has one and the time
   * it names (unlock or expiry) if any.
   */
  private record Expected(String subject, String phrase, String validFor, String time) {}

  private static final Map<String, Map<Kind, Expected>> EXPECTED =
      Map.of(
          "en",
          Map.of(
              Kind.VERIFICATION,
              new Expected(
                  "Confirm your e-mail address for MiniChat",
                  "is your e-mail address",
                  "24 hours",
                  null),
              Kind.PASSWORD_RESET,
              new Expected(
                  "Reset your MiniChat password",
                  "If you did not ask for a new password",
                  "1 hour",
                  null),
              Kind.ACCOUNT_LOCKED,
              new Expected(
                  "Your MiniChat account is temporarily locked",
                  "unsuccessful attempts to sign in",
                  null,
                  "27 November 2026 at 07:30 UTC"),
              Kind.PASSWORD_CHANGED,
              new Expected(
                  "Your MiniChat password was changed",
                  "If you made this change, there is nothing else to do.",
                  null,
                  null),
              Kind.INVITATION,
              new Expected(
                  "You are invited to join Acme Support on MiniChat",
                  "If you were not expecting this invitation",
                  "7 days",
                  null),
              Kind.API_KEY_EXPIRING,
              new Expected(
                  "API key “Production server” in Acme Support expires soon",
                  "please rotate the key before it expires",
                  "24 hours",
                  "27 November 2026 at 07:30 UTC"),
              Kind.AI_BUDGET,
              new Expected(
                  "Acme Support: 90% of the AI budget for November 2026",
                  "monthly budget for AI providers in November 2026 (90%)", null, null)),
          "th",
          Map.of(
              Kind.VERIFICATION,
              new Expected("ยืนยันอีเมลสำหรับบัญชี MiniChat", "กรุณายืนยันว่า", "24 ชั่วโมง", null),
              Kind.PASSWORD_RESET,
              new Expected(
                  "ตั้งรหัสผ่านใหม่สำหรับบัญชี MiniChat",
                  "หากคุณไม่ได้ขอตั้งรหัสผ่านใหม่",
                  "1 ชั่วโมง",
                  null),
              Kind.ACCOUNT_LOCKED,
              new Expected(
                  "บัญชี MiniChat ของคุณถูกล็อกชั่วคราว",
                  "ไม่สำเร็จหลายครั้ง",
                  null,
                  "27 พฤศจิกายน 2569 เวลา 14:30 น. (เวลาประเทศไทย)"),
              Kind.PASSWORD_CHANGED,
              new Expected(
                  "มีการเปลี่ยนรหัสผ่านบัญชี MiniChat ของคุณ",
                  "หากคุณเป็นผู้เปลี่ยนรหัสผ่านเอง",
                  null,
                  null),
              Kind.INVITATION,
              new Expected(
                  "คำเชิญเข้าร่วมเวิร์กสเปซ Acme Support บน MiniChat",
                  "หากคุณไม่ได้คาดว่าจะได้รับคำเชิญนี้",
                  "7 วัน",
                  null),
              Kind.API_KEY_EXPIRING,
              new Expected(
                  "คีย์ API “Production server” ของ Acme Support ใกล้หมดอายุ",
                  "กรุณาหมุนเวียนคีย์ (rotate) ก่อนคีย์หมดอายุ",
                  "24 ชั่วโมง",
                  "27 พฤศจิกายน 2569 เวลา 14:30 น. (เวลาประเทศไทย)"),
              Kind.AI_BUDGET,
              new Expected(
                  "Acme Support ใช้งบ AI เดือนนี้ไปแล้ว 90%",
                  "ใช้ค่าบริการผู้ให้บริการ AI ในเดือน พฤศจิกายน 2569 ไปแล้ว", null, null)));

  static User user(String name, String language) {
    return new User(UserId.generate(), new Email("somchai@example.com"), name, "hash", NOW, NOW)
        .withProfile(name, language, NOW);
  }

  static Invitation invitation(String email, Role role) {
    return new Invitation(
        "inv-1",
        WorkspaceId.generate(),
        new Email(email),
        role,
        "hash",
        UserId.generate(),
        NOW,
        NOW.plus(Invitation.LIFETIME),
        null,
        null);
  }

  static ApiKey apiKey(String name, Instant expiresAt) {
    return new ApiKey(
        ApiKeyId.generate(),
        WorkspaceId.generate(),
        name,
        KEY_HINT,
        SECRET_HASH,
        ApiScope.WRITE,
        UserId.generate(),
        expiresAt.minus(ApiKey.DEFAULT_LIFETIME),
        expiresAt,
        NOW,
        null,
        null);
  }

  static EmailMessage send(
      TemplatedAccountMailer mailer, OutboxEmailSender outbox, Kind kind, User user, String link) {
    switch (kind) {
      case VERIFICATION -> mailer.sendVerification(user, link);
      case PASSWORD_RESET -> mailer.sendPasswordReset(user, link);
      case ACCOUNT_LOCKED -> mailer.sendAccountLocked(user, link, UNTIL);
      case PASSWORD_CHANGED -> mailer.sendPasswordChanged(user);
      case INVITATION ->
          mailer.sendInvitation(
              invitation(user.email().value(), Role.MEMBER),
              WORKSPACE,
              user.name(),
              link,
              user.language());
      case API_KEY_EXPIRING -> mailer.sendApiKeyExpiring(user, apiKey(KEY_NAME, UNTIL), WORKSPACE);
      case AI_BUDGET ->
          mailer.sendAiBudget(
              user, WORKSPACE, BudgetMark.WARNING, 36_000_000, 40_000_000, YearMonth.of(2026, 11));
    }
    return outbox.messages().getLast();
  }

  private EmailMessage send(Kind kind, User user, String link) {
    return send(mailer, outbox, kind, user, link);
  }

  static Stream<Arguments> everyMail() {
    return Stream.of(Kind.values())
        .flatMap(kind -> Stream.of(Arguments.of(kind, "th"), Arguments.of(kind, "en")));
  }

  private static List<String> hrefs(String html) {
    List<String> hrefs = new ArrayList<>();
    Matcher matcher = HREF.matcher(html);
    while (matcher.find()) {
      hrefs.add(unescape(matcher.group(1)));
    }
    return hrefs;
  }

  /** What a browser reads from an attribute value written with the five basic escapes. */
  private static String unescape(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("everyMail")
  void isWrittenInTheUsersLanguageInTextAndHtml(Kind kind, String language) {
    EmailMessage mail = send(kind, user("Somchai Jaidee", language), LINK);
    Expected expected = EXPECTED.get(language).get(kind);

    assertEquals("somchai@example.com", mail.to());
    assertEquals(expected.subject(), mail.subject());
    assertTrue(mail.subject().length() <= 60, mail.subject());
    for (String body : List.of(mail.text(), mail.html())) {
      assertTrue(body.contains(expected.phrase()), body);
      assertTrue(body.contains("Somchai Jaidee"), "greets the user (names the inviter) by name");
      assertTrue(body.contains("somchai@example.com"), "says which account it is about");
      if (expected.validFor() != null) {
        assertTrue(body.contains(expected.validFor()), body);
      }
      if (expected.time() != null) {
        assertTrue(body.contains(expected.time()), body);
      }
      if (language.equals("th")) {
        assertTrue(THAI.matcher(body).find());
        assertFalse(body.contains("Hello"), "no English left in a Thai mail");
      } else {
        assertFalse(THAI.matcher(body).find(), "no Thai in an English mail");
        assertFalse(THAI.matcher(mail.subject()).find());
      }
    }
    assertTrue(mail.html().contains("<html lang=\"" + language + "\""), "lang attribute");
    assertTrue(mail.html().contains("<title>" + expected.subject() + "</title>"));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("everyMail")
  void carriesExactlyTheGivenLink(Kind kind, String language) {
    EmailMessage mail = send(kind, user("Somchai", language), LINK);

    // the API key and budget mails are not given a link: they point to the workspaces page
    String link = kind == Kind.API_KEY_EXPIRING || kind == Kind.AI_BUDGET ? WORKSPACES_URL : LINK;
    List<String> textLines = mail.text().lines().toList();
    List<String> hrefs = hrefs(mail.html());
    if (kind == Kind.PASSWORD_CHANGED) {
      assertFalse(mail.text().contains(LINK));
      assertTrue(hrefs.contains(BASE_URL.toString()), "points to the sign-in page");
    } else {
      assertTrue(textLines.contains(link), "the link on a line of its own: " + mail.text());
      assertTrue(hrefs.contains(link), hrefs.toString());
      assertTrue(mail.html().contains(">" + link + "</a>"), "the link spelled out for copying");
    }
    // nothing else is linked: no tracking, no external resources
    for (String href : hrefs) {
      assertTrue(href.equals(link) || href.equals(BASE_URL.toString()), href);
    }
    assertTrue(mail.text().contains(BASE_URL.toString()));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("everyMail")
  void plainTextHasNoHtml(Kind kind, String language) {
    EmailMessage mail = send(kind, user("Somchai", language), LINK);

    assertFalse(HTML_TAG.matcher(mail.text()).find(), mail.text());
    assertFalse(HTML_ENTITY.matcher(mail.text()).find(), mail.text());
    assertFalse(mail.text().contains("\r"));
    assertFalse(mail.text().contains("\n\n\n"), "no runs of empty lines");
    assertTrue(mail.text().endsWith("\n") && !mail.text().endsWith("\n\n"));
    assertFalse(mail.text().contains("{{"), "no template syntax left over");
    assertFalse(mail.html().contains("{{"), "no template syntax left over");
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("everyMail")
  void htmlIsSimpleAndSelfContained(Kind kind, String language) {
    String html = send(kind, user("Somchai", language), LINK).html();

    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("<meta charset=\"UTF-8\">"));
    for (String banned :
        List.of("<img", "<script", "<link", "<style", "src=", "url(", "class=", "<form")) {
      assertFalse(html.contains(banned), banned);
    }
    assertTrue(html.contains("role=\"presentation\""), "layout tables are marked as such");
    assertTrue(html.strip().endsWith("</html>"));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("everyMail")
  void escapesEveryValueInHtml(Kind kind, String language) {
    OutboxEmailSender sender = new OutboxEmailSender();
    TemplatedAccountMailer hostile =
        new TemplatedAccountMailer(sender, "Chat & <b>Co</b>", BASE_URL);
    String name = "<script>alert(1)</script>";

    EmailMessage mail = send(hostile, sender, kind, user(name, language), LINK);

    assertFalse(mail.html().contains("<script"), mail.html());
    assertFalse(mail.html().contains("<b>"), mail.html());
    assertTrue(mail.html().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), mail.html());
    assertTrue(mail.html().contains("Chat &amp; &lt;b&gt;Co&lt;/b&gt;"), mail.html());
    // text/plain is never interpreted as markup, so it shows the name as typed
    assertTrue(mail.text().contains(name));
    // Subjects are plain text: shown as typed, never escaped. The API key and budget mails'
    // subjects name the workspace (and key) instead of the product, to stay short.
    List<String> subjectValues =
        switch (kind) {
          case API_KEY_EXPIRING -> List.of(KEY_NAME, WORKSPACE);
          case AI_BUDGET -> List.of(WORKSPACE);
          default -> List.of("Chat & <b>Co</b>");
        };
    for (String value : subjectValues) {
      assertTrue(mail.subject().contains(value), mail.subject());
    }
  }

  static Stream<Arguments> linkedMailInEachLanguage() {
    return Stream.of(Kind.PASSWORD_RESET, Kind.INVITATION)
        .flatMap(kind -> Stream.of(Arguments.of(kind, "th"), Arguments.of(kind, "en")));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("linkedMailInEachLanguage")
  void linkIsEscapedOnlyWhereHtmlRequiresIt(Kind kind, String language) {
    String link = "https://chat.example.com/reset?token=a1b2&lang=th#x='y'";

    EmailMessage mail = send(kind, user("Somchai", language), link);

    assertTrue(mail.text().lines().toList().contains(link));
    assertTrue(
        mail.html()
            .contains(
                "href=\"https://chat.example.com/reset?token=a1b2&amp;lang=th#x=&#39;y&#39;\""),
        mail.html());
    assertTrue(hrefs(mail.html()).contains(link));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "/account/confirm?token=x",
        "ftp://chat.example.com/x",
        "https://chat.example.com/a b",
        "https:///no-host",
        ""
      })
  void refusesLinksThatAreNotAbsoluteWebUrls(String link) {
    User user = user("Somchai", "en");

    assertThrows(IllegalArgumentException.class, () -> mailer.sendVerification(user, link));
    assertThrows(IllegalArgumentException.class, () -> mailer.sendPasswordReset(user, link));
    assertThrows(IllegalArgumentException.class, () -> mailer.sendAccountLocked(user, link, UNTIL));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            mailer.sendInvitation(
                invitation("niran@example.com", Role.MEMBER), WORKSPACE, "Somchai", link, "en"));
    assertTrue(outbox.messages().isEmpty());
  }

  @Test
  void refusesMissingArguments() {
    User user = user("Somchai", "en");

    assertThrows(NullPointerException.class, () -> mailer.sendVerification(null, LINK));
    assertThrows(NullPointerException.class, () -> mailer.sendPasswordReset(user, null));
    assertThrows(NullPointerException.class, () -> mailer.sendAccountLocked(user, LINK, null));
    assertThrows(NullPointerException.class, () -> mailer.sendPasswordChanged(null));
    Invitation invitation = invitation("niran@example.com", Role.MEMBER);
    assertThrows(
        NullPointerException.class,
        () -> mailer.sendInvitation(null, WORKSPACE, "Somchai", LINK, "en"));
    assertThrows(
        NullPointerException.class,
        () -> mailer.sendInvitation(invitation, null, "Somchai", LINK, "en"));
    assertThrows(
        NullPointerException.class,
        () -> mailer.sendInvitation(invitation, WORKSPACE, null, LINK, "en"));
    assertThrows(
        NullPointerException.class,
        () -> mailer.sendInvitation(invitation, WORKSPACE, "Somchai", null, "en"));
    assertThrows(
        NullPointerException.class,
        () -> mailer.sendInvitation(invitation, WORKSPACE, "Somchai", LINK, null));
    ApiKey key = apiKey(KEY_NAME, UNTIL);
    assertThrows(NullPointerException.class, () -> mailer.sendApiKeyExpiring(null, key, WORKSPACE));
    assertThrows(
        NullPointerException.class, () -> mailer.sendApiKeyExpiring(user, null, WORKSPACE));
    assertThrows(NullPointerException.class, () -> mailer.sendApiKeyExpiring(user, key, null));
    assertTrue(outbox.messages().isEmpty());
  }

  @Test
  void unlockTimeIsThaiTimeWithBuddhistYearForThaiAndUtcForEnglish() {
    Instant newYearInBangkok = Instant.parse("2026-12-31T18:00:00Z");

    mailer.sendAccountLocked(user("Somchai", "th"), LINK, newYearInBangkok);
    mailer.sendAccountLocked(user("Somchai", "en"), LINK, newYearInBangkok);

    EmailMessage thai = outbox.messages().get(0);
    EmailMessage english = outbox.messages().get(1);
    assertTrue(thai.text().contains("1 มกราคม 2570 เวลา 01:00 น. (เวลาประเทศไทย)"), thai.text());
    assertTrue(english.text().contains("31 December 2026 at 18:00 UTC"), english.text());
    for (EmailMessage mail : List.of(thai, english)) {
      assertTrue(mail.html().contains("<time datetime=\"2026-12-31T18:00:00Z\">"), mail.html());
    }
  }

  @Test
  void languageIsTakenFromTheUserAndRegionalTagsCountAsThai() {
    EmailMessage mail = send(Kind.PASSWORD_CHANGED, user("Somchai", "th-TH"), LINK);

    assertEquals("มีการเปลี่ยนรหัสผ่านบัญชี MiniChat ของคุณ", mail.subject());

    EmailMessage other = send(Kind.PASSWORD_CHANGED, user("Somchai", "de"), LINK);
    assertEquals("Your MiniChat password was changed", other.subject());
  }

  @ParameterizedTest
  @ValueSource(strings = {"th", "en"})
  void greetsPolitelyWithoutAName(String language) {
    EmailMessage mail = send(Kind.VERIFICATION, user("   ", language), LINK);

    String greeting = language.equals("th") ? "เรียน ผู้ใช้งาน MiniChat" : "Hello,";
    assertTrue(mail.text().startsWith(greeting + "\n"), mail.text());
    assertTrue(mail.html().contains(">" + greeting + "</p>"), mail.html());
  }

  @Test
  void thaiGreetingAndSignatureArePolite() {
    EmailMessage mail = send(Kind.VERIFICATION, user("สมชาย ใจดี", "th"), LINK);

    assertTrue(mail.text().startsWith("เรียน คุณ สมชาย ใจดี\n"), mail.text());
    assertTrue(mail.text().contains("ขอแสดงความนับถือ\nทีมงาน MiniChat"), mail.text());
    assertTrue(mail.text().contains("กรุณา"));
  }

  @Test
  void aNameCannotAddLinesToTheTextBody() {
    EmailMessage mail =
        send(Kind.PASSWORD_CHANGED, user("Eve\nPlease call +1 555 0100\r\n", "en"), LINK);

    assertTrue(mail.text().startsWith("Hello Eve Please call +1 555 0100,\n"), mail.text());
  }

  @Test
  void subjectStaysOnOneLine() {
    OutboxEmailSender sender = new OutboxEmailSender();
    new TemplatedAccountMailer(sender, "  Mini\r\nChat ", BASE_URL)
        .sendPasswordChanged(user("Somchai", "en"));

    assertEquals("Your Mini Chat password was changed", sender.messages().getFirst().subject());
  }

  @Test
  void validatesItsConfiguration() {
    assertThrows(
        IllegalArgumentException.class, () -> new TemplatedAccountMailer(outbox, " ", BASE_URL));
    assertThrows(
        IllegalArgumentException.class,
        () -> new TemplatedAccountMailer(outbox, "MiniChat", URI.create("chat.example.com")));
    assertThrows(
        IllegalArgumentException.class,
        () -> new TemplatedAccountMailer(outbox, "MiniChat", URI.create("ftp://example.com")));
    assertThrows(
        NullPointerException.class, () -> new TemplatedAccountMailer(null, "MiniChat", BASE_URL));
  }

  @Test
  void lifetimesAreWrittenInWholeHoursOrMinutes() {
    assertEquals("24 hours", TemplatedAccountMailer.duration(Duration.ofHours(24), "en"));
    assertEquals("1 hour", TemplatedAccountMailer.duration(Duration.ofHours(1), "en"));
    assertEquals("90 minutes", TemplatedAccountMailer.duration(Duration.ofMinutes(90), "en"));
    assertEquals("1 minute", TemplatedAccountMailer.duration(Duration.ofSeconds(30), "en"));
    assertEquals("1 ชั่วโมง", TemplatedAccountMailer.duration(Duration.ofHours(1), "th"));
    assertEquals("45 นาที", TemplatedAccountMailer.duration(Duration.ofMinutes(45), "th"));
    assertEquals("7 days", TemplatedAccountMailer.duration(Duration.ofDays(7), "en"));
    assertEquals("7 วัน", TemplatedAccountMailer.duration(Duration.ofDays(7), "th"));
    assertEquals("36 hours", TemplatedAccountMailer.duration(Duration.ofHours(36), "en"));
    assertEquals("60 hours", TemplatedAccountMailer.duration(Duration.ofHours(60), "en"));
  }

  @Test
  void escapesTheFiveHtmlCharacters() throws Exception {
    StringWriter out = new StringWriter();
    TemplatedAccountMailer.escapeHtml("a&b<c>d\"e'f=g`h ไทย", out);

    assertEquals("a&amp;b&lt;c&gt;d&quot;e&#39;f=g`h ไทย", out.toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{{{name}}}",
        "{{&name}}",
        "{{=<% %>=}}<% name %>",
        "{{%IMPLICIT-ITERATOR}}{{name}}"
      })
  void templatesCannotSwitchEscapingOff(String template) {
    for (boolean html : List.of(true, false)) {
      TemplatedAccountMailer.Factory factory = new TemplatedAccountMailer.Factory(html);
      assertThrows(MustacheException.class, () -> factory.compile(new StringReader(template), "t"));
    }
  }

  private EmailMessage invite(Role role, String workspace, String inviter, String language) {
    mailer.sendInvitation(
        invitation("niran@example.com", role), workspace, inviter, LINK, language);
    return outbox.messages().getLast();
  }

  static Stream<Arguments> invitationWording() {
    return Stream.of(
        Arguments.of(
            "en",
            Role.MEMBER,
            "Somchai Jaidee has invited you to join the workspace “Acme Support” on MiniChat as a"
                + " member.",
            "<strong>Somchai Jaidee</strong> has invited you to join the workspace <strong>Acme"
                + " Support</strong> on MiniChat as a <strong>member</strong>.",
            "Members can chat and read the workspace’s conversations."),
        Arguments.of(
            "en",
            Role.ADMIN,
            "Somchai Jaidee has invited you to join the workspace “Acme Support” on MiniChat as an"
                + " admin.",
            "<strong>Somchai Jaidee</strong> has invited you to join the workspace <strong>Acme"
                + " Support</strong> on MiniChat as an <strong>admin</strong>.",
            "Admins can chat and read the workspace’s conversations, and also manage its settings,"
                + " members, API keys and webhooks."),
        Arguments.of(
            "th",
            Role.MEMBER,
            "คุณ Somchai Jaidee ได้เชิญคุณเข้าร่วมเวิร์กสเปซ “Acme Support” บน MiniChat ในบทบาทสมาชิก",
            "คุณ <strong>Somchai Jaidee</strong> ได้เชิญคุณเข้าร่วมเวิร์กสเปซ <strong>Acme"
                + " Support</strong> บน MiniChat ในบทบาท<strong>สมาชิก</strong>",
            "สมาชิกสามารถแชตและอ่านบทสนทนาของเวิร์กสเปซได้"),
        Arguments.of(
            "th",
            Role.ADMIN,
            "คุณ Somchai Jaidee ได้เชิญคุณเข้าร่วมเวิร์กสเปซ “Acme Support” บน MiniChat"
                + " ในบทบาทผู้ดูแลระบบ",
            "คุณ <strong>Somchai Jaidee</strong> ได้เชิญคุณเข้าร่วมเวิร์กสเปซ <strong>Acme"
                + " Support</strong> บน MiniChat ในบทบาท<strong>ผู้ดูแลระบบ</strong>",
            "ผู้ดูแลระบบสามารถแชตและอ่านบทสนทนาของเวิร์กสเปซ รวมทั้งจัดการการตั้งค่า สมาชิก คีย์ API"
                + " และเว็บฮุกได้"));
  }

  @ParameterizedTest(name = "{1} in {0}")
  @MethodSource("invitationWording")
  void invitationSaysWhoInvitedThemToWhichWorkspaceWithWhichRole(
      String language, Role role, String text, String html, String roleExplained) {
    EmailMessage mail = invite(role, WORKSPACE, "Somchai Jaidee", language);

    assertEquals("niran@example.com", mail.to(), "sent to the invited address");
    assertTrue(mail.text().contains(text), mail.text());
    assertTrue(mail.html().contains(html), mail.html());
    assertTrue(mail.text().contains(roleExplained), mail.text());
    assertTrue(mail.html().contains(roleExplained), mail.html());
    // the other role is never mentioned
    String otherRole =
        switch (language + role) {
          case "enMEMBER" -> "admin";
          case "enADMIN" -> "a member";
          case "thMEMBER" -> "ผู้ดูแลระบบ";
          default -> "ในบทบาทสมาชิก";
        };
    assertFalse(mail.text().contains(otherRole), mail.text());
    assertFalse(mail.html().contains(otherRole), mail.html());
  }

  @ParameterizedTest
  @ValueSource(strings = {"th", "en"})
  void invitationTellsWhichAddressToUseAndWhenToIgnoreIt(String language) {
    EmailMessage mail = invite(Role.MEMBER, WORKSPACE, "Somchai", language);

    boolean thai = language.equals("th");
    String signIn =
        thai
            ? "เข้าสู่ระบบด้วยอีเมล niran@example.com หากยังไม่มีบัญชี MiniChat"
                + " กรุณาสมัครด้วยอีเมลนี้ก่อน"
            : "sign in with niran@example.com. If you do not have a MiniChat account yet, create"
                + " one with this address first.";
    String ignore =
        thai
            ? "หากคุณไม่ได้คาดว่าจะได้รับคำเชิญนี้ สามารถละเว้นอีเมลฉบับนี้ได้"
                + " คุณจะไม่ถูกเพิ่มเข้าเวิร์กสเปซจนกว่าจะตอบรับคำเชิญ"
            : "If you were not expecting this invitation, you can safely ignore this e-mail: you"
                + " will not be added to the workspace unless you accept it.";
    assertTrue(mail.text().contains(signIn), mail.text());
    assertTrue(
        mail.html()
            .contains(signIn.replace("niran@example.com", "<strong>niran@example.com</strong>")),
        mail.html());
    assertTrue(mail.text().contains(ignore), mail.text());
    assertTrue(mail.html().contains(ignore), mail.html());
  }

  @ParameterizedTest
  @ValueSource(strings = {"th", "en"})
  void invitationShowsTheInvitationLifetime(String language) {
    EmailMessage mail = invite(Role.MEMBER, WORKSPACE, "Somchai", language);

    String validFor = TemplatedAccountMailer.duration(Invitation.LIFETIME, language);
    assertEquals(language.equals("th") ? "7 วัน" : "7 days", validFor);
    String expires =
        language.equals("th")
            ? "ลิงก์นี้ใช้ได้เพียงครั้งเดียว และจะหมดอายุภายใน 7 วัน"
            : "The invitation works once and expires in 7 days.";
    assertTrue(mail.text().contains(expires), mail.text());
    assertTrue(mail.html().contains(expires), mail.html());
  }

  @ParameterizedTest
  @ValueSource(strings = {"th", "en"})
  void invitationCarriesExactlyTheGivenLink(String language) {
    EmailMessage mail = invite(Role.ADMIN, WORKSPACE, "Somchai", language);

    assertTrue(mail.text().lines().toList().contains(LINK), mail.text());
    assertEquals(1, mail.text().split(Pattern.quote(LINK), -1).length - 1, "once in the text");
    List<String> hrefs = hrefs(mail.html());
    assertEquals(List.of(LINK, LINK, BASE_URL.toString()), hrefs);
    assertTrue(mail.html().contains(">" + LINK + "</a>"), "the link spelled out for copying");
  }

  @ParameterizedTest
  @ValueSource(strings = {"th", "en"})
  void invitationEscapesWorkspaceAndInviterNamesInHtml(String language) {
    String workspace = "<img src=x onerror=alert(1)> & \"Co\"";
    String inviter = "<script>alert('hi')</script>";

    EmailMessage mail = invite(Role.MEMBER, workspace, inviter, language);

    assertFalse(mail.html().contains("<img"), mail.html());
    assertFalse(mail.html().contains("<script"), mail.html());
    assertTrue(
        mail.html().contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;"),
        mail.html());
    assertTrue(
        mail.html().contains("&lt;script&gt;alert(&#39;hi&#39;)&lt;/script&gt;"), mail.html());
    assertTrue(
        mail.html()
            .contains(
                "<title>"
                    + (language.equals("th")
                        ? "คำเชิญเข้าร่วมเวิร์กสเปซ &lt;img src=x onerror=alert(1)&gt; &amp;"
                            + " &quot;Co&quot; บน MiniChat"
                        : "You are invited to join &lt;img src=x onerror=alert(1)&gt; &amp;"
                            + " &quot;Co&quot; on MiniChat")
                    + "</title>"),
        mail.html());
    // text/plain is never interpreted as markup, so it shows the names as typed
    assertTrue(mail.text().contains(workspace), mail.text());
    assertTrue(mail.text().contains(inviter), mail.text());
    assertTrue(mail.subject().contains(workspace), mail.subject());
  }

  @ParameterizedTest
  @ValueSource(strings = {"th", "en"})
  void invitationGreetsTheInviteeWithoutAName(String language) {
    EmailMessage mail = invite(Role.MEMBER, WORKSPACE, "Somchai", language);

    String greeting = language.equals("th") ? "เรียน ผู้ได้รับเชิญ" : "Hello,";
    assertTrue(mail.text().startsWith(greeting + "\n"), mail.text());
    assertTrue(mail.html().contains(">" + greeting + "</p>"), mail.html());
  }

  @ParameterizedTest
  @ValueSource(strings = {"th", "en"})
  void invitationFromSomeoneWithoutANameStillReads(String language) {
    EmailMessage mail = invite(Role.MEMBER, WORKSPACE, "  ", language);

    String opening =
        language.equals("th")
            ? "คุณได้รับคำเชิญเข้าร่วมเวิร์กสเปซ “Acme Support” บน MiniChat ในบทบาทสมาชิก"
            : "You have been invited to join the workspace “Acme Support” on MiniChat as a member.";
    assertTrue(mail.text().contains(opening), mail.text());
  }

  @Test
  void invitationLanguageIsTheGivenOneNormalised() {
    assertEquals(
        "คำเชิญเข้าร่วมเวิร์กสเปซ Acme Support บน MiniChat",
        invite(Role.MEMBER, WORKSPACE, "Somchai", "th-TH").subject());
    assertTrue(invite(Role.MEMBER, WORKSPACE, "Somchai", "th-TH").html().contains("lang=\"th\""));
    assertEquals(
        "You are invited to join Acme Support on MiniChat",
        invite(Role.MEMBER, WORKSPACE, "Somchai", "de").subject());
  }

  @Test
  void invitationNamesCannotAddLines() {
    EmailMessage mail =
        invite(Role.MEMBER, "Acme\r\nSupport", "Eve\nPlease call +1 555 0100\n", "en");

    assertEquals("You are invited to join Acme Support on MiniChat", mail.subject());
    assertTrue(
        mail.text()
            .contains(
                "Eve Please call +1 555 0100 has invited you to join the workspace “Acme"
                    + " Support”"),
        mail.text());
  }

  @Test
  void invitationRefusesABlankWorkspaceName() {
    Invitation invitation = invitation("niran@example.com", Role.MEMBER);

    assertThrows(
        IllegalArgumentException.class,
        () -> mailer.sendInvitation(invitation, " \n", "Somchai", LINK, "en"));
    assertTrue(outbox.messages().isEmpty());
  }

  private EmailMessage expiring(String keyName, Instant expiresAt, String workspace, String lang) {
    mailer.sendApiKeyExpiring(user("Somchai Jaidee", lang), apiKey(keyName, expiresAt), workspace);
    return outbox.messages().getLast();
  }

  static Stream<Arguments> apiKeyExpiringWording() {
    return Stream.of(
        Arguments.of(
            "en",
            "The API key “Production server” (mc_live_3fA9…) of the workspace “Acme Support” on"
                + " MiniChat expires on 27 November 2026 at 07:30 UTC. After that, every request"
                + " made with it will be refused.",
            "The API key <strong>Production server</strong> (mc_live_3fA9…) of the workspace"
                + " <strong>Acme Support</strong> on MiniChat expires on <strong><time"
                + " datetime=\"2026-11-27T07:30:00Z\">27 November 2026 at 07:30 UTC</time></strong>."
                + " After that, every request made with it will be refused.",
            "please rotate the key before it expires",
            "Rotating gives you a new secret and keeps the old key working for another 24 hours"
                + " (never past its expiry time)"),
        Arguments.of(
            "th",
            "คีย์ API “Production server” (mc_live_3fA9…) ของเวิร์กสเปซ “Acme Support” บน MiniChat"
                + " จะหมดอายุในวันที่ 27 พฤศจิกายน 2569 เวลา 14:30 น. (เวลาประเทศไทย)"
                + " หลังจากนั้นคำขอทุกรายการที่ใช้คีย์นี้จะถูกปฏิเสธ",
            "คีย์ API <strong>Production server</strong> (mc_live_3fA9…) ของเวิร์กสเปซ"
                + " <strong>Acme Support</strong> บน MiniChat จะหมดอายุในวันที่ <strong><time"
                + " datetime=\"2026-11-27T07:30:00Z\">27 พฤศจิกายน 2569 เวลา 14:30 น."
                + " (เวลาประเทศไทย)</time></strong> หลังจากนั้นคำขอทุกรายการที่ใช้คีย์นี้จะถูกปฏิเสธ",
            "กรุณาหมุนเวียนคีย์ (rotate) ก่อนคีย์หมดอายุ",
            "เมื่อหมุนเวียนคีย์ คุณจะได้รับรหัสลับใหม่ และคีย์เดิมจะยังใช้งานได้ต่ออีก 24 ชั่วโมง"
                + " (แต่ไม่เกินเวลาหมดอายุเดิม)"));
  }

  @ParameterizedTest(name = "in {0}")
  @MethodSource("apiKeyExpiringWording")
  void apiKeyExpiringNamesTheKeyTheWorkspaceAndTheExpiryAndSaysToRotate(
      String language, String text, String html, String rotate, String grace) {
    EmailMessage mail = expiring(KEY_NAME, UNTIL, WORKSPACE, language);

    assertEquals("somchai@example.com", mail.to());
    assertTrue(mail.text().contains(text), mail.text());
    assertTrue(mail.html().contains(html), mail.html());
    for (String body : List.of(mail.text(), mail.html())) {
      assertTrue(body.contains(rotate), body);
      assertTrue(body.contains(grace), body);
    }
  }

  @Test
  void apiKeyRotationGraceInTheMailIsTheDomainRule() {
    assertEquals("24 hours", TemplatedAccountMailer.duration(ApiKey.ROTATION_GRACE, "en"));
    assertEquals("24 ชั่วโมง", TemplatedAccountMailer.duration(ApiKey.ROTATION_GRACE, "th"));
  }

  @Test
  void apiKeyExpiryIsThaiTimeWithBuddhistYearForThaiAndUtcForEnglish() {
    Instant newYearInBangkok = Instant.parse("2026-12-31T18:00:00Z");

    EmailMessage thai = expiring(KEY_NAME, newYearInBangkok, WORKSPACE, "th");
    EmailMessage english = expiring(KEY_NAME, newYearInBangkok, WORKSPACE, "en");

    String thaiTime = "1 มกราคม 2570 เวลา 01:00 น. (เวลาประเทศไทย)";
    String englishTime = "31 December 2026 at 18:00 UTC";
    assertTrue(thai.text().contains(thaiTime), thai.text());
    assertTrue(thai.html().contains(thaiTime), thai.html());
    assertTrue(english.text().contains(englishTime), english.text());
    assertTrue(english.html().contains(englishTime), english.html());
    for (EmailMessage mail : List.of(thai, english)) {
      assertTrue(mail.html().contains("<time datetime=\"2026-12-31T18:00:00Z\">"), mail.html());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"th", "en"})
  void apiKeyExpiringShowsTheHintButNeverTheSecret(String language) {
    EmailMessage mail = expiring(KEY_NAME, UNTIL, WORKSPACE, language);

    for (String part : List.of(mail.subject(), mail.text(), mail.html())) {
      assertFalse(part.contains(SECRET_HASH), part);
      assertFalse(part.contains(SECRET_HASH.substring(0, 12)), part);
    }
    for (String body : List.of(mail.text(), mail.html())) {
      assertTrue(body.contains(KEY_HINT + "…"), body);
      // the hint is the only part of a secret shown
      assertEquals(1, body.split(Pattern.quote(ApiKey.PREFIX), -1).length - 1, body);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"th", "en"})
  void apiKeyExpiringLinksToTheWorkspacesPageOnly(String language) {
    EmailMessage mail = expiring(KEY_NAME, UNTIL, WORKSPACE, language);

    assertTrue(mail.text().lines().toList().contains(WORKSPACES_URL), mail.text());
    assertEquals(List.of(WORKSPACES_URL, WORKSPACES_URL, BASE_URL.toString()), hrefs(mail.html()));
    assertTrue(mail.html().contains(">" + WORKSPACES_URL + "</a>"), "spelled out for copying");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://chat.example.com/", "https://example.com/minichat/"})
  void workspacesPageIsBelowTheBaseUrl(String baseUrl) {
    OutboxEmailSender sender = new OutboxEmailSender();
    new TemplatedAccountMailer(sender, "MiniChat", URI.create(baseUrl))
        .sendApiKeyExpiring(user("Somchai", "en"), apiKey(KEY_NAME, UNTIL), WORKSPACE);

    String text = sender.messages().getFirst().text();
    assertTrue(text.lines().toList().contains(baseUrl + "workspaces"), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"th", "en"})
  void apiKeyExpiringEscapesWorkspaceAndKeyNamesInHtml(String language) {
    String workspace = "<img src=x onerror=alert(1)> & \"Co\"";
    String keyName = "<script>alert('hi')</script>";

    EmailMessage mail = expiring(keyName, UNTIL, workspace, language);

    assertFalse(mail.html().contains("<img"), mail.html());
    assertFalse(mail.html().contains("<script"), mail.html());
    String escapedWorkspace = "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;";
    String escapedKey = "&lt;script&gt;alert(&#39;hi&#39;)&lt;/script&gt;";
    assertTrue(mail.html().contains("<strong>" + escapedWorkspace + "</strong>"), mail.html());
    assertTrue(mail.html().contains("<strong>" + escapedKey + "</strong>"), mail.html());
    assertTrue(
        mail.html()
            .contains(
                "<title>"
                    + (language.equals("th")
                        ? "คีย์ API “" + escapedKey + "” ของ " + escapedWorkspace + " ใกล้หมดอายุ"
                        : "API key “" + escapedKey + "” in " + escapedWorkspace + " expires soon")
                    + "</title>"),
        mail.html());
    // text/plain is never interpreted as markup, so it shows the names as typed
    assertTrue(mail.text().contains("“" + workspace + "”"), mail.text());
    assertTrue(mail.text().contains("“" + keyName + "”"), mail.text());
    assertTrue(mail.subject().contains(workspace), mail.subject());
    assertTrue(mail.subject().contains(keyName), mail.subject());
  }

  @Test
  void apiKeyExpiringNamesCannotAddLines() {
    EmailMessage mail = expiring("Prod\r\nserver", UNTIL, "Acme\nSupport\n", "en");

    assertEquals("API key “Prod server” in Acme Support expires soon", mail.subject());
    assertTrue(
        mail.text()
            .contains(
                "The API key “Prod server” (mc_live_3fA9…) of the workspace “Acme"
                    + " Support” on MiniChat"),
        mail.text());
  }

  @Test
  void apiKeyExpiringRefusesABlankWorkspaceName() {
    User user = user("Somchai", "en");
    ApiKey key = apiKey(KEY_NAME, UNTIL);

    assertThrows(IllegalArgumentException.class, () -> mailer.sendApiKeyExpiring(user, key, " \n"));
    assertTrue(outbox.messages().isEmpty());
  }

  @Test
  void apiKeyExpiringLanguageIsTheRecipients() {
    assertEquals(
        "คีย์ API “Production server” ของ Acme Support ใกล้หมดอายุ",
        expiring(KEY_NAME, UNTIL, WORKSPACE, "th-TH").subject());
    assertEquals(
        "API key “Production server” in Acme Support expires soon",
        expiring(KEY_NAME, UNTIL, WORKSPACE, "de").subject());
  }

  @Test
  void theBudgetReachedMailSaysTheOfflineAnswererRepliesUntilTheMonthEnds() {
    for (String lang : List.of("en", "th")) {
      mailer.sendAiBudget(
          user("Somchai", lang),
          WORKSPACE,
          BudgetMark.REACHED,
          41_250_000,
          40_000_000,
          YearMonth.of(2026, 11));

      EmailMessage mail = outbox.messages().getLast();
      assertTrue(
          mail.subject()
              .equals(
                  lang.equals("en")
                      ? "Acme Support: AI budget for November 2026 used up"
                      : "Acme Support ใช้งบ AI เดือนนี้ครบแล้ว"),
          mail.subject());
      assertTrue(
          mail.text()
              .contains(lang.equals("en") ? "offline answerer" : "ระบบตอบอัตโนมัติแบบออฟไลน์"),
          mail.text());
      assertTrue(mail.text().contains("41.25"), mail.text());
    }
  }
}
