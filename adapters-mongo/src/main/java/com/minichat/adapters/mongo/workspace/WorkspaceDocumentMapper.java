package com.minichat.adapters.mongo.workspace;

import static com.minichat.adapters.mongo.MongoSchema.CREATED_AT;
import static com.minichat.adapters.mongo.MongoSchema.ID;
import static com.minichat.adapters.mongo.MongoSchema.SCHEMA_VERSION;
import static com.minichat.adapters.mongo.MongoSchema.UPDATED_AT;

import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.AiPolicy;
import com.minichat.domain.workspace.FaqEntry;
import com.minichat.domain.workspace.Plan;
import com.minichat.domain.workspace.WidgetAppearance;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Maps {@link Workspace} to and from documents of the {@code workspaces} collection. FAQ entries
 * are embedded documents {@code {question, answer}}; allowed domains an array of strings. Soft
 * deletion lives beside the workspace's own fields: {@code deletedAt} (a date while deleted, null
 * or missing while live — documents written before soft delete existed have no such field) and
 * {@code restoredAt} (when it was last restored, absent if never).
 */
public final class WorkspaceDocumentMapper {
  public static final String NAME = "name";
  public static final String OWNER_ID = "ownerId";
  public static final String WIDGET_KEY = "widgetKey";
  public static final String WELCOME_MESSAGE = "welcomeMessage";
  public static final String SYSTEM_PROMPT = "systemPrompt";
  public static final String FAQ = "faq";
  public static final String FAQ_QUESTION = "question";
  public static final String FAQ_ANSWER = "answer";
  public static final String ALLOWED_DOMAINS = "allowedDomains";
  public static final String DATA_RETENTION_DAYS = "dataRetentionDays";
  public static final String REQUIRE_TWO_FACTOR = "requireTwoFactor";
  public static final String ENCRYPTED_PIN = "encryptedPin";
  public static final String WELCOME_MESSAGES = "welcomeMessages";
  public static final String APPEARANCE = "appearance";
  public static final String PLAN = "plan";
  public static final String AI_POLICY = "aiPolicy";
  public static final String PRIMARY_COLOR = "primaryColor";
  public static final String POSITION = "position";
  public static final String THEME = "theme";
  public static final String TITLE = "title";
  public static final String AVATAR_URL = "avatarUrl";
  public static final String DELETED_AT = "deletedAt";
  public static final String RESTORED_AT = "restoredAt";

  /** The fields {@link #toDomain} reads. */
  public static final Bson PROJECTION =
      Projections.include(
          ID,
          NAME,
          OWNER_ID,
          WIDGET_KEY,
          WELCOME_MESSAGE,
          SYSTEM_PROMPT,
          FAQ,
          ALLOWED_DOMAINS,
          DATA_RETENTION_DAYS,
          REQUIRE_TWO_FACTOR,
          ENCRYPTED_PIN,
          WELCOME_MESSAGES,
          APPEARANCE,
          PLAN,
          AI_POLICY,
          CREATED_AT,
          UPDATED_AT,
          DELETED_AT);

  private WorkspaceDocumentMapper() {}

  /** The document stored for {@code workspace}, live ({@code deletedAt} null). */
  public static Document toDocument(Workspace workspace) {
    List<Document> faq =
        workspace.faq().stream()
            .map(
                entry ->
                    new Document(FAQ_QUESTION, entry.question()).append(FAQ_ANSWER, entry.answer()))
            .toList();
    return new Document(ID, workspace.id().value())
        .append(NAME, workspace.name())
        .append(OWNER_ID, workspace.ownerId().value())
        .append(WIDGET_KEY, workspace.widgetKey().value())
        .append(WELCOME_MESSAGE, workspace.welcomeMessage())
        .append(SYSTEM_PROMPT, workspace.systemPrompt())
        .append(FAQ, faq)
        .append(ALLOWED_DOMAINS, workspace.allowedDomains())
        .append(DATA_RETENTION_DAYS, workspace.dataRetentionDays())
        .append(REQUIRE_TWO_FACTOR, workspace.requireTwoFactor())
        .append(ENCRYPTED_PIN, workspace.encryptedPin())
        .append(WELCOME_MESSAGES, new Document(workspace.welcomeMessages()))
        .append(APPEARANCE, appearance(workspace.appearance()))
        .append(PLAN, workspace.plan().id())
        .append(AI_POLICY, aiPolicy(workspace.aiPolicy()))
        .append(CREATED_AT, MongoSchema.toDate(workspace.createdAt()))
        .append(UPDATED_AT, MongoSchema.toDate(workspace.updatedAt()))
        .append(DELETED_AT, null)
        .append(SCHEMA_VERSION, MongoSchema.CURRENT_SCHEMA_VERSION);
  }

  /** When the workspace a stored document describes was deleted; {@code null} while live. */
  public static Instant deletedAt(Document document) {
    return MongoSchema.toInstantOrNull(document.getDate(DELETED_AT));
  }

  /** The workspace a stored document describes. */
  public static Workspace toDomain(Document document) {
    List<FaqEntry> faq =
        document.getList(FAQ, Document.class, List.of()).stream()
            .map(entry -> new FaqEntry(entry.getString(FAQ_QUESTION), entry.getString(FAQ_ANSWER)))
            .toList();
    return new Workspace(
        new WorkspaceId(document.getString(ID)),
        document.getString(NAME),
        new UserId(document.getString(OWNER_ID)),
        new WidgetKey(document.getString(WIDGET_KEY)),
        document.getString(WELCOME_MESSAGE),
        document.getString(SYSTEM_PROMPT),
        faq,
        document.getList(ALLOWED_DOMAINS, String.class, List.of()),
        document.getInteger(DATA_RETENTION_DAYS),
        // Documents written before the setting existed do not require 2FA.
        document.getBoolean(REQUIRE_TWO_FACTOR, false),
        document.getString(ENCRYPTED_PIN),
        welcomeMessages(document.get(WELCOME_MESSAGES, Document.class)),
        appearance(document.get(APPEARANCE, Document.class)),
        // Workspaces created before plans existed keep working without limits.
        Plan.parse(document.getString(PLAN)).orElse(Plan.UNLIMITED),
        aiPolicy(document.get(AI_POLICY, Document.class)),
        MongoSchema.toInstant(document.getDate(CREATED_AT)),
        MongoSchema.toInstant(document.getDate(UPDATED_AT)));
  }

  private static Document aiPolicy(AiPolicy policy) {
    return new Document("redactPersonalData", policy.redactPersonalData())
        .append("blockedWords", policy.blockedWords())
        .append("monthlyBudgetMicros", policy.monthlyBudgetMicros())
        .append("budgetWarningPercent", policy.budgetWarningPercent())
        .append("moderateMessages", policy.moderateMessages());
  }

  /** Workspaces stored before AI policies existed get the default policy. */
  private static AiPolicy aiPolicy(Document stored) {
    if (stored == null) {
      return AiPolicy.DEFAULT;
    }
    Number budget = stored.get("monthlyBudgetMicros", Number.class);
    return new AiPolicy(
        stored.getBoolean("redactPersonalData", true),
        stored.getList("blockedWords", String.class, List.of()),
        budget == null ? null : budget.longValue(),
        stored.getInteger("budgetWarningPercent", AiPolicy.DEFAULT.budgetWarningPercent()),
        stored.getBoolean("moderateMessages", false));
  }

  private static Document appearance(WidgetAppearance appearance) {
    return new Document(PRIMARY_COLOR, appearance.primaryColor())
        .append(POSITION, appearance.position())
        .append(THEME, appearance.theme())
        .append(TITLE, appearance.title())
        .append(AVATAR_URL, appearance.avatarUrl());
  }

  /** The widget's look; documents written before it could be chosen have the default one. */
  private static WidgetAppearance appearance(Document stored) {
    return stored == null
        ? WidgetAppearance.DEFAULT
        : new WidgetAppearance(
            stored.getString(PRIMARY_COLOR),
            stored.getString(POSITION),
            stored.getString(THEME),
            stored.getString(TITLE),
            stored.getString(AVATAR_URL));
  }

  /** Greetings per language; documents written before they existed have none. */
  private static Map<String, String> welcomeMessages(Document stored) {
    Map<String, String> welcomes = new LinkedHashMap<>();
    if (stored != null) {
      stored.forEach((language, text) -> welcomes.put(language, (String) text));
    }
    return welcomes;
  }
}
