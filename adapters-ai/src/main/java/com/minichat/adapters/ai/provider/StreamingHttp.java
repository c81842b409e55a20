package com.minichat.adapters.ai.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Talks HTTP to providers and self-hosted model servers, turning every failure into a {@link
 * ProviderException}: no answer within the first-byte timeout, an error status, a broken
 * connection, or a response that goes silent for longer than the stall timeout or takes longer than
 * the whole answer may. Streamed answers are read line by line; small JSON documents (model lists)
 * whole; files are sent from disk as they are read.
 */
public final class StreamingHttp implements AutoCloseable {
  /** Largest JSON document accepted, far above any model list; a server cannot fill the heap. */
  private static final int MAX_DOCUMENT_BYTES = 4 << 20;

  /** Longest part of a server's error text repeated in messages. */
  private static final int MAX_ERROR_CHARS = 200;

  private final HttpClient client;
  private final ObjectMapper json;
  private final ProviderTimeouts timeouts;
  private final OutboundGuard outbound;
  private final ScheduledExecutorService watchdog;

  /**
   * @param json the mapper request bodies are written and chunks read with
   * @param timeouts the limits every call of this client obeys
   * @param outbound which addresses may be called
   */
  public StreamingHttp(ObjectMapper json, ProviderTimeouts timeouts, OutboundGuard outbound) {
    this.json = json;
    this.timeouts = timeouts;
    this.outbound = outbound;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeouts.connect())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(
            runnable ->
                Thread.ofPlatform().daemon().name("provider-stall-watchdog").unstarted(runnable));
  }

  /** The mapper the provider clients build and read JSON with. */
  public ObjectMapper json() {
    return json;
  }

  /**
   * Posts {@code body} and hands every line of the response to {@code onLine}, in order.
   *
   * @param provider the provider's name for error messages, e.g. {@code OpenAI}
   * @param headers extra request headers (authentication, versions)
   */
  public void post(
      String provider, URI uri, Map<String, String> headers, Object body, Consumer<String> onLine) {
    HttpRequest request = jsonPost(uri, headers, body).timeout(timeouts.firstByte()).build();
    answer(
        provider,
        send(provider, request),
        false,
        stream -> {
          BufferedReader reader =
              new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
          for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            onLine.accept(line);
          }
          return null;
        });
  }

  /**
   * Posts {@code body} and hands every server-sent event of the response to {@code onEvent}.
   *
   * @see #post(String, URI, Map, Object, Consumer)
   */
  public void postForEvents(
      String provider, URI uri, Map<String, String> headers, Object body, SseHandler onEvent) {
    SseParser parser = new SseParser(onEvent);
    post(provider, uri, headers, body, parser::line);
    parser.end();
  }

  /** Receives one server-sent event. */
  @FunctionalInterface
  public interface SseHandler {
    /**
     * @param event the {@code event:} field, {@code message} when absent
     * @param data the {@code data:} lines joined by newlines
     */
    void event(String event, String data);
  }

  /**
   * Gets the JSON document at {@code uri}, such as a server's model list.
   *
   * @see #post(String, URI, Map, Object, Consumer)
   */
  public JsonNode getJson(String provider, URI uri, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeouts.firstByte()).GET();
    headers.forEach(request::header);
    return answer(
        provider, send(provider, request.build()), true, stream -> document(provider, stream));
  }

  /**
   * Posts {@code body} and reads the JSON document of the answer. The server may work for the whole
   * answer time before it answers at all, as Ollama does while it creates a model.
   *
   * @see #post(String, URI, Map, Object, Consumer)
   */
  public JsonNode postForJson(String provider, URI uri, Map<String, String> headers, Object body) {
    HttpRequest request = jsonPost(uri, headers, body).timeout(timeouts.total()).build();
    return answer(provider, send(provider, request), true, stream -> document(provider, stream));
  }

  /**
   * Whether {@code uri} exists: {@code true} for a success status, {@code false} for 404.
   *
   * @throws ProviderException for any other status and every failure of {@link #post}
   */
  public boolean exists(String provider, URI uri, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeouts.firstByte())
            .method("HEAD", HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    HttpResponse<InputStream> response = send(provider, request.build());
    if (response.statusCode() == 404) {
      close(response);
      return false;
    }
    answer(provider, response, false, stream -> null);
    return true;
  }

  /**
   * Posts {@code file} as the body, read from disk as the connection takes it, so a file of
   * gigabytes needs no more memory than a small one. There is no overall time limit: the transfer
   * fails when no byte could be sent for the stall timeout, and the server has the first-byte
   * timeout to answer once it has the last byte.
   *
   * @param sent told the number of bytes read from the file so far, on the HTTP client's threads
   * @see #post(String, URI, Map, Object, Consumer)
   */
  public void upload(
      String provider, URI uri, Map<String, String> headers, Path file, LongConsumer sent) {
    outbound.check(provider, uri);
    Transfer transfer = new Transfer(file, sent);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/octet-stream")
            .POST(
                HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(transfer::open), transfer.size));
    headers.forEach(request::header);
    CompletableFuture<HttpResponse<InputStream>> pending =
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    answer(provider, awaitTransfer(provider, pending, transfer), true, stream -> null);
  }

  /** The response to an upload, cancelling the transfer when it stalls. */
  private HttpResponse<InputStream> awaitTransfer(
      String provider, CompletableFuture<HttpResponse<InputStream>> pending, Transfer transfer) {
    try {
      while (true) {
        try {
          return pending.get(timeouts.stall().toNanos() / 4, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          String stalled = transfer.stalled();
          if (stalled != null) {
            pending.cancel(true);
            throw new ProviderException(
                provider + " " + stalled, true, new HttpTimeoutException(stalled));
          }
        }
      }
    } catch (ExecutionException e) {
      throw unreachable(provider, e.getCause());
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new ProviderException(provider + " call was interrupted", false, e);
    }
  }

  /** A file being sent: how far, and since when nothing moved. */
  private final class Transfer {
    private final Path file;
    private final LongConsumer sent;
    private final long size;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong quietSince = new AtomicLong(System.nanoTime());

    Transfer(Path file, LongConsumer sent) {
      this.file = file;
      this.sent = sent;
      try {
        this.size = Files.size(file);
      } catch (IOException e) {
        throw new UncheckedIOException("the file to upload cannot be read", e);
      }
    }

    /** The file as a stream that notes every read. */
    InputStream open() {
      try {
        return new ObservedStream(
            Files.newInputStream(file),
            total -> {
              quietSince.set(System.nanoTime());
              done.set(total);
              sent.accept(total);
            });
      } catch (IOException e) {
        throw new UncheckedIOException("the file to upload cannot be read", e);
      }
    }

    /**
     * Why the transfer counts as stalled, or {@code null}: sending may pause for the stall timeout;
     * before the first byte (connecting) and after the last (the server finishing) the first-byte
     * timeout applies.
     */
    String stalled() {
      boolean sending = done.get() > 0 && done.get() < size;
      Duration allowed = sending ? timeouts.stall() : timeouts.firstByte();
      if (System.nanoTime() - quietSince.get() <= allowed.toNanos()) {
        return null;
      }
      return sending ? silence() : noAnswer();
    }
  }

  private HttpRequest.Builder jsonPost(URI uri, Map<String, String> headers, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
    headers.forEach(request::header);
    return request;
  }

  /** Sends {@code request}, if its address may be called, and waits for the response headers. */
  private HttpResponse<InputStream> send(String provider, HttpRequest request) {
    outbound.check(provider, request.uri());
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw unreachable(provider, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(provider + " call was interrupted", false, e);
    }
  }

  private ProviderException unreachable(String provider, Throwable failure) {
    return failure instanceof HttpTimeoutException
        ? new ProviderException(provider + " " + noAnswer(), true, failure)
        : new ProviderException(provider + " could not be reached", true, failure);
  }

  /** Reads a body; the reader's stream is already watched. */
  @FunctionalInterface
  private interface BodyReader<T> {
    T read(InputStream stream) throws IOException;
  }

  /**
   * Checks the status and reads the body of {@code response} while a watchdog interrupts the reader
   * when the body stays silent too long or takes too long as a whole; the JDK client's body stream
   * wakes a blocked read only on interruption.
   *
   * @param explain whether to read a short error text from the body of an error status, for servers
   *     whose errors say what is wrong with the request (such as a model file)
   */
  private <T> T answer(
      String provider, HttpResponse<InputStream> response, boolean explain, BodyReader<T> reader) {
    Watch watch = new Watch(Thread.currentThread());
    try (InputStream body = response.body()) {
      InputStream stream = new ObservedStream(body, total -> watch.heard());
      watch.start();
      try {
        int status = response.statusCode();
        if (status < 200 || status > 299) {
          // only a server whose errors explain the request gets its body read: a short JSON
          // document, read under the watchdog like any body
          throw new ProviderException(
              provider + " answered HTTP " + status + (explain ? errorText(stream) : ""),
              ProviderException.retryableStatus(status));
        }
        return reader.read(stream);
      } catch (IOException e) {
        String reason = watch.stop();
        if (reason != null) {
          throw new ProviderException(provider + " " + reason, true, e);
        }
        throw e;
      } finally {
        if (watch.stop() != null) {
          Thread.interrupted();
        }
      }
    } catch (IOException e) {
      throw new ProviderException(provider + " broke off its answer", true, e);
    }
  }

  /** {@code ": <error>"} from a JSON error body such as Ollama's, or nothing. */
  private String errorText(InputStream stream) throws IOException {
    try {
      String error =
          json.readTree(stream.readNBytes(MAX_DOCUMENT_BYTES)).path("error").asText("").strip();
      return error.isEmpty()
          ? ""
          : ": " + error.substring(0, Math.min(error.length(), MAX_ERROR_CHARS));
    } catch (JsonProcessingException e) {
      return "";
    }
  }

  private JsonNode document(String provider, InputStream stream) throws IOException {
    byte[] body = stream.readNBytes(MAX_DOCUMENT_BYTES + 1);
    if (body.length > MAX_DOCUMENT_BYTES) {
      throw new ProviderException(provider + " sent an answer of more than 4 MB", false);
    }
    try {
      return json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ProviderException(provider + " sent an answer that is not JSON", true, e);
    }
  }

  private static void close(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException e) {
      // nothing was read; a failing close leaves nothing behind worth reporting
    }
  }

  private String noAnswer() {
    return "did not answer within " + ProviderTimeouts.describe(timeouts.firstByte());
  }

  private String silence() {
    return "went silent for " + ProviderTimeouts.describe(timeouts.stall());
  }

  private byte[] bytes(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a provider request could not be written as JSON", e);
    }
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
    client.close();
  }

  /** The stall timer and the overall deadline of one response. */
  private final class Watch {
    private final Thread reader;
    private ScheduledFuture<?> stall;
    private ScheduledFuture<?> deadline;
    private boolean finished;
    private String fired;

    Watch(Thread reader) {
      this.reader = reader;
    }

    synchronized void start() {
      deadline =
          schedule(
              timeouts.total(), "took longer than " + ProviderTimeouts.describe(timeouts.total()));
      heard();
    }

    /** Something arrived: the silence starts again. */
    synchronized void heard() {
      if (stall != null) {
        stall.cancel(false);
      }
      stall = schedule(timeouts.stall(), silence());
    }

    private ScheduledFuture<?> schedule(Duration after, String reason) {
      return watchdog.schedule(() -> fire(reason), after.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void fire(String reason) {
      if (!finished && fired == null) {
        fired = reason;
        reader.interrupt();
      }
    }

    /**
     * Stops the timers; returns why the reader was (or is being) interrupted, {@code null} when it
     * was not.
     */
    synchronized String stop() {
      finished = true;
      for (ScheduledFuture<?> timer : new ScheduledFuture<?>[] {stall, deadline}) {
        if (timer != null) {
          timer.cancel(false);
        }
      }
      return fired;
    }
  }

  /** A stream that reports the bytes read through it so far after every read. */
  private static final class ObservedStream extends FilterInputStream {
    private final LongConsumer onRead;
    private long total;

    ObservedStream(InputStream in, LongConsumer onRead) {
      super(in);
      this.onRead = onRead;
    }

    @Override
    public int read() throws IOException {
      int read = super.read();
      if (read != -1) {
        onRead.accept(++total);
      }
      return read;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int read = super.read(buffer, offset, length);
      if (read > 0) {
        total += read;
        onRead.accept(total);
      }
      return read;
    }
  }

  /** Splits a {@code text/event-stream} into events. */
  private static final class SseParser {
    private final SseHandler handler;
    private final StringBuilder data = new StringBuilder();
    private String event = "message";
    private boolean hasData;

    SseParser(SseHandler handler) {
      this.handler = handler;
    }

    void line(String line) {
      if (line.isEmpty()) {
        end();
      } else if (line.startsWith("data:")) {
        if (hasData) {
          data.append('\n');
        }
        data.append(value(line, 5));
        hasData = true;
      } else if (line.startsWith("event:")) {
        event = value(line, 6);
      }
      // comments (":") and other fields (id, retry) carry nothing a reply needs
    }

    void end() {
      if (hasData) {
        handler.event(event, data.toString());
      }
      data.setLength(0);
      hasData = false;
      event = "message";
    }

    private static String value(String line, int from) {
      return line.length() > from && line.charAt(from) == ' '
          ? line.substring(from + 1)
          : line.substring(from);
    }
  }
}
