package com.minichat.application.service.chat;

import com.minichat.application.port.in.chat.ChatModel;
import com.minichat.application.port.in.chat.ChatTranscript;
import com.minichat.application.port.in.chat.ServerChatUseCase;
import com.minichat.application.port.in.widget.MessageExchange;
import com.minichat.application.port.out.ai.TokenSink;
import com.minichat.application.port.out.conversation.ConversationRepository;
import com.minichat.application.port.out.provider.ProviderChainRepository;
import com.minichat.application.service.conversation.BotReplies;
import com.minichat.application.service.workspace.WorkspaceAccess;
import com.minichat.domain.access.KeyActor;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.Violations;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.conversation.MessageAuthor;
import com.minichat.domain.conversation.VisitorId;
import com.minichat.domain.provider.ProviderConfig;
import com.minichat.domain.provider.ProviderType;
import com.minichat.domain.team.Permission;
import com.minichat.domain.workspace.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workspace bot for API keys: the server chat API and the OpenAI-compatible surface, both
 * answered through {@link BotReplies} like the widget.
 */
public final class ServerChatService implements ServerChatUseCase {
  private final WorkspaceAccess access;
  private final ConversationRepository conversations;
  private final ProviderChainRepository chains;
  private final BotReplies replies;
  private final Clock clock;

  public ServerChatService(
      WorkspaceAccess access,
      ConversationRepository conversations,
      ProviderChainRepository chains,
      BotReplies replies,
      Clock clock) {
    this.access = access;
    this.conversations = conversations;
    this.chains = chains;
    this.replies = replies;
    this.clock = clock;
  }

  @Override
  public MessageExchange chat(
      KeyActor key, String message, ConversationId conversationId, TokenSink sink) {
    Workspace workspace = access.require(key, key.key().workspaceId(), Permission.CHAT);
    new Violations().text(message, "message", true, Message.MAX_TEXT_LENGTH).throwIfAny();
    if (conversationId == null) {
      return startAndAnswer(workspace, List.of(), message, sink);
    }
    Conversation conversation =
        conversations
            .findById(conversationId)
            .filter(found -> found.workspaceId().equals(workspace.id()))
            .orElseThrow(() -> new NotFoundException("Conversation not found"));
    return replies.answer(
        workspace,
        conversation,
        Message.create(conversation, MessageAuthor.VISITOR, message, clock.instant()),
        sink);
  }

  @Override
  public MessageExchange complete(KeyActor key, ChatTranscript transcript, TokenSink sink) {
    Workspace workspace = access.require(key, key.key().workspaceId(), Permission.CHAT);
    List<ChatTranscript.Turn> earlier = transcript.earlier();
    // older turns than the model sees would only be stored again by every later call
    int kept = Math.min(earlier.size(), BotReplies.HISTORY_FOR_MODEL);
    return startAndAnswer(
        workspace,
        earlier.subList(earlier.size() - kept, earlier.size()),
        transcript.question(),
        sink);
  }

  @Override
  public List<ChatModel> models(KeyActor key) {
    Workspace workspace = access.require(key, key.key().workspaceId(), Permission.READ_WORKSPACE);
    Map<String, ChatModel> models = new LinkedHashMap<>();
    models.put(BOT_MODEL, new ChatModel(BOT_MODEL, BOT_MODEL, workspace.createdAt()));
    List<ProviderConfig> chain = chains.find(workspace.id());
    if (chain.isEmpty()) {
      chain = List.of(new ProviderConfig(ProviderType.OFFLINE, "", null, null, null));
    }
    for (ProviderConfig provider : chain) {
      String name = provider.model().isBlank() ? provider.type().wireName() : provider.model();
      models.putIfAbsent(
          name, new ChatModel(name, provider.type().wireName(), workspace.createdAt()));
    }
    return List.copyOf(models.values());
  }

  /**
   * A new conversation with an anonymous visitor: {@code earlier} stored first, timed a millisecond
   * apart just before the question so that they keep their order, then the question answered.
   */
  private MessageExchange startAndAnswer(
      Workspace workspace, List<ChatTranscript.Turn> earlier, String question, TokenSink sink) {
    Instant now = clock.instant();
    Conversation conversation =
        Conversation.start(workspace.id(), VisitorId.generate(), now.minusMillis(earlier.size()));
    List<Message> turns = new ArrayList<>();
    for (int i = 0; i < earlier.size(); i++) {
      ChatTranscript.Turn turn = earlier.get(i);
      turns.add(
          Message.create(
              conversation,
              turn.role() == ChatTranscript.Role.USER ? MessageAuthor.VISITOR : MessageAuthor.AI,
              turn.content(),
              conversation.createdAt().plusMillis(i)));
    }
    return replies.startAndAnswer(
        workspace,
        conversation,
        turns,
        Message.create(conversation, MessageAuthor.VISITOR, question, now),
        sink);
  }
}
