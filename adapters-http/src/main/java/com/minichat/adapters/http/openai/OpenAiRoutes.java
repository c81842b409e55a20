package com.minichat.adapters.http.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.minichat.adapters.http.support.Actors;
import com.minichat.adapters.http.support.JsonBody;
import com.minichat.application.port.in.chat.ChatTranscript;
import com.minichat.application.port.in.chat.ChatTranscript.Role;
import com.minichat.application.port.in.chat.ChatTranscript.Turn;
import com.minichat.application.port.in.chat.ServerChatUseCase;
import com.minichat.application.port.out.ai.TokenSink;
import com.minichat.domain.access.KeyActor;
import com.minichat.domain.common.Identifiers;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.common.Violations;
import com.minichat.domain.conversation.Message;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The workspace bot behind OpenAI's chat completions protocol, so that OpenAI's SDKs work unchanged
 * with {@code baseURL = <server>/api/v1/openai} and a workspace API key. Everything under {@link
 * #BASE} speaks OpenAI's wire format, failures included ({@link OpenAiErrors}), not the envelope.
 * Request fields the bot has no use for ({@code temperature}, {@code max_tokens}, {@code n}, {@code
 * tools}, {@code user}…) are accepted and ignored: the workspace's settings decide.
 */
public final class OpenAiRoutes {
  /** Where the surface lives; every path under it answers in OpenAI's format. */
  public static final String BASE = "/api/v1/openai/";

  private final ServerChatUseCase chat;
  private final Actors actors;
  private final JsonBody body;
  private final Clock clock;

  public OpenAiRoutes(ServerChatUseCase chat, Actors actors, JsonBody body, Clock clock) {
    this.chat = chat;
    this.actors = actors;
    this.body = body;
    this.clock = clock;
  }

  /** A chat completion request; only the fields the bot uses are read. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CompletionRequest(
      String model,
      List<MessageRequest> messages,
      Boolean stream,
      @JsonProperty("stream_options") StreamOptions streamOptions) {

    /** Whether the client asked for the usage chunk at the end of a stream. */
    boolean includeUsage() {
      return streamOptions != null && Boolean.TRUE.equals(streamOptions.includeUsage());
    }
  }

  /** One of the request's messages: content is a string or an array of content parts. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record MessageRequest(String role, JsonNode content) {}

  /** Options of a streamed answer. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record StreamOptions(@JsonProperty("include_usage") Boolean includeUsage) {}

  /** A finished chat completion ({@code object: chat.completion}). */
  public record Completion(
      String id, String object, long created, String model, List<Choice> choices, Usage usage) {}

  /** The one answer of a completion. */
  public record Choice(
      int index,
      AssistantMessage message,
      Object logprobs,
      @JsonProperty("finish_reason") String finishReason) {}

  /** The bot's answer as a message. */
  public record AssistantMessage(String role, String content) {}

  /** The tokens the answering provider counted (0 when it does not count, as offline). */
  public record Usage(
      @JsonProperty("prompt_tokens") long promptTokens,
      @JsonProperty("completion_tokens") long completionTokens,
      @JsonProperty("total_tokens") long totalTokens) {
    static Usage of(Message reply) {
      long input = reply.usage().inputTokens();
      long output = reply.usage().outputTokens();
      return new Usage(input, output, input + output);
    }
  }

  /** The list of models ({@code object: list}). */
  public record ModelList(String object, List<Model> data) {}

  /** One model ({@code object: model}). */
  public record Model(
      String id, String object, long created, @JsonProperty("owned_by") String ownedBy) {}

  /** Adds the routes. */
  public void register(JavalinDefaultRoutingApi routes) {
    routes.post(BASE + "chat/completions", this::complete);
    routes.get(BASE + "models", this::models);
  }

  private void complete(Context ctx) {
    KeyActor key = actors.key(ctx);
    CompletionRequest request = body.read(ctx, CompletionRequest.class);
    ChatTranscript transcript = transcript(request.messages());
    String id = "chatcmpl-" + Identifiers.random(12);
    long created = clock.instant().getEpochSecond();
    if (Boolean.TRUE.equals(request.stream())) {
      CompletionStream.respond(
          ctx,
          new CompletionStream.Header(id, created, request.includeUsage()),
          sink -> chat.complete(key, transcript, sink));
      return;
    }
    Message reply = chat.complete(key, transcript, TokenSink.NONE).reply();
    ctx.json(
        new Completion(
            id,
            "chat.completion",
            created,
            reply.usage().model(),
            List.of(new Choice(0, new AssistantMessage("assistant", reply.text()), null, "stop")),
            Usage.of(reply)));
  }

  private void models(Context ctx) {
    List<Model> models =
        chat.models(actors.key(ctx)).stream()
            .map(
                model ->
                    new Model(
                        model.name(), "model", model.since().getEpochSecond(), model.provider()))
            .toList();
    ctx.json(new ModelList("list", models));
  }

  /**
   * The request's messages as a transcript: {@code system} and {@code developer} messages are the
   * caller's instructions, {@code user} and {@code assistant} the conversation; content is text or
   * text parts (the bot reads no images or audio).
   */
  private static ChatTranscript transcript(List<MessageRequest> messages) {
    if (messages == null) {
      throw new ValidationException("messages", "is required");
    }
    Violations violations = new Violations();
    List<Turn> turns = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      MessageRequest message = messages.get(i);
      String field = "messages[" + i + "]";
      if (message == null) {
        violations.check(false, field, "must be a message object");
        continue;
      }
      Role role = role(message.role());
      violations.check(
          role != null, field + ".role", "must be system, developer, user or assistant");
      String text = text(message.content(), field + ".content", violations);
      if (role != null) {
        turns.add(new Turn(role, text));
      }
    }
    violations.throwIfAny();
    return new ChatTranscript(turns);
  }

  private static Role role(String role) {
    return switch (role == null ? "" : role.toLowerCase(Locale.ROOT)) {
      case "system", "developer" -> Role.INSTRUCTION;
      case "user" -> Role.USER;
      case "assistant" -> Role.ASSISTANT;
      default -> null;
    };
  }

  /** The text of a message's content; {@code null} when it has none. */
  private static String text(JsonNode content, String field, Violations violations) {
    if (content == null || content.isNull()) {
      return null;
    }
    if (content.isTextual()) {
      return content.textValue();
    }
    if (!content.isArray()) {
      violations.check(false, field, "must be a string or an array of content parts");
      return null;
    }
    List<String> texts = new ArrayList<>();
    for (int j = 0; j < content.size(); j++) {
      JsonNode part = content.get(j);
      boolean text = "text".equals(part.path("type").asText()) && part.path("text").isTextual();
      violations.check(text, field + "[" + j + "]", "only text parts are supported");
      if (text) {
        texts.add(part.path("text").textValue());
      }
    }
    return String.join("\n", texts);
  }
}
