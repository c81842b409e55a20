package com.minichat.application.service.widget;

import com.minichat.application.port.in.widget.MessageExchange;
import com.minichat.application.port.in.widget.StartedConversation;
import com.minichat.application.port.in.widget.VisitorAccess;
import com.minichat.application.port.in.widget.WidgetChatUseCase;
import com.minichat.application.port.out.ai.TokenSink;
import com.minichat.application.port.out.conversation.ConversationRepository;
import com.minichat.application.port.out.conversation.MessageRepository;
import com.minichat.application.port.out.ratelimit.RateLimit;
import com.minichat.application.port.out.ratelimit.RateLimiter;
import com.minichat.application.port.out.security.SecretCipher;
import com.minichat.application.port.out.security.TokenService;
import com.minichat.application.port.out.security.VisitorClaims;
import com.minichat.application.port.out.workspace.WorkspaceRepository;
import com.minichat.application.service.RateLimits;
import com.minichat.application.service.conversation.BotReplies;
import com.minichat.application.service.workspace.WidgetPinService;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.conversation.MessageAuthor;
import com.minichat.domain.conversation.VisitorId;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The visitor side of a conversation: start, send and read, answered by the language model. */
public final class WidgetChatService implements WidgetChatUseCase {
  /** Messages one visitor may send per minute in one conversation. */
  public static final RateLimit VISITOR_MESSAGES =
      new RateLimit("visitor-message", 20, Duration.ofMinutes(1));

  /** Wrong PIN attempts one address may make on one private widget. */
  public static final RateLimit PIN_ATTEMPTS =
      new RateLimit("widget-pin", 5, Duration.ofMinutes(15));

  private static final Logger LOG = LoggerFactory.getLogger(WidgetChatService.class);

  private final VisitorGate gate;
  private final ConversationRepository conversations;
  private final MessageRepository messages;
  private final BotReplies replies;
  private final TokenService tokens;
  private final RateLimiter rateLimiter;
  private final SecretCipher cipher;
  private final Clock clock;

  public WidgetChatService(
      WorkspaceRepository workspaces,
      ConversationRepository conversations,
      MessageRepository messages,
      BotReplies replies,
      TokenService tokens,
      RateLimiter rateLimiter,
      SecretCipher cipher,
      Clock clock) {
    this.gate = new VisitorGate(workspaces, conversations, tokens);
    this.conversations = conversations;
    this.messages = messages;
    this.replies = replies;
    this.tokens = tokens;
    this.rateLimiter = rateLimiter;
    this.cipher = cipher;
    this.clock = clock;
  }

  @Override
  public Workspace widget(WidgetKey widgetKey) {
    return gate.widget(widgetKey);
  }

  @Override
  public StartedConversation start(
      WidgetKey widgetKey, String pin, String clientIp, VisitorId returning) {
    Workspace workspace = widget(widgetKey);
    if (workspace.hasPin()) {
      checkPin(workspace, pin, clientIp);
    }
    Conversation conversation =
        Conversation.start(
            workspace.id(), returning == null ? VisitorId.generate() : returning, clock.instant());
    conversations.insert(conversation);
    LOG.info(
        "conversation started workspaceId={} conversationId={}",
        workspace.id().value(),
        conversation.id().value());
    String token = tokens.issueVisitorToken(new VisitorClaims(workspace.id(), conversation.id()));
    return new StartedConversation(conversation, token);
  }

  @Override
  public MessageExchange send(VisitorAccess access, String text, TokenSink sink) {
    Conversation conversation = gate.conversation(access);
    // Built first so that invalid text is refused without using up the visitor's budget.
    Message question = Message.create(conversation, MessageAuthor.VISITOR, text, clock.instant());
    RateLimits.enforce(
        rateLimiter,
        VISITOR_MESSAGES,
        conversation.id().value(),
        "Too many messages; wait a moment");
    return replies.answer(widget(access.widgetKey()), conversation, question, sink);
  }

  @Override
  public Page<Message> history(VisitorAccess access, PageRequest page) {
    return messages.findByConversation(gate.conversation(access).id(), page);
  }

  private void checkPin(Workspace workspace, String pin, String clientIp) {
    if (pin == null || pin.isBlank()) {
      throw new AuthenticationException("This chat is private; enter its PIN");
    }
    RateLimits.enforce(
        rateLimiter,
        PIN_ATTEMPTS,
        workspace.id().value() + ":" + clientIp,
        "Too many PIN attempts; try again later");
    String expected =
        cipher.decrypt(workspace.encryptedPin(), WidgetPinService.associatedData(workspace.id()));
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), pin.strip().getBytes(StandardCharsets.UTF_8))) {
      throw new AuthenticationException("The PIN is wrong");
    }
  }
}
