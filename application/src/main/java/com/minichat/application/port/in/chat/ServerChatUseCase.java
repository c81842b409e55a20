package com.minichat.application.port.in.chat;

import com.minichat.application.port.in.widget.MessageExchange;
import com.minichat.application.port.out.ai.TokenSink;
import com.minichat.domain.access.KeyActor;
import com.minichat.domain.conversation.ConversationId;
import java.util.List;

/**
 * The workspace bot for other servers: a workspace API key asks and the bot answers exactly as it
 * answers the widget's visitors (persona, knowledge, provider chain, plan limit, the team taking
 * over), every exchange stored as a conversation the team sees. Only keys call it, since the key
 * names the workspace; asking needs the {@code write} scope, anything less gives {@link
 * com.minichat.domain.common.ForbiddenException}.
 */
public interface ServerChatUseCase {
  /** The workspace bot as a model name: the workspace's persona over its whole provider chain. */
  String BOT_MODEL = "minichat";

  /**
   * Asks the bot {@code message}, in a new conversation with an anonymous visitor when {@code
   * conversationId} is {@code null}, otherwise in that conversation of the key's workspace.
   *
   * @param sink receives the reply piece by piece while it is written ({@link TokenSink#NONE} when
   *     only the finished reply is wanted); the reply is stored complete either way
   * @return the stored message and reply; the reply is {@code null} while a person has taken the
   *     conversation over
   * @throws com.minichat.domain.common.ValidationException for an empty or too long message
   * @throws com.minichat.domain.common.NotFoundException when {@code conversationId} is not a
   *     conversation of the key's workspace
   * @throws com.minichat.domain.common.ForbiddenException also with {@code PLAN_LIMIT_REACHED}
   * @throws com.minichat.domain.common.UpstreamUnavailableException when no provider answers; the
   *     message is kept
   */
  MessageExchange chat(KeyActor key, String message, ConversationId conversationId, TokenSink sink);

  /**
   * Answers the transcript's question with its earlier turns as the conversation so far. Every call
   * is a new conversation: the transcript keeps no state on the server, so each call stores the
   * most recent earlier turns, as many as the model sees of any conversation, and then the
   * question, which alone counts against the plan. The caller's {@link
   * ChatTranscript.Role#INSTRUCTION instructions} are left out: the workspace's own persona and
   * rules always apply.
   *
   * @return the stored question and reply; the reply is never {@code null}, since nobody can have
   *     taken over a new conversation
   * @throws com.minichat.domain.common.ForbiddenException also with {@code PLAN_LIMIT_REACHED}
   * @throws com.minichat.domain.common.UpstreamUnavailableException when no provider answers
   */
  MessageExchange complete(KeyActor key, ChatTranscript transcript, TokenSink sink);

  /**
   * The model names a client may see: {@link #BOT_MODEL} first, then each model of the workspace's
   * chain once (the offline answerer when there is no chain). Every key may list them. Whatever
   * name a request gives, the chain answers and the reply names the model that did.
   */
  List<ChatModel> models(KeyActor key);
}
