package com.minichat.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test client of MiniChat's WebSocket: sends JSON frames and waits for the ones it expects. */
final class LiveSocket implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newHttpClient();
  private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final List<JsonNode> skipped = new ArrayList<>();
  private final WebSocket socket;

  private LiveSocket(String url) {
    this.socket =
        http.newWebSocketBuilder()
            .buildAsync(URI.create(url), new Listener())
            .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
            .join();
  }

  /** Opens a socket on {@code path} of the server at {@code baseUrl} ({@code http://…}). */
  static LiveSocket open(String baseUrl, String path) {
    return new LiveSocket(baseUrl.replaceFirst("^http", "ws") + path);
  }

  /** A dashboard socket, signed in and subscribed to {@code workspaceId}. */
  static LiveSocket team(String baseUrl, String accessToken, String workspaceId) {
    LiveSocket socket = open(baseUrl, "/api/v1/ws");
    socket.send("{\"type\":\"auth\",\"token\":\"" + accessToken + "\"}");
    socket.await("ready");
    socket.send("{\"type\":\"subscribe\",\"workspaceId\":\"" + workspaceId + "\"}");
    socket.await("subscribed");
    return socket;
  }

  /** A visitor's socket, signed in with the visitor token. */
  static LiveSocket visitor(
      String baseUrl, String widgetKey, String conversationId, String visitorToken) {
    LiveSocket socket = open(baseUrl, "/api/v1/widget/" + widgetKey + "/ws");
    socket.send(
        "{\"type\":\"auth\",\"token\":\""
            + visitorToken
            + "\",\"conversationId\":\""
            + conversationId
            + "\"}");
    socket.await("ready");
    return socket;
  }

  void send(String frame) {
    socket.sendText(frame, true).join();
  }

  /** The next frame of {@code type}, skipping others; fails after a few seconds. */
  JsonNode await(String type) {
    return await(frame -> type.equals(frame.path("type").asText()), type);
  }

  /** The next frame that matches, skipping others; fails after a few seconds. */
  JsonNode await(Predicate<JsonNode> wanted, String description) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        JsonNode frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (frame == null) {
          break;
        }
        if (wanted.test(frame)) {
          return frame;
        }
        skipped.add(frame);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new AssertionError("no " + description + " frame; got " + skipped);
  }

  /** Frames that arrived and were not awaited, oldest first, draining what is queued now. */
  List<JsonNode> seen() {
    frames.drainTo(skipped);
    return List.copyOf(skipped);
  }

  /** Waits for the server to close the socket and checks the close code. */
  void assertClosedWith(int code) {
    Integer actual = closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    assertNotNull(actual);
    assertEquals(code, actual);
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    socket.abort();
    http.close();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          frames.add(JSON.readTree(partial.toString()));
        } catch (java.io.IOException e) {
          throw new IllegalStateException("a frame that is not JSON: " + partial, e);
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }
  }
}
