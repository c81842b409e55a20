package com.minichat.adapters.ai.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * A local stand-in for a provider's HTTP API: it answers in that provider's real wire format, chunk
 * by chunk with a flush after each, and fails on command the ways real providers do (429, 500, 401,
 * a connection reset before or in the middle of the stream, a stall). A {@link Dialect} gives each
 * provider's format.
 */
public final class ProviderStub implements AutoCloseable {
  /** How the next answer goes wrong. */
  public enum Failure {
    STATUS_429,
    STATUS_500,
    STATUS_401,
    /** Headers sent, then the connection dies before any text. */
    RESET_BEFORE_FIRST_TOKEN,
    /** Some text streamed, then the connection dies. */
    RESET_MID_STREAM,
    /** Headers sent, then silence. */
    STALL_BEFORE_FIRST_TOKEN,
    /** Some text streamed, then silence. */
    STALL_MID_STREAM
  }

  /** One provider's wire format. */
  public interface Dialect {
    /** The path the provider's streaming chat endpoint listens on, Javalin syntax. */
    String path();

    /** The response's content type, e.g. {@code text/event-stream}. */
    String contentType();

    /**
     * The body of a streamed answer, as the chunks to write one at a time: the text's pieces in the
     * provider's framing, with whatever the provider sends before and after them (including token
     * counts).
     */
    List<String> chunks(JsonNode request, List<String> pieces, long inputTokens, long outputTokens);

    /** The provider's JSON error body for {@code status}. */
    String error(int status);
  }

  /** A request the stub received. */
  public record Received(String path, Map<String, String> headers, JsonNode body) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Dialect dialect;
  private final Javalin server;
  private final Deque<Failure> failures = new ArrayDeque<>();
  private final List<Received> received = new ArrayList<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private Failure always;
  private List<String> pieces = List.of("Hello", " from", " the", " stub", ".");
  private long inputTokens = 12;
  private long outputTokens = 5;
  private Duration pace = Duration.ZERO;
  private Duration firstChunkDelay = Duration.ZERO;

  private ProviderStub(Dialect dialect, Consumer<JavalinDefaultRoutingApi> moreRoutes) {
    this.dialect = dialect;
    this.server =
        Javalin.create(
            config -> {
              config.routes.post(dialect.path(), this::handle);
              moreRoutes.accept(config.routes);
            });
  }

  /** Starts a stub speaking {@code dialect} on a free local port. */
  public static ProviderStub start(Dialect dialect) {
    return start(dialect, routes -> {});
  }

  /**
   * Starts a stub speaking {@code dialect} that also serves {@code moreRoutes}, such as the
   * provider's model management ({@code OllamaModelsStub}).
   */
  public static ProviderStub start(Dialect dialect, Consumer<JavalinDefaultRoutingApi> moreRoutes) {
    ProviderStub stub = new ProviderStub(dialect, moreRoutes);
    stub.server.start("127.0.0.1", 0);
    return stub;
  }

  /** The stub's base address, e.g. {@code http://127.0.0.1:41234}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  /** Answers with these pieces of text, one chunk each, and reports these token counts. */
  public synchronized ProviderStub answer(List<String> newPieces, long input, long output) {
    this.pieces = List.copyOf(newPieces);
    this.inputTokens = input;
    this.outputTokens = output;
    return this;
  }

  /** Waits this long before each chunk, like a model writing at its own speed. */
  public synchronized ProviderStub pace(Duration betweenChunks) {
    this.pace = betweenChunks;
    return this;
  }

  /**
   * Waits this long after the response headers before the first chunk (on top of the {@link
   * #pace}), like a model reading its prompt before it writes.
   */
  public synchronized ProviderStub delayFirstChunk(Duration delay) {
    this.firstChunkDelay = delay;
    return this;
  }

  /** The whole answer text the stub currently gives. */
  public synchronized String answerText() {
    return String.join("", pieces);
  }

  /** Fails the next {@code times} requests with {@code failure}, then answers normally again. */
  public synchronized ProviderStub failNext(Failure failure, int times) {
    for (int i = 0; i < times; i++) {
      failures.add(failure);
    }
    return this;
  }

  /** Fails every request with {@code failure}; {@code null} to stop. */
  public synchronized ProviderStub failAlways(Failure failure) {
    this.always = failure;
    return this;
  }

  /** Every request so far, oldest first. */
  public synchronized List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(Context ctx) throws Exception {
    Failure failure;
    List<String> chunks;
    Duration wait;
    Duration firstWait;
    synchronized (this) {
      wait = pace;
      firstWait = firstChunkDelay;
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.putAll(ctx.headerMap());
      JsonNode body = JSON.readTree(ctx.body());
      received.add(new Received(ctx.path(), headers, body));
      failure = failures.isEmpty() ? always : failures.poll();
      chunks = dialect.chunks(body, pieces, inputTokens, outputTokens);
    }
    int status =
        failure == null
            ? 200
            : switch (failure) {
              case STATUS_429 -> 429;
              case STATUS_500 -> 500;
              case STATUS_401 -> 401;
              default -> 200;
            };
    if (status != 200) {
      ctx.status(status).contentType("application/json").result(dialect.error(status));
      return;
    }
    ctx.status(200).contentType(dialect.contentType());
    ctx.res().setHeader("Cache-Control", "no-cache");
    OutputStream out = ctx.res().getOutputStream();
    int stopAt =
        failure == null
            ? chunks.size()
            : switch (failure) {
              case RESET_BEFORE_FIRST_TOKEN, STALL_BEFORE_FIRST_TOKEN -> 0;
              default -> chunks.size() / 2;
            };
    out.flush();
    Thread.sleep(firstWait);
    for (int i = 0; i < stopAt; i++) {
      Thread.sleep(wait);
      out.write(chunks.get(i).getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
    if (failure == Failure.STALL_BEFORE_FIRST_TOKEN || failure == Failure.STALL_MID_STREAM) {
      // holds the connection open until the stub closes
      released.await(60, TimeUnit.SECONDS);
    } else if (failure != null) {
      // closing the connection under the response: the client sees it break mid-body; the pause
      // lets the client take what was flushed first, as it would from a real network
      Thread.sleep(100);
      ServletContextRequest.getServletContextRequest(ctx.req())
          .getConnectionMetaData()
          .getConnection()
          .getEndPoint()
          .close();
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop();
  }
}
