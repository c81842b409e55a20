package com.minichat.adapters.ai.selfhosted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.minichat.adapters.ai.ollama.OllamaDialect;
import com.minichat.adapters.ai.ollama.OllamaModelsStub;
import com.minichat.adapters.ai.openai.OpenAiDialect;
import com.minichat.adapters.ai.provider.ProviderClientContract;
import com.minichat.adapters.ai.provider.ProviderStub;
import com.minichat.adapters.ai.provider.StreamingHttp;
import com.minichat.application.port.out.ai.ProviderEndpoint;
import com.minichat.application.port.out.ai.ServerModel;
import com.minichat.domain.common.UpstreamUnavailableException;
import com.minichat.domain.provider.ProviderType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Managing self-hosted models over HTTP against a stub Ollama server (and an OpenAI-compatible
 * model list): listing, the blob check and upload with the server verifying the digest, creating
 * the model, and every failure reported as the server being unavailable, with its reason.
 */
class HttpModelServerClientTest {
  private static final String KEY = "proxy-secret-98765";

  @TempDir Path directory;

  private final OllamaModelsStub models = new OllamaModelsStub();
  private final ProviderStub ollama = ProviderStub.start(new OllamaDialect(), models::register);
  private final StreamingHttp http =
      new StreamingHttp(
          new ObjectMapper(), ProviderClientContract.FAST, ProviderClientContract.LOCAL_STUBS);
  private final HttpModelServerClient client = new HttpModelServerClient(http);

  @AfterEach
  void stop() {
    models.close();
    ollama.close();
    http.close();
  }

  private ProviderEndpoint server(String key) {
    return new ProviderEndpoint(ProviderType.OLLAMA, "", ollama.baseUrl() + "/", key);
  }

  /** A file of {@code size} random bytes starting like GGUF, and its SHA-256 digest in hex. */
  private record Weights(Path file, String sha256) {}

  private Weights weights(int size) throws IOException, NoSuchAlgorithmException {
    Path file = directory.resolve("weights-" + size + ".gguf");
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    Random random = new Random(size);
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
      out.write(new byte[] {'G', 'G', 'U', 'F'});
      byte[] chunk = new byte[64 * 1024];
      for (int written = 4; written < size; written += chunk.length) {
        random.nextBytes(chunk);
        out.write(chunk, 0, Math.min(chunk.length, size - written));
      }
    }
    return new Weights(file, HexFormat.of().formatHex(digest.digest()));
  }

  @Test
  void ollamasModelsComeWithSizeParametersAndQuantization() {
    assertEquals(
        List.of(new ServerModel("llama3.2:1b", 1_321_098_329L, "1.2B", "Q8_0")),
        client.models(server(null)));
    assertEquals(List.of(""), models.authorizations());
  }

  @Test
  void aKeyForAProxyInFrontOfTheServerGoesAlongAsBearerToken() {
    client.models(server(KEY));

    assertEquals(List.of("Bearer " + KEY), models.authorizations());
  }

  @Test
  void anOpenAiCompatibleServerListsItsModelsUnderItsVersionPath() {
    try (ProviderStub vllm =
        ProviderStub.start(
            new OpenAiDialect("/v1/chat/completions"),
            routes ->
                routes.get(
                    "/v1/models",
                    ctx ->
                        ctx.contentType("application/json")
                            .result(
                                "{\"object\":\"list\",\"data\":["
                                    + "{\"id\":\"qwen2.5-7b\",\"object\":\"model\"},"
                                    + "{\"id\":\"llama-3.1-8b\",\"object\":\"model\"}]}")))) {
      ProviderEndpoint server =
          new ProviderEndpoint(ProviderType.OPENAI_COMPATIBLE, "", vllm.baseUrl() + "/v1", null);

      assertEquals(
          List.of("llama-3.1-8b", "qwen2.5-7b"),
          client.models(server).stream().map(ServerModel::name).toList());
    }
  }

  @Test
  void aFileIsUploadedWholeVerifiedByTheServerAndTheModelCreatedFromIt() throws Exception {
    Weights weights = weights(3 << 20);
    AtomicLong sent = new AtomicLong();

    assertFalse(client.hasWeights(server(KEY), weights.sha256()));
    client.uploadWeights(server(KEY), weights.sha256(), weights.file(), sent::set);
    assertTrue(client.hasWeights(server(KEY), weights.sha256()));
    client.createModel(server(KEY), "shop-bot:q4", weights.sha256());

    assertEquals(List.of(new OllamaModelsStub.Blob(weights.sha256(), 3 << 20)), models.uploads());
    assertEquals(3 << 20, sent.get());
    JsonNode create = models.creates().getFirst();
    assertEquals("shop-bot:q4", create.path("model").asText());
    assertEquals("sha256:" + weights.sha256(), create.at("/files/model.gguf").asText());
    assertFalse(create.path("stream").asBoolean(true));
    assertEquals(
        List.of("llama3.2:1b", "shop-bot:q4"),
        client.models(server(KEY)).stream().map(ServerModel::name).toList());
    assertTrue(
        models.authorizations().stream().allMatch(("Bearer " + KEY)::equals),
        models.authorizations().toString());
  }

  @Test
  void theServerRefusingAFileOrAModelSaysWhy() throws Exception {
    Weights weights = weights(100_000);
    String wrong = "0".repeat(64);

    UpstreamUnavailableException refused =
        assertThrows(
            UpstreamUnavailableException.class,
            () -> client.uploadWeights(server(null), wrong, weights.file(), bytes -> {}));
    assertTrue(
        refused.getMessage().startsWith("Ollama answered HTTP 400: digest mismatch"),
        refused.getMessage());

    UpstreamUnavailableException notCreated =
        assertThrows(
            UpstreamUnavailableException.class,
            () -> client.createModel(server(null), "shop-bot", weights.sha256()));
    assertTrue(notCreated.getMessage().contains("no such blob"), notCreated.getMessage());
  }

  @Test
  void anErrorStatusIsReportedWithoutTheKey() {
    models.failWith(500);

    UpstreamUnavailableException e =
        assertThrows(UpstreamUnavailableException.class, () -> client.models(server(KEY)));

    assertEquals("Ollama answered HTTP 500: stub error 500", e.getMessage());
    assertFalse(e.getMessage().contains(KEY.substring(6)), e.getMessage());
  }

  @Test
  void aServerThatIsDownCannotBeReached() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    ProviderEndpoint down =
        new ProviderEndpoint(ProviderType.OLLAMA, "", "http://127.0.0.1:" + closed, null);

    UpstreamUnavailableException e =
        assertThrows(UpstreamUnavailableException.class, () -> client.models(down));

    assertEquals("Ollama could not be reached", e.getMessage());
  }

  @Test
  void anUploadTheServerStopsReadingFailsAfterTheStallTimeout() throws Exception {
    Weights weights = weights(32 << 20);
    models.stallUploadsAfter(1 << 20);
    long started = System.nanoTime();

    UpstreamUnavailableException e =
        assertThrows(
            UpstreamUnavailableException.class,
            () -> client.uploadWeights(server(null), weights.sha256(), weights.file(), b -> {}));

    assertEquals("Ollama went silent for 300 ms", e.getMessage());
    assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0);
  }
}
