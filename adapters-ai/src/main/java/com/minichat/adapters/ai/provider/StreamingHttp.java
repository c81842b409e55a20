package com.minichat.adapters.ai.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Posts JSON to a provider and reads its streamed answer line by line, turning every failure into a
 * {@link ProviderException}: no answer within the first-byte timeout, an error status, a broken
 * connection, or a stream that goes silent for longer than the stall timeout.
 */
public final class StreamingHttp implements AutoCloseable {
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
    outbound.check(provider, uri);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeouts.firstByte())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
    headers.forEach(request::header);
    HttpResponse<InputStream> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw new ProviderException(
          provider + " did not answer within " + ProviderTimeouts.describe(timeouts.firstByte()),
          true,
          e);
    } catch (IOException e) {
      throw new ProviderException(provider + " could not be reached", true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(provider + " call was interrupted", false, e);
    }
    try (InputStream stream = response.body()) {
      int status = response.statusCode();
      if (status < 200 || status > 299) {
        // the body is not read: its text is not shown anyway, and a server could stall in it
        throw new ProviderException(
            provider + " answered HTTP " + status, ProviderException.retryableStatus(status));
      }
      readLines(provider, stream, onLine);
    } catch (IOException e) {
      throw new ProviderException(provider + " broke off its answer", true, e);
    }
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
   * Reads lines while a watchdog interrupts the reader when the stream stays silent too long or the
   * whole answer takes too long; the JDK client's body stream wakes a blocked read only on
   * interruption.
   */
  private void readLines(String provider, InputStream stream, Consumer<String> onLine)
      throws IOException {
    Watch watch = new Watch(Thread.currentThread());
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
    try {
      String line;
      watch.start();
      while ((line = reader.readLine()) != null) {
        watch.heard();
        onLine.accept(line);
      }
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
      stall =
          schedule(
              timeouts.stall(), "went silent for " + ProviderTimeouts.describe(timeouts.stall()));
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
