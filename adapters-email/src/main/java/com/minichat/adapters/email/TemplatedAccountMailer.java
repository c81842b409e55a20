package com.minichat.adapters.email;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.SafeMustacheFactory;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.ValueCode;
import com.github.mustachejava.resolver.ClasspathResolver;
import com.minichat.application.port.out.email.AccountMailer;
import com.minichat.application.port.out.email.EmailMessage;
import com.minichat.application.port.out.email.EmailSender;
import com.minichat.domain.apikey.ApiKey;
import com.minichat.domain.team.Invitation;
import com.minichat.domain.usage.BudgetMark;
import com.minichat.domain.usage.Usd;
import com.minichat.domain.user.Language;
import com.minichat.domain.user.TokenPurpose;
import com.minichat.domain.user.User;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.chrono.ThaiBuddhistChronology;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@link AccountMailer} that writes each account e-mail from logic-less Mustache templates in the
 * user's language ({@code th} or {@code en}, from {@link User#language()}; for an invitation, the
 * language the caller gives, as the invitee may have no account yet) and hands it to an {@link
 * EmailSender}, which queues it, so no method here waits for the network.
 *
 * <p>The templates are class-path resources under {@value #TEMPLATE_ROOT}, one folder per language
 * with, for each mail ({@code verification}, {@code password-reset}, {@code account-locked}, {@code
 * password-changed}, {@code api-key-expiring}, {@code invitation}), a {@code .subject.mustache}, a
 * {@code .txt.mustache} and a {@code .html.mustache} file; the last two extend the folder's {@code
 * layout.txt.mustache} and {@code layout.html.mustache}, whose {@code greeting} block a mail may
 * replace. They are compiled once, in the constructor, so a missing or broken template stops
 * start-up instead of a mail. Templates see these values: {@code lang}, {@code product}, {@code
 * homeUrl}, {@code name} (empty when the user has none, and always for an invitation), {@code
 * email} (the recipient), {@code subject} (HTML and text only), {@code link}, {@code validFor}
 * (verification, reset and invitation), {@code unlocksAt} and {@code unlocksAtIso} (account
 * locked), {@code workspace} (invitation and API key expiring), {@code inviter} (empty when the
 * inviter has no name) and {@code admin} ({@code true} for the admin role, {@code false} for
 * member) (invitation), {@code keyName}, {@code keyHint} (the secret's visible start, e.g. {@code
 * mc_live_3fA9}), {@code expiresAt}, {@code expiresAtIso} and {@code rotationGrace} (API key
 * expiring, whose {@code link} is the dashboard's workspaces page, where the keys are managed). No
 * mail ever carries an API key's secret or its hash.
 *
 * <p>Safety: in HTML every value is escaped ({@code & < > " '}); templates may not use unescaped
 * values ({@code {{{x}}}}, {@code {{&x}}}), change delimiters or use pragmas. Links must be
 * absolute {@code http}/{@code https} URLs, so a {@code javascript:} link can never reach an {@code
 * href}; the text body carries each link verbatim and the HTML body carries it escaped only where
 * HTML requires it (an {@code &} becomes {@code &amp;}), so a browser follows exactly the given
 * link. Subjects are collapsed to one line.
 *
 * <p>Times: Thai users read the unlock and expiry times in Thailand's time zone ({@code
 * Asia/Bangkok}, no daylight saving) with the Buddhist-era year and Thai month names, as Thai
 * readers expect ("27 พฤศจิกายน 2569 เวลา 14:30 น. (เวลาประเทศไทย)"); English users read it in UTC
 * with a 24-hour clock and the zone spelled out ("27 November 2026 at 07:30 UTC"), since the user
 * record holds no time zone and UTC is the one reading nobody can mistake. The HTML also carries
 * the exact instant in a {@code <time datetime>} element.
 *
 * <p>Link lifetimes shown to the user come from {@link TokenPurpose} and {@link
 * Invitation#LIFETIME}, and the rotation grace period from {@link ApiKey#ROTATION_GRACE}, so the
 * mail and the rule it describes cannot disagree.
 */
public final class TemplatedAccountMailer implements AccountMailer {
  /** Where the templates live on the class path. */
  public static final String TEMPLATE_ROOT = "com/minichat/adapters/email/templates";

  /** The dashboard page, below the base URL, where a workspace's API keys are managed. */
  static final String WORKSPACES_PAGE = "workspaces";

  /** Thailand's time zone, used for Thai readers. */
  static final ZoneId THAI_TIME_ZONE = ZoneId.of("Asia/Bangkok");

  private static final List<String> LANGUAGES = List.of(Language.THAI, Language.ENGLISH);

  private static final DateTimeFormatter THAI_TIME =
      DateTimeFormatter.ofPattern(
              "d MMMM y 'เวลา' HH:mm 'น. (เวลาประเทศไทย)'", Locale.forLanguageTag("th-TH"))
          .withChronology(ThaiBuddhistChronology.INSTANCE)
          .withZone(THAI_TIME_ZONE);
  private static final DateTimeFormatter THAI_MONTH =
      DateTimeFormatter.ofPattern("MMMM y", Locale.forLanguageTag("th-TH"))
          .withChronology(ThaiBuddhistChronology.INSTANCE);
  private static final DateTimeFormatter ENGLISH_MONTH =
      DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter ENGLISH_TIME =
      DateTimeFormatter.ofPattern("d MMMM uuuu 'at' HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cntrl}+");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern TRAILING_SPACES = Pattern.compile("[ \\t]+\\n");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

  /** The account e-mails and the name their template files start with. */
  enum Mail {
    VERIFICATION("verification"),
    PASSWORD_RESET("password-reset"),
    ACCOUNT_LOCKED("account-locked"),
    PASSWORD_CHANGED("password-changed"),
    API_KEY_EXPIRING("api-key-expiring"),
    INVITATION("invitation"),
    AI_BUDGET("ai-budget");

    private final String fileName;

    Mail(String fileName) {
      this.fileName = fileName;
    }
  }

  /** The three compiled templates of one mail in one language. */
  private record Templates(Mustache subject, Mustache text, Mustache html) {}

  private final EmailSender sender;
  private final String productName;
  private final String homeUrl;
  private final String workspacesUrl;
  private final Map<String, Map<Mail, Templates>> templates = new HashMap<>();

  /**
   * Creates the mailer and compiles every template.
   *
   * @param sender where finished messages go (it queues them)
   * @param productName the product's name as shown in subjects, greetings and signatures, e.g.
   *     {@code MiniChat}
   * @param baseUrl the public address of the dashboard ({@code PUBLIC_BASE_URL}): linked from every
   *     mail's footer and from the "password changed" notice as the place to sign in; its {@value
   *     #WORKSPACES_PAGE} page is where an expiring API key is rotated
   * @throws IllegalArgumentException if the product name is blank or the base URL is not an
   *     absolute {@code http}/{@code https} URL
   * @throws IllegalStateException if a template is missing or does not compile
   */
  public TemplatedAccountMailer(EmailSender sender, String productName, URI baseUrl) {
    this.sender = Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(productName, "productName");
    if (productName.isBlank()) {
      throw new IllegalArgumentException("the product name must not be blank");
    }
    this.productName = WHITESPACE.matcher(productName.strip()).replaceAll(" ");
    this.homeUrl = requireWebUrl(Objects.requireNonNull(baseUrl, "baseUrl").toString(), "baseUrl");
    this.workspacesUrl = (homeUrl.endsWith("/") ? homeUrl : homeUrl + "/") + WORKSPACES_PAGE;

    Factory htmlFactory = new Factory(true);
    Factory textFactory = new Factory(false);
    for (String language : LANGUAGES) {
      Map<Mail, Templates> byMail = new EnumMap<>(Mail.class);
      for (Mail mail : Mail.values()) {
        String base = language + "/" + mail.fileName;
        byMail.put(
            mail,
            new Templates(
                compile(textFactory, base + ".subject.mustache"),
                compile(textFactory, base + ".txt.mustache"),
                compile(htmlFactory, base + ".html.mustache")));
      }
      templates.put(language, byMail);
    }
  }

  @Override
  public void sendVerification(User user, String link) {
    Map<String, Object> values = values(user);
    values.put("link", requireWebUrl(link, "link"));
    values.put("validFor", duration(TokenPurpose.VERIFY_EMAIL.lifetime(), user.language()));
    send(user, Mail.VERIFICATION, values);
  }

  @Override
  public void sendPasswordReset(User user, String link) {
    Map<String, Object> values = values(user);
    values.put("link", requireWebUrl(link, "link"));
    values.put("validFor", duration(TokenPurpose.RESET_PASSWORD.lifetime(), user.language()));
    send(user, Mail.PASSWORD_RESET, values);
  }

  @Override
  public void sendAccountLocked(User user, String unlockLink, Instant until) {
    Map<String, Object> values = values(user);
    values.put("link", requireWebUrl(unlockLink, "unlockLink"));
    Objects.requireNonNull(until, "until");
    values.put("unlocksAt", time(until, user.language()));
    values.put("unlocksAtIso", DateTimeFormatter.ISO_INSTANT.format(until));
    send(user, Mail.ACCOUNT_LOCKED, values);
  }

  @Override
  public void sendPasswordChanged(User user) {
    send(user, Mail.PASSWORD_CHANGED, values(user));
  }

  @Override
  public void sendApiKeyExpiring(User recipient, ApiKey key, String workspaceName) {
    Map<String, Object> values = values(recipient);
    Objects.requireNonNull(key, "key");
    String workspace = requireWorkspaceName(workspaceName);
    // only the name and the visible hint: the secret is never known here, its hash never shown
    values.put("keyName", oneLine(key.name()));
    values.put("keyHint", oneLine(key.hint()));
    values.put("workspace", workspace);
    values.put("link", workspacesUrl);
    values.put("expiresAt", time(key.expiresAt(), recipient.language()));
    values.put("expiresAtIso", DateTimeFormatter.ISO_INSTANT.format(key.expiresAt()));
    values.put("rotationGrace", duration(ApiKey.ROTATION_GRACE, recipient.language()));
    send(recipient, Mail.API_KEY_EXPIRING, values);
  }

  @Override
  public void sendAiBudget(
      User recipient,
      String workspaceName,
      BudgetMark mark,
      long spentMicros,
      long budgetMicros,
      YearMonth month) {
    Map<String, Object> values = values(recipient);
    Objects.requireNonNull(mark, "mark");
    values.put("workspace", requireWorkspaceName(workspaceName));
    values.put("reached", mark == BudgetMark.REACHED);
    values.put("spent", dollars(spentMicros));
    values.put("budget", dollars(budgetMicros));
    values.put(
        "percent", budgetMicros == 0 ? 100 : Math.min(999, spentMicros * 100 / budgetMicros));
    values.put(
        "month",
        (Language.THAI.equals(recipient.language()) ? THAI_MONTH : ENGLISH_MONTH)
            .format(month.atDay(1)));
    values.put("link", workspacesUrl);
    send(recipient, Mail.AI_BUDGET, values);
  }

  /** Millionths of a US dollar as dollars and cents, e.g. {@code 25.50}. */
  private static String dollars(long micros) {
    return Usd.ofMicros(micros).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  @Override
  public void sendInvitation(
      Invitation invitation,
      String workspaceName,
      String inviterName,
      String link,
      String language) {
    Objects.requireNonNull(invitation, "invitation");
    String workspace = requireWorkspaceName(workspaceName);
    Objects.requireNonNull(inviterName, "inviterName");
    String lang = Language.normalise(Objects.requireNonNull(language, "language"));
    // the invitee may have no account yet, so there is no name to greet them by
    String to = invitation.email().value();
    Map<String, Object> values = values(lang, "", to);
    values.put("link", requireWebUrl(link, "link"));
    values.put("validFor", duration(Invitation.LIFETIME, lang));
    values.put("workspace", workspace);
    values.put("inviter", oneLine(inviterName));
    values.put(
        "admin",
        switch (invitation.role()) {
          case ADMIN -> true;
          case MEMBER -> false;
          // Invitation refuses it; naming every role makes a new one a compile error here
          case OWNER -> throw new IllegalArgumentException("ownership is not invited");
        });
    send(lang, to, Mail.INVITATION, values);
  }

  private Map<String, Object> values(User user) {
    Objects.requireNonNull(user, "user");
    return values(user.language(), user.name(), user.email().value());
  }

  private Map<String, Object> values(String language, String name, String email) {
    Map<String, Object> values = new HashMap<>();
    values.put("lang", language);
    values.put("product", productName);
    values.put("homeUrl", homeUrl);
    values.put("name", oneLine(name));
    values.put("email", email);
    return values;
  }

  /** The workspace's name on one line; it must not be blank. */
  private static String requireWorkspaceName(String workspaceName) {
    String workspace = oneLine(Objects.requireNonNull(workspaceName, "workspaceName"));
    if (workspace.isEmpty()) {
      throw new IllegalArgumentException("the workspace name must not be blank");
    }
    return workspace;
  }

  /** An instant as the reader expects it: Thai time with the Buddhist-era year, or UTC. */
  private static String time(Instant instant, String language) {
    return (Language.THAI.equals(language) ? THAI_TIME : ENGLISH_TIME).format(instant);
  }

  /** Free text (a name) on one line, so it cannot forge lines of the text body. */
  private static String oneLine(String text) {
    return CONTROL_CHARACTERS.matcher(text).replaceAll(" ").strip();
  }

  private void send(User user, Mail mail, Map<String, Object> values) {
    // User normalises its language to th or en
    send(user.language(), user.email().value(), mail, values);
  }

  private void send(String language, String to, Mail mail, Map<String, Object> values) {
    Templates mailTemplates = templates.get(language).get(mail);
    String subject = WHITESPACE.matcher(render(mailTemplates.subject(), values)).replaceAll(" ");
    values.put("subject", subject.strip());
    String text = tidyText(render(mailTemplates.text(), values));
    String html = render(mailTemplates.html(), values);
    sender.send(new EmailMessage(to, subject.strip(), text, html));
  }

  private static String render(Mustache template, Map<String, Object> values) {
    StringWriter out = new StringWriter();
    template.execute(out, values);
    return out.toString();
  }

  /** Unix line ends, no trailing spaces, at most one empty line in a row. */
  private static String tidyText(String text) {
    String lines = text.replace("\r\n", "\n").replace('\r', '\n');
    lines = TRAILING_SPACES.matcher(lines).replaceAll("\n");
    return BLANK_LINES.matcher(lines).replaceAll("\n\n").strip() + "\n";
  }

  /**
   * "7 days" / "7 วัน" for whole days from two days on; otherwise "24 hours" / "24 ชั่วโมง", whole
   * hours when possible, otherwise minutes.
   */
  static String duration(Duration lifetime, String language) {
    boolean thai = Language.THAI.equals(language);
    if (lifetime.toDays() >= 2 && lifetime.toHoursPart() == 0 && lifetime.toMinutesPart() == 0) {
      return lifetime.toDays() + (thai ? " วัน" : " days");
    }
    if (lifetime.toMinutesPart() == 0 && lifetime.toHours() > 0) {
      long hours = lifetime.toHours();
      return hours + (thai ? " ชั่วโมง" : hours == 1 ? " hour" : " hours");
    }
    long minutes = Math.max(1, lifetime.toMinutes());
    return minutes + (thai ? " นาที" : minutes == 1 ? " minute" : " minutes");
  }

  /** The URL itself, once checked to be an absolute http(s) URL with a host. */
  private static String requireWebUrl(String url, String what) {
    Objects.requireNonNull(url, what);
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // reported below, without echoing a URL that may hold a secret token
    }
    throw new IllegalArgumentException(what + " must be an absolute http or https URL");
  }

  private static Mustache compile(Factory factory, String name) {
    try {
      return factory.compile(name);
    } catch (MustacheException e) {
      throw new IllegalStateException("e-mail template " + name + " cannot be used", e);
    }
  }

  /**
   * Compiles templates for one output: HTML (values escaped) or text (values verbatim). Only
   * escaped values, no delimiter changes and no pragmas are accepted, so a template cannot switch
   * escaping off; values are read from maps and public members only.
   */
  static final class Factory extends DefaultMustacheFactory {
    private final boolean html;

    Factory(boolean html) {
      super(new ClasspathResolver(TEMPLATE_ROOT));
      this.html = html;
      setObjectHandler(SafeMustacheFactory.OBJECT_HANDLER);
      mc.setAllowChangingDelimeters(false);
    }

    @Override
    public MustacheVisitor createMustacheVisitor() {
      return new DefaultMustacheVisitor(this) {
        @Override
        public void pragma(TemplateContext tc, String pragma, String args) {
          throw new MustacheException("pragmas are not allowed in e-mail templates", tc);
        }

        @Override
        public void value(TemplateContext tc, String variable, boolean encoded) {
          if (!encoded) {
            throw new MustacheException("unescaped values are not allowed in e-mail templates", tc);
          }
          list.add(new ValueCode(tc, df, variable, true));
        }
      };
    }

    @Override
    public void encode(String value, Writer writer) {
      try {
        if (html) {
          escapeHtml(value, writer);
        } else {
          writer.write(value);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Escapes the five characters that matter in HTML text and quoted attribute values. (Mustache's
   * own escaper also rewrites {@code =} and back-ticks, which would needlessly alter every link.)
   */
  static void escapeHtml(String value, Writer writer) throws IOException {
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      String replacement =
          switch (value.charAt(i)) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (replacement != null) {
        writer.write(value, start, i - start);
        writer.write(replacement);
        start = i + 1;
      }
    }
    writer.write(value, start, value.length() - start);
  }
}
