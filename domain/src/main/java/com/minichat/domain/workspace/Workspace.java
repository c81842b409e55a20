package com.minichat.domain.workspace;

import com.minichat.domain.common.Violations;
import com.minichat.domain.user.Language;
import com.minichat.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A tenant: one business's bot, widget and conversations.
 *
 * @param welcomeMessage greeting the widget shows first; also knowledge for the offline answerer
 * @param systemPrompt persona and instructions for AI providers
 * @param faq question/answer pairs the bot answers from
 * @param allowedDomains host names allowed to embed the widget
 * @param dataRetentionDays how long conversations are kept
 * @param requireTwoFactor whether members must have two-factor authentication on to use it
 * @param encryptedPin the access PIN of a private widget, encrypted; {@code null} when public
 * @param welcomeMessages greetings per visitor language ({@code th}, {@code en}) that replace
 *     {@code welcomeMessage} for visitors of that language
 * @param appearance how the widget looks; {@code null} means the defaults
 * @param plan what it may use; {@code null} means {@link Plan#UNLIMITED}
 * @param aiPolicy what its bot may do; {@code null} means {@link AiPolicy#DEFAULT}
 */
public record Workspace(
    WorkspaceId id,
    String name,
    UserId ownerId,
    WidgetKey widgetKey,
    String welcomeMessage,
    String systemPrompt,
    List<FaqEntry> faq,
    List<String> allowedDomains,
    int dataRetentionDays,
    boolean requireTwoFactor,
    String encryptedPin,
    Map<String, String> welcomeMessages,
    WidgetAppearance appearance,
    Plan plan,
    AiPolicy aiPolicy,
    Instant createdAt,
    Instant updatedAt) {

  /** Limits of the settings, in one place for the API docs and the dashboard. */
  public static final int MAX_NAME = 100;

  public static final int MAX_WELCOME = 1000;
  public static final int MAX_SYSTEM_PROMPT = 8000;
  public static final int MAX_FAQ_ENTRIES = 200;
  public static final int MAX_FAQ_QUESTION = 500;
  public static final int MAX_FAQ_ANSWER = 4000;
  public static final int MAX_ALLOWED_DOMAINS = 50;
  public static final int MAX_RETENTION_DAYS = 3650;

  /** Retention applied when the owner does not choose one. */
  public static final int DEFAULT_RETENTION_DAYS = 365;

  private static final Pattern DOMAIN =
      Pattern.compile(
          "^(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(:[0-9]{1,5})?$");

  /** Validates every setting and reports all broken rules at once. */
  public Workspace {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(widgetKey, "widgetKey");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    welcomeMessage = welcomeMessage == null ? "" : welcomeMessage.strip();
    systemPrompt = systemPrompt == null ? "" : systemPrompt.strip();
    // Copies that tolerate null entries, so that they are reported below instead of thrown.
    faq = faq == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(faq));
    allowedDomains =
        allowedDomains == null
            ? List.of()
            : Collections.unmodifiableList(new ArrayList<>(allowedDomains));
    name = name == null ? null : name.strip();
    // A sorted copy that tolerates null values, so that they are reported below.
    welcomeMessages =
        welcomeMessages == null
            ? Map.of()
            : Collections.unmodifiableMap(new TreeMap<>(welcomeMessages));
    appearance = appearance == null ? WidgetAppearance.DEFAULT : appearance;
    plan = plan == null ? Plan.UNLIMITED : plan;
    aiPolicy = aiPolicy == null ? AiPolicy.DEFAULT : aiPolicy;
    Violations violations =
        new Violations()
            .text(name, "name", true, MAX_NAME)
            .text(welcomeMessage, "welcomeMessage", false, MAX_WELCOME)
            .text(systemPrompt, "systemPrompt", false, MAX_SYSTEM_PROMPT)
            .check(
                faq.size() <= MAX_FAQ_ENTRIES,
                "faq",
                "must have at most " + MAX_FAQ_ENTRIES + " entries")
            .check(
                allowedDomains.size() <= MAX_ALLOWED_DOMAINS,
                "allowedDomains",
                "must have at most " + MAX_ALLOWED_DOMAINS + " entries")
            .check(
                dataRetentionDays >= 1 && dataRetentionDays <= MAX_RETENTION_DAYS,
                "dataRetentionDays",
                "must be between 1 and " + MAX_RETENTION_DAYS);
    for (int i = 0; i < faq.size(); i++) {
      FaqEntry entry = faq.get(i);
      if (entry == null) {
        violations.check(false, "faq[" + i + "]", "must be an object with question and answer");
        continue;
      }
      violations
          .text(entry.question(), "faq[" + i + "].question", true, MAX_FAQ_QUESTION)
          .text(entry.answer(), "faq[" + i + "].answer", true, MAX_FAQ_ANSWER);
    }
    for (int i = 0; i < allowedDomains.size(); i++) {
      String domain = allowedDomains.get(i);
      violations.check(
          domain != null && DOMAIN.matcher(domain).matches(),
          "allowedDomains[" + i + "]",
          "must be a lower-case host name such as shop.example.com or *.example.com");
    }
    for (Map.Entry<String, String> welcome : welcomeMessages.entrySet()) {
      String field = "welcomeMessages." + welcome.getKey();
      violations
          .check(
              Language.THAI.equals(welcome.getKey()) || Language.ENGLISH.equals(welcome.getKey()),
              field,
              "must be a greeting for th or en")
          .text(welcome.getValue(), field, true, MAX_WELCOME);
    }
    appearance.check(violations);
    aiPolicy.check(violations);
    violations.throwIfAny();
  }

  /** A workspace that does not require two-factor authentication of its members. */
  public Workspace(
      WorkspaceId id,
      String name,
      UserId ownerId,
      WidgetKey widgetKey,
      String welcomeMessage,
      String systemPrompt,
      List<FaqEntry> faq,
      List<String> allowedDomains,
      int dataRetentionDays,
      Instant createdAt,
      Instant updatedAt) {
    this(
        id,
        name,
        ownerId,
        widgetKey,
        welcomeMessage,
        systemPrompt,
        faq,
        allowedDomains,
        dataRetentionDays,
        false,
        createdAt,
        updatedAt);
  }

  /** A public workspace (no widget PIN) with default greetings, look and no plan limits. */
  public Workspace(
      WorkspaceId id,
      String name,
      UserId ownerId,
      WidgetKey widgetKey,
      String welcomeMessage,
      String systemPrompt,
      List<FaqEntry> faq,
      List<String> allowedDomains,
      int dataRetentionDays,
      boolean requireTwoFactor,
      Instant createdAt,
      Instant updatedAt) {
    this(
        id,
        name,
        ownerId,
        widgetKey,
        welcomeMessage,
        systemPrompt,
        faq,
        allowedDomains,
        dataRetentionDays,
        requireTwoFactor,
        null,
        Map.of(),
        WidgetAppearance.DEFAULT,
        Plan.UNLIMITED,
        AiPolicy.DEFAULT,
        createdAt,
        updatedAt);
  }

  /**
   * The greeting for visitors speaking {@code language} (Thai, or English for any other language),
   * or the default one when the language is unknown or has no greeting of its own.
   */
  public String welcomeFor(String language) {
    if (language == null || language.isBlank()) {
      return welcomeMessage;
    }
    String specific = welcomeMessages.get(Language.normalise(language));
    return specific == null || specific.isBlank() ? welcomeMessage : specific.strip();
  }

  /** Whether visitors must enter a PIN before they can chat. */
  public boolean hasPin() {
    return encryptedPin != null;
  }

  /** A copy with another widget key (rotation). */
  public Workspace withWidgetKey(WidgetKey newKey, Instant now) {
    return copy(ownerId, newKey, encryptedPin, plan, now);
  }

  /** A copy with another owner (ownership transfer). */
  public Workspace withOwner(UserId newOwner, Instant now) {
    return copy(newOwner, widgetKey, encryptedPin, plan, now);
  }

  /** A copy with another encrypted widget PIN, or none ({@code null}). */
  public Workspace withPin(String newEncryptedPin, Instant now) {
    return copy(ownerId, widgetKey, newEncryptedPin, plan, now);
  }

  /** A copy on another plan. */
  public Workspace onPlan(Plan newPlan, Instant now) {
    return copy(ownerId, widgetKey, encryptedPin, newPlan, now);
  }

  private Workspace copy(UserId owner, WidgetKey key, String pin, Plan newPlan, Instant now) {
    return new Workspace(
        id,
        name,
        owner,
        key,
        welcomeMessage,
        systemPrompt,
        faq,
        allowedDomains,
        dataRetentionDays,
        requireTwoFactor,
        pin,
        welcomeMessages,
        appearance,
        newPlan,
        aiPolicy,
        createdAt,
        now);
  }

  /**
   * Whether a page on {@code host} (with {@code port}, or -1 for the scheme's default) may embed
   * this workspace's widget: the host must equal an allowed domain, or be a subdomain of a {@code
   * *.} entry; an entry with a port also needs that port.
   */
  public boolean allowsEmbeddingOn(String host, int port) {
    if (host == null || host.isBlank()) {
      return false;
    }
    String lowerHost = host.toLowerCase(Locale.ROOT);
    for (String allowed : allowedDomains) {
      int colon = allowed.lastIndexOf(':');
      String allowedHost = colon > 0 ? allowed.substring(0, colon) : allowed;
      boolean portMatches = colon < 0 || Integer.parseInt(allowed.substring(colon + 1)) == port;
      boolean hostMatches =
          allowedHost.startsWith("*.")
              ? lowerHost.endsWith(allowedHost.substring(1))
              : lowerHost.equals(allowedHost);
      if (hostMatches && portMatches) {
        return true;
      }
    }
    return false;
  }
}
