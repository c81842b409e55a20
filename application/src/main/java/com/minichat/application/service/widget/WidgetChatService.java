package com.minichat.application.service.widget;

import com.minichat.application.port.in.widget.MessageExchange;
import com.minichat.application.port.in.widget.StartedConversation;
import com.minichat.application.port.in.widget.VisitorAccess;
import com.minichat.application.port.in.widget.WidgetChatUseCase;
import com.minichat.application.port.out.ai.LanguageModel;
import com.minichat.application.port.out.ai.ModelReply;
import com.minichat.application.port.out.ai.ReplyRequest;
import com.minichat.application.port.out.ai.TokenSink;
import com.minichat.application.port.out.conversation.ConversationRepository;
import com.minichat.application.port.out.conversation.MessageRepository;
import com.minichat.application.port.out.event.EventBus;
import com.minichat.application.port.out.ratelimit.RateLimit;
import com.minichat.application.port.out.ratelimit.RateLimiter;
import com.minichat.application.port.out.security.SecretCipher;
import com.minichat.application.port.out.security.TokenService;
import com.minichat.application.port.out.security.VisitorClaims;
import com.minichat.application.port.out.usage.UsageCounters;
import com.minichat.application.port.out.workspace.WorkspaceRepository;
import com.minichat.application.service.RateLimits;
import com.minichat.application.service.provider.ProviderEndpoints;
import com.minichat.application.service.workspace.WidgetPinService;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.common.ErrorCode;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.common.UpstreamUnavailableException;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationChanged;
import com.minichat.domain.conversation.ConversationStatus;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.conversation.MessageAuthor;
import com.minichat.domain.conversation.MessagePosted;
import com.minichat.domain.conversation.ModelUsage;
import com.minichat.domain.conversation.Typing;
import com.minichat.domain.conversation.VisitorId;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
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

  /** How many earlier messages the model sees. */
  static final int HISTORY_FOR_MODEL = 20;

  private static final Logger LOG = LoggerFactory.getLogger(WidgetChatService.class);

  private final VisitorGate gate;
  private final ConversationRepository conversations;
  private final MessageRepository messages;
  private final UsageCounters usage;
  private final LanguageModel model;
  private final ProviderEndpoints providers;
  private final TokenService tokens;
  private final RateLimiter rateLimiter;
  private final EventBus events;
  private final SecretCipher cipher;
  private final Clock clock;

  public WidgetChatService(
      WorkspaceRepository workspaces,
      ConversationRepository conversations,
      MessageRepository messages,
      UsageCounters usage,
      LanguageModel model,
      ProviderEndpoints providers,
      TokenService tokens,
      RateLimiter rateLimiter,
      EventBus events,
      SecretCipher cipher,
      Clock clock) {
    this.gate = new VisitorGate(workspaces, conversations, tokens);
    this.conversations = conversations;
    this.messages = messages;
    this.usage = usage;
    this.model = model;
    this.providers = providers;
    this.tokens = tokens;
    this.rateLimiter = rateLimiter;
    this.events = events;
    this.cipher = cipher;
    this.clock = clock;
  }

  @Override
  public Workspace widget(WidgetKey widgetKey) {
    return gate.widget(widgetKey);
  }

  @Override
  public StartedConversation start(WidgetKey widgetKey, String pin, String clientIp) {
    Workspace workspace = widget(widgetKey);
    if (workspace.hasPin()) {
      checkPin(workspace, pin, clientIp);
    }
    Conversation conversation =
        Conversation.start(workspace.id(), VisitorId.generate(), clock.instant());
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
    Workspace workspace = widget(access.widgetKey());
    countMessage(workspace);
    List<Message> history = messages.findRecent(conversation.id(), HISTORY_FOR_MODEL);
    store(question);
    if (conversation.status() != ConversationStatus.OPEN) {
      Conversation reopened = conversation.visitorWrote(clock.instant());
      conversations.update(reopened);
      events.publish(ConversationChanged.of(reopened));
    }
    if (conversation.aiPaused()) {
      // a person took over: the team answers, not the bot
      return new MessageExchange(question, null);
    }
    typing(conversation, true);
    ModelReply answer;
    try {
      answer =
          model.reply(
              new ReplyRequest(workspace, history, question.text(), providers.of(workspace.id())),
              sink);
    } finally {
      typing(conversation, false);
    }
    Message reply = store(replyTo(question, conversation, answer));
    return new MessageExchange(question, reply);
  }

  /**
   * The bot's message, timed at least a millisecond after the question: stores keep milliseconds
   * and order by time, and a fast answer must still come after what it answers.
   */
  private Message replyTo(Message question, Conversation conversation, ModelReply answer) {
    if (answer.text() == null || answer.text().isBlank()) {
      throw new UpstreamUnavailableException("The assistant gave an empty answer", null);
    }
    String text =
        answer.text().length() > Message.MAX_TEXT_LENGTH
            ? answer.text().substring(0, Message.MAX_TEXT_LENGTH - 1) + "…"
            : answer.text();
    Instant earliest = question.createdAt().plusMillis(1);
    Instant now = clock.instant();
    ModelUsage usage =
        new ModelUsage(
            answer.provider().wireName(),
            answer.model(),
            answer.inputTokens(),
            answer.outputTokens(),
            0);
    return Message.aiAnswer(conversation, text, usage, now.isBefore(earliest) ? earliest : now);
  }

  @Override
  public Page<Message> history(VisitorAccess access, PageRequest page) {
    return messages.findByConversation(gate.conversation(access).id(), page);
  }

  /**
   * Counts a visitor message against the workspace's monthly plan limit (months in UTC); a refused
   * message is taken off the count again, so the count is of accepted messages.
   */
  private void countMessage(Workspace workspace) {
    YearMonth month = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
    long used = usage.add(workspace.id(), UsageCounters.MESSAGES, month, 1);
    if (used > workspace.plan().messagesPerMonth()) {
      usage.add(workspace.id(), UsageCounters.MESSAGES, month, -1);
      throw new ForbiddenException(
          ErrorCode.PLAN_LIMIT_REACHED,
          "This chat has reached its message limit for this month; please try again next month");
    }
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

  /** Tells everyone watching that the bot is (or stopped) writing. */
  private void typing(Conversation conversation, boolean typing) {
    events.publish(
        new Typing(
            conversation.workspaceId(),
            conversation.id(),
            MessageAuthor.AI,
            null,
            typing,
            clock.instant()));
  }

  private Message store(Message message) {
    messages.insert(message);
    events.publish(MessagePosted.of(message));
    return message;
  }
}
