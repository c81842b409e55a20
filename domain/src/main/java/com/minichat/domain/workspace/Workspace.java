package com.minichat.domain.workspace;

import com.minichat.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A tenant: one business's bot, widget and conversations.
 *
 * @param welcomeMessage greeting the widget shows first; also knowledge for the offline answerer
 * @param systemPrompt persona and instructions for AI providers
 * @param faq question/answer pairs the bot answers from
 * @param allowedDomains host names allowed to embed the widget
 * @param dataRetentionDays how long conversations are kept
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
    Instant createdAt,
    Instant updatedAt) {

  public Workspace {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(widgetKey, "widgetKey");
    Objects.requireNonNull(welcomeMessage, "welcomeMessage");
    Objects.requireNonNull(systemPrompt, "systemPrompt");
    faq = List.copyOf(faq);
    allowedDomains = List.copyOf(allowedDomains);
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** Whether {@code userId} may see and use this workspace. Teams come with roles later. */
  public boolean isMember(UserId userId) {
    return ownerId.equals(userId);
  }
}
