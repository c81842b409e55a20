package com.minichat.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.minichat.adapters.http.testing.ApiClient;
import com.minichat.adapters.http.testing.ApiResponse;
import com.minichat.application.port.in.account.AuthenticateUserUseCase;
import com.minichat.application.port.in.account.PasswordUseCase;
import com.minichat.application.port.in.account.ProfileUseCase;
import com.minichat.application.port.in.account.RegistrationUseCase;
import com.minichat.application.port.in.account.SessionUseCase;
import com.minichat.application.port.in.account.TwoFactorUseCase;
import com.minichat.application.port.in.apikey.ApiKeyAuthentication;
import com.minichat.application.port.in.apikey.ApiKeyUseCase;
import com.minichat.application.port.in.apikey.AuthenticateApiKeyUseCase;
import com.minichat.application.port.in.audit.AuditLogUseCase;
import com.minichat.application.port.in.chat.ChatModel;
import com.minichat.application.port.in.chat.ChatTranscript;
import com.minichat.application.port.in.chat.ServerChatUseCase;
import com.minichat.application.port.in.conversation.ConversationUseCase;
import com.minichat.application.port.in.conversation.QueryConversationsUseCase;
import com.minichat.application.port.in.health.CheckReadinessUseCase;
import com.minichat.application.port.in.health.Readiness;
import com.minichat.application.port.in.modelserver.ModelServerUseCase;
import com.minichat.application.port.in.modelserver.ModelUploadUseCase;
import com.minichat.application.port.in.provider.ProviderChainUseCase;
import com.minichat.application.port.in.realtime.RealtimeUseCase;
import com.minichat.application.port.in.team.InvitationUseCase;
import com.minichat.application.port.in.team.TeamUseCase;
import com.minichat.application.port.in.webhook.WebhookUseCase;
import com.minichat.application.port.in.widget.MessageExchange;
import com.minichat.application.port.in.widget.VisitorAccess;
import com.minichat.application.port.in.widget.VisitorConversationUseCase;
import com.minichat.application.port.in.widget.WidgetChatUseCase;
import com.minichat.application.port.in.workspace.ChangePlanUseCase;
import com.minichat.application.port.in.workspace.CreateWorkspaceUseCase;
import com.minichat.application.port.in.workspace.DeleteWorkspaceUseCase;
import com.minichat.application.port.in.workspace.QueryUsageUseCase;
import com.minichat.application.port.in.workspace.QueryWorkspacesUseCase;
import com.minichat.application.port.in.workspace.UpdateWorkspaceUseCase;
import com.minichat.application.port.in.workspace.WidgetPinUseCase;
import com.minichat.application.port.out.ai.TokenSink;
import com.minichat.domain.access.KeyActor;
import com.minichat.domain.access.UserActor;
import com.minichat.domain.apikey.ApiKey;
import com.minichat.domain.apikey.ApiKeyId;
import com.minichat.domain.apikey.ApiScope;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.ErrorCode;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.Page;
import com.minichat.domain.common.RateLimitedException;
import com.minichat.domain.common.UpstreamUnavailableException;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.ConversationStatus;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.conversation.MessageAuthor;
import com.minichat.domain.conversation.ModelUsage;
import com.minichat.domain.conversation.VisitorId;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;

/** The HTTP adapter over mocked use cases: envelopes, errors, request ids and operations. */
class HttpServerTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final String TOKEN = "Bearer test-token";
  private static final User USER =
      new User(new UserId("u1"), new Email("owner@example.com"), "Owner", "hash", NOW, NOW);

  private final AuthenticateUserUseCase authenticate = mock(AuthenticateUserUseCase.class);
  private final QueryWorkspacesUseCase queryWorkspaces = mock(QueryWorkspacesUseCase.class);
  private final WidgetChatUseCase widgetChat = mock(WidgetChatUseCase.class);
  private final QueryConversationsUseCase queryConversations =
      mock(QueryConversationsUseCase.class);
  private final ServerChatUseCase serverChat = mock(ServerChatUseCase.class);
  private final AuthenticateApiKeyUseCase authenticateApiKey =
      mock(AuthenticateApiKeyUseCase.class);
  private final CheckReadinessUseCase readiness = mock(CheckReadinessUseCase.class);
  private final PrometheusMeterRegistry metrics =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private static final String KEY_SECRET = "mc_live_0123456789abcdef";
  private static final KeyActor KEY =
      new KeyActor(
          new ApiKey(
              new ApiKeyId("k1"),
              new WorkspaceId("w1"),
              "CRM",
              "mc_live_…cdef",
              "hash",
              ApiScope.WRITE,
              USER.id(),
              NOW,
              NOW.plus(Duration.ofDays(90)),
              null,
              null,
              null));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STREAMED_HI =
      "{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
  private static final String COMPLETIONS = "/api/v1/openai/chat/completions";

  private HttpServer server;
  private ApiClient api;

  @BeforeEach
  void start() {
    ApiUseCases useCases =
        new ApiUseCases(
            mock(RegistrationUseCase.class),
            mock(SessionUseCase.class),
            authenticate,
            mock(PasswordUseCase.class),
            mock(TwoFactorUseCase.class),
            mock(ProfileUseCase.class),
            mock(AuditLogUseCase.class),
            mock(CreateWorkspaceUseCase.class),
            mock(UpdateWorkspaceUseCase.class),
            queryWorkspaces,
            mock(DeleteWorkspaceUseCase.class),
            mock(ChangePlanUseCase.class),
            mock(QueryUsageUseCase.class),
            mock(WidgetPinUseCase.class),
            mock(TeamUseCase.class),
            mock(InvitationUseCase.class),
            mock(ApiKeyUseCase.class),
            mock(ProviderChainUseCase.class),
            mock(ModelServerUseCase.class),
            mock(ModelUploadUseCase.class),
            mock(WebhookUseCase.class),
            authenticateApiKey,
            widgetChat,
            mock(VisitorConversationUseCase.class),
            queryConversations,
            mock(ConversationUseCase.class),
            serverChat,
            mock(RealtimeUseCase.class),
            readiness,
            Optional.empty());
    server =
        new HttpServer(
                useCases, metrics, Clock.systemUTC(), "wk_00000000", true, "http://localhost:8080")
            .start("127.0.0.1", 0);
    api = new ApiClient(URI.create("http://127.0.0.1:" + server.port()));
    when(authenticate.authenticate("test-token")).thenReturn(USER);
    when(authenticateApiKey.authenticate(KEY_SECRET))
        .thenReturn(new ApiKeyAuthentication(KEY.key(), 1000, 999, Duration.ofMinutes(30)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void successUsesTheEnvelope() {
    ApiResponse response = api.get("/api/v1/me", "Authorization", TOKEN);

    assertEquals(200, response.status());
    assertTrue(response.json().path("success").asBoolean());
    assertEquals("owner@example.com", response.data().path("user").path("email").asText());
    assertFalse(response.body().contains("hash"), "password hash must never be returned");
    assertFalse(response.json().path("metadata").path("timestamp").asText().isEmpty());
  }

  @Test
  void aSaneRequestIdIsEchoedAndAnInsaneOneReplaced() {
    ApiResponse kept =
        api.get("/api/v1/me", "Authorization", TOKEN, "X-Request-Id", "abc-12345678");
    ApiResponse replaced =
        api.get("/api/v1/me", "Authorization", TOKEN, "X-Request-Id", "not a sane id <script>");
    ApiResponse generated = api.get("/api/v1/me", "Authorization", TOKEN);

    assertEquals("abc-12345678", kept.header("X-Request-Id"));
    assertNotEquals("not a sane id <script>", replaced.header("X-Request-Id"));
    assertNotNull(generated.header("X-Request-Id"));
  }

  @Test
  void unknownRoutesGetTheErrorEnvelope() {
    ApiResponse response = api.get("/api/v1/nothing-here");

    assertEquals(404, response.status());
    assertEquals("NOT_FOUND", response.errorCode());
    assertEquals(
        response.header("X-Request-Id"), response.json().at("/metadata/requestId").asText());
  }

  @Test
  void malformedJsonIsAValidationError() {
    ApiResponse response = api.post("/api/v1/auth/login", "{\"email\": ");

    assertEquals(400, response.status());
    assertEquals("VALIDATION_ERROR", response.errorCode());
    assertEquals("body", response.json().at("/error/details/0/field").asText());
  }

  @Test
  void aMissingFieldIsNamed() {
    ApiResponse response =
        api.post("/api/v1/auth/register", "{\"email\":\"a@b.co\",\"name\":\"A\"}");

    assertEquals(400, response.status());
    assertEquals("password", response.json().at("/error/details/0/field").asText());
  }

  @Test
  void aWrongTypeIsNamed() {
    ApiResponse response =
        api.post(
            "/api/v1/auth/register", "{\"email\":\"a@b.co\",\"password\":12345678,\"name\":\"A\"}");

    assertEquals(400, response.status());
    assertEquals("password", response.json().at("/error/details/0/field").asText());
    assertEquals("must be a string", response.json().at("/error/details/0/issue").asText());
  }

  @Test
  void anUnknownFieldIsRefused() {
    ApiResponse response =
        api.post("/api/v1/auth/login", "{\"email\":\"a@b.co\",\"password\":\"x\",\"$where\":1}");

    assertEquals(400, response.status());
    assertEquals("$where", response.json().at("/error/details/0/field").asText());
  }

  @Test
  void aBodyThatIsNotJsonIsRefusedWith415() {
    ApiResponse response =
        api.send("POST", "/api/v1/auth/login", "email=a", "application/x-www-form-urlencoded");

    assertEquals(415, response.status());
    assertEquals("UNSUPPORTED_MEDIA_TYPE", response.errorCode());
  }

  @Test
  void aMissingTokenIs401() {
    ApiResponse response = api.get("/api/v1/me");

    assertEquals(401, response.status());
    assertEquals("AUTHENTICATION_FAILED", response.errorCode());
  }

  static Stream<Arguments> domainFailures() {
    return Stream.of(
        Arguments.of(new AuthenticationException("no"), 401, "AUTHENTICATION_FAILED"),
        Arguments.of(new ForbiddenException("no"), 403, "FORBIDDEN"),
        Arguments.of(new NotFoundException("no"), 404, "NOT_FOUND"),
        Arguments.of(new ConflictException("no"), 409, "CONFLICT"),
        Arguments.of(
            new RateLimitedException("slow", Duration.ofSeconds(7), 20), 429, "RATE_LIMITED"),
        Arguments.of(
            new UpstreamUnavailableException("down", new RuntimeException("x")),
            503,
            "UPSTREAM_UNAVAILABLE"));
  }

  @ParameterizedTest
  @MethodSource("domainFailures")
  void domainFailuresMapToStatusAndCode(RuntimeException failure, int status, String code) {
    when(widgetChat.send(any(VisitorAccess.class), anyString(), any(TokenSink.class)))
        .thenThrow(failure);

    ApiResponse response =
        api.post(
            "/api/v1/widget/wk_1/conversations/c1/messages",
            "{\"text\":\"hi\"}",
            "Authorization",
            "Bearer visitor");

    assertEquals(status, response.status());
    assertEquals(code, response.errorCode());
    if (status == 429) {
      assertEquals("7", response.header("Retry-After"));
      assertEquals("20", response.header("RateLimit-Limit"));
      assertEquals("0", response.header("RateLimit-Remaining"));
      assertEquals("7", response.header("RateLimit-Reset"));
    }
  }

  @Test
  void unexpectedFailuresAre500WithoutDetails() {
    when(queryWorkspaces.list(any(), any()))
        .thenThrow(new IllegalStateException("secret internals"));

    ApiResponse response = api.get("/api/v1/workspaces", "Authorization", TOKEN);

    assertEquals(500, response.status());
    assertEquals("INTERNAL_ERROR", response.errorCode());
    assertFalse(response.body().contains("secret internals"));
    assertFalse(response.body().contains("IllegalStateException"));
  }

  @Test
  void pagesCarryPaginationMetadata() {
    Conversation conversation = conversationC1();
    Message message = Message.create(conversation, MessageAuthor.VISITOR, "สวัสดีครับ", NOW);
    when(queryConversations.messages(
            eq(new UserActor(USER.id())), eq(new ConversationId("c1")), any()))
        .thenReturn(new Page<>(List.of(message), "next-1", 1));

    ApiResponse response =
        api.get("/api/v1/conversations/c1/messages?limit=1", "Authorization", TOKEN);

    assertEquals(200, response.status());
    JsonNode first = response.data().path(0);
    assertEquals("สวัสดีครับ", first.path("text").asText());
    assertEquals("next-1", response.json().at("/metadata/pagination/nextCursor").asText());
  }

  @Test
  void aLimitThatIsNotANumberIsNamed() {
    ApiResponse response =
        api.get("/api/v1/conversations/c1/messages?limit=lots", "Authorization", TOKEN);

    assertEquals(400, response.status());
    assertEquals("limit", response.json().at("/error/details/0/field").asText());
  }

  @Test
  void theWidgetExchangeReturnsBothMessages() {
    Conversation conversation = Conversation.start(new WorkspaceId("w1"), new VisitorId("v1"), NOW);
    when(widgetChat.send(any(VisitorAccess.class), eq("hello"), any(TokenSink.class)))
        .thenReturn(
            new MessageExchange(
                Message.create(conversation, MessageAuthor.VISITOR, "hello", NOW),
                Message.create(conversation, MessageAuthor.AI, "Hi there", NOW)));

    ApiResponse response =
        api.post(
            "/api/v1/widget/wk_1/conversations/" + conversation.id().value() + "/messages",
            "{\"text\":\"hello\"}",
            "Authorization",
            "Bearer visitor");

    assertEquals(200, response.status());
    assertEquals("AI", response.data().at("/reply/author").asText());
    assertEquals("Hi there", response.data().at("/reply/text").asText());
  }

  private void widgetAllowing(String... domains) {
    when(widgetChat.widget(new WidgetKey("wk_1")))
        .thenReturn(
            new Workspace(
                new WorkspaceId("w1"),
                "Shop",
                USER.id(),
                new WidgetKey("wk_1"),
                "Hi",
                "",
                List.of(),
                List.of(domains),
                30,
                NOW,
                NOW));
  }

  @Test
  void widgetEndpointsServeAllowedPagesWithCorsHeaders() {
    widgetAllowing("shop.example.com");

    ApiResponse allowed =
        api.get("/api/v1/widget/wk_1/config", "Origin", "https://shop.example.com");
    ApiResponse own = api.get("/api/v1/widget/wk_1/config", "Origin", "http://localhost:8080");
    ApiResponse noOrigin = api.get("/api/v1/widget/wk_1/config");

    assertEquals(200, allowed.status());
    assertEquals("https://shop.example.com", allowed.header("Access-Control-Allow-Origin"));
    assertEquals(200, own.status());
    assertEquals(200, noOrigin.status());
    assertEquals(null, noOrigin.header("Access-Control-Allow-Origin"));
  }

  @Test
  void widgetEndpointsRefuseOtherPages() {
    widgetAllowing("shop.example.com");

    ApiResponse foreign =
        api.get("/api/v1/widget/wk_1/config", "Origin", "https://evil.example.net");
    ApiResponse lookAlike =
        api.post(
            "/api/v1/widget/wk_1/conversations",
            null,
            "Origin",
            "https://shop.example.com.evil.io");

    assertEquals(403, foreign.status());
    assertEquals("FORBIDDEN", foreign.errorCode());
    assertEquals(null, foreign.header("Access-Control-Allow-Origin"));
    assertEquals(403, lookAlike.status());
  }

  @Test
  void preflightIsAnsweredForAllowedPagesOnly() {
    widgetAllowing("*.example.com");

    ApiResponse allowed =
        api.send(
            "OPTIONS",
            "/api/v1/widget/wk_1/conversations/c1/messages",
            null,
            null,
            "Origin",
            "https://www.example.com",
            "Access-Control-Request-Method",
            "POST");
    ApiResponse refused =
        api.send(
            "OPTIONS",
            "/api/v1/widget/wk_1/conversations",
            null,
            null,
            "Origin",
            "https://example.org");

    assertEquals(204, allowed.status());
    assertTrue(allowed.header("Access-Control-Allow-Headers").contains("Authorization"));
    assertEquals("https://www.example.com", allowed.header("Access-Control-Allow-Origin"));
    assertEquals(403, refused.status());
  }

  @Test
  void readinessReflectsDependencies() {
    when(readiness.check()).thenReturn(new Readiness(true, Map.of("mongodb", true)));
    assertEquals(200, api.get("/readyz").status());

    when(readiness.check()).thenReturn(new Readiness(false, Map.of("mongodb", false)));
    ApiResponse down = api.get("/readyz");
    assertEquals(503, down.status());
    assertEquals("not_ready", down.json().path("status").asText());
  }

  @Test
  void operationsEndpointsAnswer() {
    assertEquals("alive", api.get("/healthz").json().path("status").asText());
    api.get("/api/v1/me", "Authorization", TOKEN);

    ApiResponse scrape = api.get("/metrics");
    assertTrue(scrape.body().contains("http_server_requests"), scrape.body());
    assertTrue(scrape.body().contains("route=\"/api/v1/me\""), scrape.body());

    assertTrue(api.get("/api/v1/openapi.yaml").body().startsWith("openapi: 3.1"));
    assertTrue(api.get("/docs").body().contains("swagger-ui"));
  }

  /** An open conversation {@code c1} of workspace {@code w1}. */
  private static Conversation conversationC1() {
    return new Conversation(
        new ConversationId("c1"),
        new WorkspaceId("w1"),
        new VisitorId("v1"),
        ConversationStatus.OPEN,
        null,
        false,
        false,
        null,
        null,
        NOW,
        NOW);
  }

  /** A stored exchange of conversation {@code c1}: the question and the bot's reply. */
  private static MessageExchange exchange(String question, String answer) {
    Conversation conversation = conversationC1();
    return new MessageExchange(
        Message.create(conversation, MessageAuthor.VISITOR, question, NOW),
        Message.aiAnswer(
            conversation, answer, new ModelUsage("openai", "gpt-4o-mini", 12, 5, 0), NOW));
  }

  /** The use case streams {@code pieces} to the sink, then returns the exchange. */
  private void completionStreams(String... pieces) {
    when(serverChat.complete(eq(KEY), any(ChatTranscript.class), any(TokenSink.class)))
        .thenAnswer(
            call -> {
              TokenSink sink = call.getArgument(2);
              for (String piece : pieces) {
                sink.token(piece);
              }
              return exchange("Hi", String.join("", pieces));
            });
  }

  /** POST to the completions endpoint with the test key. */
  private ApiResponse complete(String json) {
    return api.post(COMPLETIONS, json, "Authorization", "Bearer " + KEY_SECRET);
  }

  private static List<JsonNode> dataLines(ApiResponse response) {
    return response
        .body()
        .lines()
        .filter(line -> line.startsWith("data: "))
        .map(line -> line.substring(6))
        .map(
            data -> {
              try {
                return JSON.readTree(data);
              } catch (IOException e) {
                // [DONE] is not JSON: kept as text
                return TextNode.valueOf(data);
              }
            })
        .toList();
  }

  @Test
  void chatTakesAKeyAndAnswersInTheEnvelope() {
    when(serverChat.chat(eq(KEY), eq("hello"), eq(new ConversationId("c1")), any()))
        .thenReturn(exchange("hello", "Hi there"));

    ApiResponse response =
        api.post(
            "/api/v1/chat",
            "{\"message\":\"hello\",\"conversationId\":\"c1\"}",
            "X-API-Key",
            KEY_SECRET);

    assertEquals(200, response.status(), response.body());
    assertEquals("c1", response.data().path("conversationId").asText());
    assertEquals("Hi there", response.data().at("/reply/text").asText());
    assertEquals("gpt-4o-mini", response.data().at("/reply/usage/model").asText());
    assertEquals("999", response.header("RateLimit-Remaining"));
  }

  @Test
  void chatRefusesAPersonsTokenAnEmptyConversationIdAndUnknownFields() {
    ApiResponse person =
        api.post("/api/v1/chat", "{\"message\":\"hello\"}", "Authorization", TOKEN);
    ApiResponse emptyId =
        api.post(
            "/api/v1/chat",
            "{\"message\":\"hello\",\"conversationId\":\" \"}",
            "Authorization",
            "Bearer " + KEY_SECRET);
    ApiResponse unknownField =
        api.post(
            "/api/v1/chat",
            "{\"message\":\"hello\",\"temperature\":1}",
            "Authorization",
            "Bearer " + KEY_SECRET);

    assertEquals(401, person.status());
    assertEquals("AUTHENTICATION_FAILED", person.errorCode());
    assertEquals(400, emptyId.status());
    assertEquals("conversationId", emptyId.json().at("/error/details/0/field").asText());
    assertEquals(400, unknownField.status());
    assertEquals("temperature", unknownField.json().at("/error/details/0/field").asText());
  }

  @Test
  void aCompletionIsAnsweredInOpenAiFormatWhateverElseTheSdkSends() {
    when(serverChat.complete(eq(KEY), any(ChatTranscript.class), eq(TokenSink.NONE)))
        .thenReturn(exchange("Open?", "From 9 to 5."));

    ApiResponse response =
        complete(
            "{\"model\":\"gpt-4o\",\"temperature\":0.2,\"top_p\":1,\"n\":1,\"max_tokens\":50,"
                + "\"user\":\"u-1\",\"tools\":[],\"stream\":false,\"messages\":["
                + "{\"role\":\"developer\",\"content\":\"Be a pirate\",\"name\":\"x\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Open\"},"
                + "{\"type\":\"text\",\"text\":\"today?\"}]}]}");

    assertEquals(200, response.status(), response.body());
    JsonNode body = response.json();
    assertTrue(body.path("id").asText().startsWith("chatcmpl-"), body.toString());
    assertEquals("chat.completion", body.path("object").asText());
    assertEquals("gpt-4o-mini", body.path("model").asText(), "the model that answered");
    assertEquals("From 9 to 5.", body.at("/choices/0/message/content").asText());
    assertEquals("assistant", body.at("/choices/0/message/role").asText());
    assertEquals("stop", body.at("/choices/0/finish_reason").asText());
    assertEquals(17, body.at("/usage/total_tokens").asInt());
    assertFalse(body.has("success"), "not the envelope");
    ArgumentCaptor<ChatTranscript> transcript = ArgumentCaptor.forClass(ChatTranscript.class);
    verify(serverChat).complete(eq(KEY), transcript.capture(), any());
    assertEquals(
        List.of(
            new ChatTranscript.Turn(ChatTranscript.Role.INSTRUCTION, "Be a pirate"),
            new ChatTranscript.Turn(ChatTranscript.Role.USER, "Open\ntoday?")),
        transcript.getValue().messages());
  }

  @Test
  void aStreamedCompletionIsChunksThenDone() {
    completionStreams("Hel", "lo");

    ApiResponse response =
        complete(
            "{\"model\":\"x\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

    assertEquals(200, response.status());
    assertTrue(response.header("Content-Type").startsWith("text/event-stream"));
    List<JsonNode> data = dataLines(response);
    assertEquals(5, data.size(), response.body());
    assertEquals("assistant", data.get(0).at("/choices/0/delta/role").asText());
    assertEquals("Hel", data.get(1).at("/choices/0/delta/content").asText());
    assertEquals("lo", data.get(2).at("/choices/0/delta/content").asText());
    assertEquals("stop", data.get(3).at("/choices/0/finish_reason").asText());
    assertEquals(0, data.get(3).at("/choices/0/delta").size());
    assertEquals("gpt-4o-mini", data.get(3).path("model").asText());
    assertEquals("[DONE]", data.get(4).asText());
    for (JsonNode chunk : data.subList(0, 4)) {
      assertEquals("chat.completion.chunk", chunk.path("object").asText());
      assertEquals(data.get(0).path("id"), chunk.path("id"));
      assertFalse(chunk.has("usage"), "no usage unless asked: " + chunk);
    }
  }

  @Test
  void aStreamAsksForUsageGetsItInALastChunk() {
    completionStreams("Hi");

    ApiResponse response =
        complete(
            "{\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

    List<JsonNode> data = dataLines(response);
    JsonNode usage = data.get(data.size() - 2);
    assertEquals(0, usage.path("choices").size());
    assertEquals(12, usage.at("/usage/prompt_tokens").asInt());
    assertEquals(5, usage.at("/usage/completion_tokens").asInt());
    assertTrue(data.getFirst().path("usage").isNull(), data.getFirst().toString());
    assertEquals("[DONE]", data.getLast().asText());
  }

  @Test
  void aStreamThatFailsAfterItsFirstChunkEndsWithAnOpenAiError() {
    when(serverChat.complete(eq(KEY), any(ChatTranscript.class), any(TokenSink.class)))
        .thenAnswer(
            call -> {
              call.<TokenSink>getArgument(2).token("Half an ans");
              throw new UpstreamUnavailableException("No AI provider answered", null);
            });

    ApiResponse response = complete(STREAMED_HI);

    JsonNode last = dataLines(response).getLast();
    assertEquals("UPSTREAM_UNAVAILABLE", last.at("/error/code").asText());
    assertEquals("server_error", last.at("/error/type").asText());
    assertFalse(response.body().contains("[DONE]"));
  }

  @Test
  void aStreamCannotTakeTextBackSoARestartEndsItWithAnError() {
    when(serverChat.complete(eq(KEY), any(ChatTranscript.class), any(TokenSink.class)))
        .thenAnswer(
            call -> {
              TokenSink sink = call.getArgument(2);
              sink.token("Broken");
              sink.restart();
              sink.token("Whole answer");
              return exchange("Hi", "Whole answer");
            });

    ApiResponse response = complete(STREAMED_HI);

    List<JsonNode> data = dataLines(response);
    assertEquals("UPSTREAM_UNAVAILABLE", data.getLast().at("/error/code").asText());
    assertFalse(response.body().contains("Whole answer"), response.body());
    assertFalse(response.body().contains("[DONE]"));
  }

  static Stream<Arguments> openAiFailures() {
    return Stream.of(
        Arguments.of(new ForbiddenException("no"), 403, "permission_error"),
        Arguments.of(
            new ForbiddenException(ErrorCode.PLAN_LIMIT_REACHED, "full"),
            403,
            "insufficient_quota"),
        Arguments.of(new RateLimitedException("slow", Duration.ofSeconds(7), 20), 429, "requests"),
        Arguments.of(new UpstreamUnavailableException("down", null), 503, "server_error"));
  }

  @ParameterizedTest
  @MethodSource("openAiFailures")
  void failuresOfTheOpenAiSurfaceAreOpenAiErrors(
      RuntimeException failure, int status, String type) {
    when(serverChat.complete(eq(KEY), any(ChatTranscript.class), any(TokenSink.class)))
        .thenThrow(failure);

    ApiResponse response = complete(STREAMED_HI);

    assertEquals(status, response.status(), response.body());
    assertEquals(type, response.json().at("/error/type").asText());
    assertEquals(failure.getMessage(), response.json().at("/error/message").asText());
    assertTrue(response.json().at("/error/param").isNull());
    if (status == 429) {
      assertEquals("7", response.header("Retry-After"));
    }
  }

  @Test
  void badRequestsAndCredentialsOfTheOpenAiSurfaceAreOpenAiErrors() {
    ApiResponse invalid =
        complete(
            "{\"messages\":[{\"role\":\"tool\",\"content\":\"x\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"image_url\"}]}]}");
    ApiResponse noMessages = complete("{\"model\":\"x\"}");
    ApiResponse person =
        api.post(
            COMPLETIONS,
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
            "Authorization",
            TOKEN);
    ApiResponse unknownPath = api.get("/api/v1/openai/embeddings", "Authorization", TOKEN);

    assertEquals(400, invalid.status());
    assertEquals("invalid_request_error", invalid.json().at("/error/type").asText());
    assertEquals("messages[0].role", invalid.json().at("/error/param").asText());
    assertEquals(
        "messages[0].role: must be system, developer, user or assistant;"
            + " messages[1].content[0]: only text parts are supported",
        invalid.json().at("/error/message").asText());
    assertEquals("messages", noMessages.json().at("/error/param").asText());
    assertEquals(401, person.status());
    assertEquals("authentication_error", person.json().at("/error/type").asText());
    assertEquals("AUTHENTICATION_FAILED", person.errorCode());
    assertEquals(404, unknownPath.status());
    assertEquals("NOT_FOUND", unknownPath.errorCode());
  }

  @Test
  void theTranscriptsOwnRulesAreOpenAiErrorsToo() {
    when(serverChat.complete(eq(KEY), any(ChatTranscript.class), any(TokenSink.class)))
        .thenThrow(new ValidationException("messages[0].content", "is required"));

    ApiResponse response = complete("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

    assertEquals(400, response.status());
    assertEquals("messages[0].content", response.json().at("/error/param").asText());
    assertEquals("VALIDATION_ERROR", response.errorCode());
  }

  @Test
  void theModelsAreListedInOpenAiFormat() {
    when(serverChat.models(KEY))
        .thenReturn(
            List.of(
                new ChatModel("minichat", "minichat", NOW),
                new ChatModel("gpt-4o-mini", "openai", NOW)));

    ApiResponse response = api.get("/api/v1/openai/models", "X-API-Key", KEY_SECRET);

    assertEquals(200, response.status(), response.body());
    assertEquals("list", response.json().path("object").asText());
    assertEquals("minichat", response.json().at("/data/0/id").asText());
    assertEquals("openai", response.json().at("/data/1/owned_by").asText());
    assertEquals(NOW.getEpochSecond(), response.json().at("/data/1/created").asLong());
  }

  @Test
  void theDemoPageTakesAValidKeyFromTheUrlOnly() {
    String valid = api.get("/demo.html?key=wk_0123456789abcdef").body();
    String hostile = api.get("/demo.html?key=%22%3E%3Cscript%3E").body();

    if (valid.contains("data-widget-key")) {
      assertTrue(valid.contains("wk_0123456789abcdef"));
      assertTrue(hostile.contains("wk_00000000"));
    }
    assertFalse(hostile.contains("<script>\""));
  }
}
