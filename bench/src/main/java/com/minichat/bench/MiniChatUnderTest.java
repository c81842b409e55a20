package com.minichat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.minichat.bootstrap.MiniChat;
import com.minichat.bootstrap.config.ConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * MiniChat started in this JVM on its embedded defaults (the embedded MongoDB-protocol server, no
 * Redis, the development mail outbox) with its data in a temporary directory, and one workspace set
 * up over the API the way its owner would: sign up, sign in, create the workspace, point its
 * provider chain at the stub. Closing it, or stopping the JVM (Ctrl+C), stops MiniChat and deletes
 * its data.
 */
final class MiniChatUnderTest implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dataDir;
  private final MiniChat miniChat;
  private final HttpClient http;
  private final String baseUrl;
  private final AtomicBoolean closed = new AtomicBoolean();
  private String widgetKey;

  private MiniChatUnderTest(Path dataDir, MiniChat miniChat, HttpClient http) {
    this.dataDir = dataDir;
    this.miniChat = miniChat;
    this.http = http;
    this.baseUrl = "http://127.0.0.1:" + miniChat.port();
  }

  /**
   * Starts MiniChat and sets up a workspace answered by an OpenAI-compatible server.
   *
   * @param providerBaseUrl the server's address including its version path, e.g. {@code
   *     http://127.0.0.1:41234/v1}
   * @param model the model name MiniChat asks the server for
   * @param http the client the setup calls are made with
   */
  static MiniChatUnderTest start(String providerBaseUrl, String model, HttpClient http)
      throws IOException, InterruptedException {
    Path dataDir = Files.createTempDirectory("minichat-bench-");
    Map<String, String> env =
        Map.of(
            "APP_ENV", "development",
            "HOST", "127.0.0.1",
            "PORT", "0",
            "DATA_DIR", dataDir.toString(),
            // only the setup signs up and in, and that is not measured
            "BCRYPT_COST", "4");
    MiniChat miniChat;
    try {
      // millisecond ticks, as Main uses: what is returned equals what the database stores
      miniChat =
          MiniChat.start(
              new ConfigLoader(env).load(), Clock.tick(Clock.systemUTC(), Duration.ofMillis(1)));
    } catch (RuntimeException e) {
      delete(dataDir);
      throw e;
    }
    MiniChatUnderTest app = new MiniChatUnderTest(dataDir, miniChat, http);
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(app::close));
    try {
      app.setUp(providerBaseUrl, model);
    } catch (IOException | InterruptedException | RuntimeException e) {
      app.close();
      throw e;
    }
    return app;
  }

  /** Starts a widget conversation, as a visitor opening the chat does. */
  Conversation startConversation() throws IOException, InterruptedException {
    String path = "/api/v1/widget/" + widgetKey + "/conversations";
    JsonNode started = call("POST", path, null, null, 201);
    return new Conversation(
        URI.create(baseUrl + path + "/" + started.path("conversationId").asText() + "/messages"),
        "Bearer " + started.path("visitorToken").asText());
  }

  /**
   * A visitor's conversation.
   *
   * @param messages where the visitor posts messages
   * @param authorization the visitor's {@code Authorization} header
   */
  record Conversation(URI messages, String authorization) {}

  /** Stops MiniChat and deletes its data; once, whether called directly or on shutdown. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      miniChat.close();
      delete(dataDir);
    }
  }

  private void setUp(String providerBaseUrl, String model)
      throws IOException, InterruptedException {
    String email = "owner@bench.example";
    // a fresh strong password: upper and lower case, a digit, a symbol, nothing guessable
    String password = "Xq!" + UUID.randomUUID() + "7";
    call(
        "POST",
        "/api/v1/auth/register",
        JSON.createObjectNode()
            .put("email", email)
            .put("password", password)
            .put("name", "Benchmark Owner"),
        null,
        201);
    String bearer =
        "Bearer "
            + call(
                    "POST",
                    "/api/v1/auth/login",
                    JSON.createObjectNode().put("email", email).put("password", password),
                    null,
                    200)
                .path("accessToken")
                .asText();
    JsonNode workspace =
        call(
                "POST",
                "/api/v1/workspaces",
                JSON.createObjectNode()
                    .put("name", "Benchmark Shop")
                    .put("welcomeMessage", "Welcome to the benchmark shop"),
                bearer,
                201)
            .path("workspace");
    widgetKey = workspace.path("widgetKey").asText();
    ArrayNode chain = JSON.createArrayNode();
    chain
        .addObject()
        .put("type", "openai-compatible")
        .put("model", model)
        .put("baseUrl", providerBaseUrl);
    call(
        "PUT",
        "/api/v1/workspaces/" + workspace.path("id").asText() + "/providers",
        chain,
        bearer,
        200);
  }

  /** One API call that must answer {@code expectedStatus}; its {@code data}. */
  private JsonNode call(
      String method, String path, JsonNode body, String authorization, int expectedStatus)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.toString()))
            .header("Content-Type", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expectedStatus) {
      throw new IllegalStateException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body()).path("data");
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + dir, e);
    }
  }
}
