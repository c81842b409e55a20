package com.minichat.adapters.ai.provider;

import com.minichat.application.port.out.ai.ProviderEndpoint;
import com.minichat.application.port.out.ai.ReplyRequest;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.conversation.MessageAuthor;
import com.minichat.domain.conversation.VisitorId;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.FaqEntry;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;

/** Reply requests for provider client tests. */
public final class TestRequests {
  public static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  private TestRequests() {}

  /** A coffee shop with a persona and one FAQ entry. */
  public static Workspace shop() {
    return new Workspace(
        new WorkspaceId("ws-1"),
        "Baan Suan Coffee",
        new UserId("owner-1"),
        new WidgetKey("wk_test"),
        "Welcome!",
        "Speak like a friendly barista.",
        List.of(new FaqEntry("When do you open?", "Every day 8:00-18:00.")),
        List.of(),
        Workspace.DEFAULT_RETENTION_DAYS,
        NOW,
        NOW);
  }

  /** The shop's visitor asks {@code question} after one earlier exchange. */
  public static ReplyRequest askAfterGreeting(String question, ProviderEndpoint endpoint) {
    Workspace shop = shop();
    Conversation conversation = Conversation.start(shop.id(), VisitorId.generate(), NOW);
    List<Message> history =
        List.of(
            Message.create(conversation, MessageAuthor.VISITOR, "Hi", NOW),
            Message.create(conversation, MessageAuthor.AI, "Hello! How can I help?", NOW));
    return new ReplyRequest(shop, history, question, List.of(endpoint));
  }

  /** A fresh conversation's first question. */
  public static ReplyRequest ask(String question, ProviderEndpoint endpoint) {
    return new ReplyRequest(shop(), List.of(), question, List.of(endpoint));
  }
}
