package com.minichat.application.service.conversation;

import com.minichat.application.port.in.widget.MessageExchange;
import com.minichat.application.port.out.ai.LanguageModel;
import com.minichat.application.port.out.ai.ModelReply;
import com.minichat.application.port.out.ai.ModerationCheck;
import com.minichat.application.port.out.ai.ProviderEndpoint;
import com.minichat.application.port.out.ai.ReplyRequest;
import com.minichat.application.port.out.ai.TokenSink;
import com.minichat.application.port.out.conversation.ConversationRepository;
import com.minichat.application.port.out.conversation.MessageRepository;
import com.minichat.application.port.out.event.EventBus;
import com.minichat.application.port.out.usage.UsageCounters;
import com.minichat.application.service.provider.ProviderEndpoints;
import com.minichat.domain.common.ErrorCode;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.UpstreamUnavailableException;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationChanged;
import com.minichat.domain.conversation.ConversationStatus;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.conversation.MessageAuthor;
import com.minichat.domain.conversation.MessagePosted;
import com.minichat.domain.conversation.ModelUsage;
import com.minichat.domain.conversation.Typing;
import com.minichat.domain.privacy.PersonalDataRedactor;
import com.minichat.domain.privacy.PlaceholderVault;
import com.minichat.domain.provider.ProviderType;
import com.minichat.domain.usage.PriceTable;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path from a visitor's question to the bot's stored answer, whichever way the question
 * came (widget, server API, OpenAI-compatible surface): the workspace's blocked words, the plan's
 * monthly limit, the question stored and announced, a closed conversation reopened, silence while a
 * person has taken over, the bot shown typing, the workspace's provider chain asked (with personal
 * data replaced by placeholders unless the workspace turned that off), the answer stored with what
 * it used.
 */
public final class BotReplies {
  /** How many earlier messages the model sees. */
  public static final int HISTORY_FOR_MODEL = 20;

  private static final Logger LOG = LoggerFactory.getLogger(BotReplies.class);

  private final ConversationRepository conversations;
  private final MessageRepository messages;
  private final UsageCounters usage;
  private final LanguageModel model;
  private final ProviderEndpoints providers;
  private final EventBus events;
  private final PriceTable prices;
  private final AiBudgetAlerts alerts;
  private final ModerationCheck moderation;
  private final Clock clock;

  public BotReplies(
      ConversationRepository conversations,
      MessageRepository messages,
      UsageCounters usage,
      LanguageModel model,
      ProviderEndpoints providers,
      EventBus events,
      PriceTable prices,
      AiBudgetAlerts alerts,
      ModerationCheck moderation,
      Clock clock) {
    this.conversations = conversations;
    this.messages = messages;
    this.usage = usage;
    this.model = model;
    this.providers = providers;
    this.events = events;
    this.prices = prices;
    this.alerts = alerts;
    this.moderation = moderation;
    this.clock = clock;
  }

  /**
   * Stores {@code question} and, unless a person has taken over, the bot's answer to it.
   *
   * @param sink receives the answer piece by piece while it is written
   * @throws ForbiddenException with {@code PLAN_LIMIT_REACHED} beyond the plan's monthly messages;
   *     nothing is stored then
   * @throws UpstreamUnavailableException when no provider answers; the question is kept
   */
  public MessageExchange answer(
      Workspace workspace, Conversation conversation, Message question, TokenSink sink) {
    List<ProviderEndpoint> chain = admit(workspace, question);
    return reply(workspace, conversation, question, chain, sink);
  }

  /**
   * Stores {@code conversation}, which is new, with the turns it had before it reached MiniChat,
   * then answers {@code question} in it as {@link #answer} does. Only the question counts against
   * the plan: the earlier turns are a record of what the caller already had.
   *
   * @param earlier messages of {@code conversation} written elsewhere, oldest first and older than
   *     {@code question}; the model sees them as the conversation so far
   * @throws ForbiddenException with {@code PLAN_LIMIT_REACHED} beyond the plan's monthly messages;
   *     nothing is stored then, not even the conversation
   * @throws UpstreamUnavailableException when no provider answers; the conversation is kept
   */
  public MessageExchange startAndAnswer(
      Workspace workspace,
      Conversation conversation,
      List<Message> earlier,
      Message question,
      TokenSink sink) {
    List<ProviderEndpoint> chain = admit(workspace, question);
    conversations.insert(conversation);
    LOG.info(
        "conversation started workspaceId={} conversationId={} earlierMessages={}",
        workspace.id().value(),
        conversation.id().value(),
        earlier.size());
    earlier.forEach(this::store);
    return reply(workspace, conversation, question, chain, sink);
  }

  /**
   * The checks before anything is stored: blocked words, moderation and the plan's limit.
   *
   * @return the chain that will answer (only the offline answerer beyond the budget)
   */
  private List<ProviderEndpoint> admit(Workspace workspace, Message question) {
    refuseBlockedWords(workspace, question);
    List<ProviderEndpoint> chain = chain(workspace);
    moderate(workspace, chain, question);
    countMessage(workspace);
    return chain;
  }

  private MessageExchange reply(
      Workspace workspace,
      Conversation conversation,
      Message question,
      List<ProviderEndpoint> chain,
      TokenSink sink) {
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
      answer = ask(workspace, chain, history, question, sink);
    } finally {
      typing(conversation, false);
    }
    Message reply = store(replyTo(question, conversation, answer));
    spend(workspace, reply.usage());
    return new MessageExchange(question, reply);
  }

  /**
   * The workspace's chain, or only the free offline answerer once this month's spending has reached
   * the budget: the visitor still gets an answer, the workspace no bill.
   */
  private List<ProviderEndpoint> chain(Workspace workspace) {
    Long budget = workspace.aiPolicy().monthlyBudgetMicros();
    if (budget != null && usage.get(workspace.id(), UsageCounters.AI_COST, month()) >= budget) {
      return List.of(ProviderEndpoint.offline());
    }
    return providers.of(workspace.id());
  }

  /** Counts what the answer cost, in total and per model, and warns at the budget's marks. */
  private void spend(Workspace workspace, ModelUsage used) {
    YearMonth month = month();
    WorkspaceId id = workspace.id();
    if (used.costMicros() > 0) {
      long total = usage.add(id, UsageCounters.AI_COST, month, used.costMicros());
      alerts.spent(workspace, total - used.costMicros(), total, month);
    }
    usage.add(
        id, UsageCounters.aiModel(used.provider(), used.model(), "cost"), month, used.costMicros());
    usage.add(
        id,
        UsageCounters.aiModel(used.provider(), used.model(), "input"),
        month,
        used.inputTokens());
    usage.add(
        id,
        UsageCounters.aiModel(used.provider(), used.model(), "output"),
        month,
        used.outputTokens());
  }

  private YearMonth month() {
    return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
  }

  /** Asks the chain, with personal data kept from the providers when the workspace says so. */
  private ModelReply ask(
      Workspace workspace,
      List<ProviderEndpoint> chain,
      List<Message> history,
      Message question,
      TokenSink sink) {
    if (!workspace.aiPolicy().redactPersonalData()) {
      return model.reply(new ReplyRequest(workspace, history, question.text(), chain), sink);
    }
    PrivateReply hidden = new PrivateReply(history, question.text(), sink);
    ModelReply answer =
        model.reply(
            new ReplyRequest(workspace, hidden.history(), hidden.question(), chain), hidden);
    hidden.finish();
    return new ModelReply(
        hidden.restore(answer.text()),
        answer.provider(),
        answer.model(),
        answer.inputTokens(),
        answer.outputTokens());
  }

  /**
   * When the workspace asks for it, the chain's OpenAI provider's moderation endpoint checks the
   * question first (with personal data hidden as for the answer). A flagged question is refused
   * like a blocked word. If the endpoint fails, the question passes: a moderation outage must not
   * silence every chat, and the answering provider applies its own rules anyway.
   */
  private void moderate(Workspace workspace, List<ProviderEndpoint> chain, Message question) {
    if (!workspace.aiPolicy().moderateMessages()) {
      return;
    }
    Optional<ProviderEndpoint> openAi =
        chain.stream()
            .filter(endpoint -> endpoint.type() == ProviderType.OPENAI && endpoint.apiKey() != null)
            .findFirst();
    if (openAi.isEmpty()) {
      return;
    }
    String text =
        workspace.aiPolicy().redactPersonalData()
            ? new PersonalDataRedactor().redact(question.text(), new PlaceholderVault())
            : question.text();
    List<String> flagged;
    try {
      flagged = moderation.flagged(openAi.get(), text);
    } catch (UpstreamUnavailableException e) {
      LOG.warn(
          "moderation unavailable, message passes workspaceId={} reason={}",
          workspace.id().value(),
          e.getMessage());
      return;
    }
    if (!flagged.isEmpty()) {
      LOG.info(
          "message refused by moderation workspaceId={} categories={}",
          workspace.id().value(),
          flagged);
      throw new ValidationException(
          "text", "was not accepted by this chat's content rules; please rephrase");
    }
  }

  /** A message with a word the workspace blocks never reaches a provider, nor the store. */
  private static void refuseBlockedWords(Workspace workspace, Message question) {
    workspace
        .aiPolicy()
        .blockedWordIn(question.text())
        .ifPresent(
            word -> {
              throw new ValidationException(
                  "text", "contains words this chat does not accept; please rephrase");
            });
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
    String provider = answer.provider().wireName();
    ModelUsage used =
        new ModelUsage(
            provider,
            answer.model(),
            answer.inputTokens(),
            answer.outputTokens(),
            prices.costMicros(
                provider, answer.model(), answer.inputTokens(), answer.outputTokens()));
    return Message.aiAnswer(conversation, text, used, now.isBefore(earliest) ? earliest : now);
  }

  /**
   * Counts a visitor message against the workspace's monthly plan limit (months in UTC); a refused
   * message is taken off the count again, so the count is of accepted messages.
   */
  private void countMessage(Workspace workspace) {
    YearMonth month = month();
    long used = usage.add(workspace.id(), UsageCounters.MESSAGES, month, 1);
    if (used > workspace.plan().messagesPerMonth()) {
      usage.add(workspace.id(), UsageCounters.MESSAGES, month, -1);
      throw new ForbiddenException(
          ErrorCode.PLAN_LIMIT_REACHED,
          "This chat has reached its message limit for this month; please try again next month");
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
