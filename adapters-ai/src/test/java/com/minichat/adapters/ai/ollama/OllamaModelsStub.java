package com.minichat.adapters.ai.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The model-management half of a stand-in Ollama server, added to a {@code ProviderStub} speaking
 * {@link OllamaDialect} so that one stub both creates a model and answers with it. It lists its
 * models ({@code GET /api/tags}), keeps files by digest ({@code HEAD}/{@code POST
 * /api/blobs/sha256:<hex>}, hashing every uploaded body as it streams in and refusing one whose
 * digest differs, as Ollama does) and creates models from files it holds ({@code POST
 * /api/create}). Failures on command: an error status on every route, or an upload that stops
 * reading after some bytes.
 */
public final class OllamaModelsStub {
  /** A file an upload delivered: its digest as computed from the bytes received, and its size. */
  public record Blob(String sha256, long size) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> models = new LinkedHashMap<>();
  private final Map<String, Long> blobs = new LinkedHashMap<>();
  private final List<Blob> uploads = new ArrayList<>();
  private final List<JsonNode> creates = new ArrayList<>();
  private final List<String> authorizations = new ArrayList<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private int failWith;
  private long stallAfter = -1;

  /** A stub whose server already has {@code llama3.2:1b}. */
  public OllamaModelsStub() {
    models.put("llama3.2:1b", "74701a8c35f6c8d9a4b91f3f3497643001d63e0c7a84e085bed452548fa88d45");
  }

  /** Adds the routes to a stub's server. */
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/api/tags", this::tags);
    routes.head("/api/blobs/{digest}", this::hasBlob);
    routes.post("/api/blobs/{digest}", this::pushBlob);
    routes.post("/api/create", this::create);
  }

  /** Answers every management request with {@code status} and Ollama's error body; 0 to stop. */
  public synchronized OllamaModelsStub failWith(int status) {
    this.failWith = status;
    return this;
  }

  /** Stops reading uploads after {@code bytes}, holding the connection until {@link #close()}. */
  public synchronized OllamaModelsStub stallUploadsAfter(long bytes) {
    this.stallAfter = bytes;
    return this;
  }

  /** Every file uploaded so far, oldest first, as received (also the refused ones). */
  public synchronized List<Blob> uploads() {
    return List.copyOf(uploads);
  }

  /** Every create request's body so far, oldest first. */
  public synchronized List<JsonNode> creates() {
    return List.copyOf(creates);
  }

  /** The {@code Authorization} header of every management request ({@code ""} when absent). */
  public synchronized List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  /** The names of the server's models. */
  public synchronized List<String> modelNames() {
    return List.copyOf(models.keySet());
  }

  /** Releases a stalled upload. */
  public void close() {
    released.countDown();
  }

  private void tags(Context ctx) {
    if (failed(ctx)) {
      return;
    }
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("models");
    synchronized (this) {
      models.forEach(
          (name, digest) -> {
            ObjectNode model = list.addObject().put("name", name).put("model", name);
            model.put("modified_at", "2026-11-26T10:00:00.123456789+07:00");
            model.put("size", blobs.getOrDefault("sha256:" + digest, 1_321_098_329L));
            model.put("digest", digest);
            ObjectNode details = model.putObject("details").put("format", "gguf");
            details.put("family", "llama").putNull("families");
            details.put("parameter_size", "1.2B").put("quantization_level", "Q8_0");
          });
    }
    ctx.contentType("application/json").result(body.toString());
  }

  private void hasBlob(Context ctx) {
    if (failed(ctx)) {
      return;
    }
    boolean held;
    synchronized (this) {
      held = blobs.containsKey(ctx.pathParam("digest"));
    }
    ctx.status(held ? 200 : 404);
  }

  private void pushBlob(Context ctx) throws IOException, InterruptedException {
    if (failed(ctx)) {
      return;
    }
    long stall;
    synchronized (this) {
      stall = stallAfter;
    }
    MessageDigest sha256 = sha256();
    long size = 0;
    try (InputStream in = new DigestInputStream(ctx.req().getInputStream(), sha256)) {
      byte[] buffer = new byte[64 * 1024];
      for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
        size += read;
        if (stall >= 0 && size >= stall) {
          released.await(60, TimeUnit.SECONDS);
          return;
        }
      }
    }
    String received = "sha256:" + HexFormat.of().formatHex(sha256.digest());
    synchronized (this) {
      uploads.add(new Blob(received.substring("sha256:".length()), size));
      if (!received.equals(ctx.pathParam("digest"))) {
        error(ctx, 400, "digest mismatch, expected \"" + ctx.pathParam("digest") + "\"");
        return;
      }
      blobs.put(received, size);
    }
    ctx.status(201);
  }

  private void create(Context ctx) throws IOException {
    if (failed(ctx)) {
      return;
    }
    JsonNode request = JSON.readTree(ctx.body());
    synchronized (this) {
      creates.add(request);
      for (JsonNode digest : request.path("files")) {
        if (!blobs.containsKey(digest.asText())) {
          error(ctx, 400, "invalid digest " + digest.asText() + ": no such blob");
          return;
        }
      }
      String name = request.path("model").asText();
      models.put(name, request.path("files").elements().next().asText().substring(7));
    }
    ctx.contentType("application/json").result("{\"status\":\"success\"}");
  }

  /** Records the request and answers the configured failure, if any. */
  private synchronized boolean failed(Context ctx) {
    String authorization = ctx.header("Authorization");
    authorizations.add(authorization == null ? "" : authorization);
    if (failWith == 0) {
      return false;
    }
    error(ctx, failWith, "stub error " + failWith);
    return true;
  }

  private static void error(Context ctx, int status, String message) {
    ctx.status(status)
        .contentType("application/json")
        .result(JSON.createObjectNode().put("error", message).toString());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
