package com.minichat.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.minichat.adapters.ai.ollama.OllamaDialect;
import com.minichat.adapters.ai.ollama.OllamaModelsStub;
import com.minichat.adapters.ai.provider.ProviderStub;
import com.minichat.adapters.http.testing.ApiResponse;
import com.minichat.bootstrap.e2e.IdentityApp.Browser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Self-hosted models over real HTTP against a stub Ollama server: a registered server's models are
 * listed, an uploaded GGUF file becomes a model on it that then answers visitors through the chain,
 * and wrong or too large files, failing servers and other people's requests are refused.
 */
class SelfHostedModelsTest {
  /** The upload limit of these tests ({@code MODEL_UPLOAD_MAX_BYTES=6MB}). */
  private static final int MAX_BYTES = 6 << 20;

  private static final String PROXY_KEY = "proxy-secret-4321";

  @TempDir Path dataDir;
  @TempDir Path files;

  private final OllamaModelsStub models = new OllamaModelsStub();
  private final ProviderStub ollama = ProviderStub.start(new OllamaDialect(), models::register);
  private IdentityApp app;
  private Browser owner;
  private String workspace;

  @BeforeEach
  void start() {
    app = IdentityApp.start(dataDir, "MODEL_UPLOAD_MAX_BYTES", "6MB");
    owner = app.registerAndLogIn("owner@example.com");
    workspace =
        "/api/v1/workspaces/"
            + Tenants.createWorkspace(app, owner, "Baan Suan").path("id").asText();
  }

  @AfterEach
  void stop() {
    app.close();
    models.close();
    ollama.close();
  }

  /** A file of {@code size} bytes, GGUF or not, and its SHA-256 in hex. */
  private record Weights(Path file, String sha256, long size) {}

  private Weights file(String name, byte[] start, int size) throws Exception {
    Path file = files.resolve(name);
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    Random random = new Random(size);
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
      out.write(start);
      byte[] chunk = new byte[64 * 1024];
      for (int written = start.length; written < size; written += chunk.length) {
        random.nextBytes(chunk);
        out.write(chunk, 0, Math.min(chunk.length, size - written));
      }
    }
    return new Weights(file, HexFormat.of().formatHex(digest.digest()), size);
  }

  private Weights gguf(int size) throws Exception {
    return file("weights-" + size + ".gguf", new byte[] {'G', 'G', 'U', 'F', 3, 0, 0, 0}, size);
  }

  private ApiResponse register(Browser as, String type, String baseUrl, String apiKey) {
    return app.api()
        .post(
            workspace + "/model-servers",
            "{\"name\":\""
                + type
                + " box\",\"type\":\""
                + type
                + "\",\"baseUrl\":\""
                + baseUrl
                + "\""
                + (apiKey == null ? "" : ",\"apiKey\":\"" + apiKey + "\"")
                + "}",
            "Authorization",
            as.bearer());
  }

  private String registerOllama() {
    ApiResponse registered = register(owner, "ollama", ollama.baseUrl(), null);
    assertEquals(201, registered.status(), registered.body());
    return registered.data().at("/server/id").asText();
  }

  private ApiResponse upload(Browser as, String serverId, String name, Path file)
      throws IOException {
    return app.api()
        .sendBody(
            "POST",
            workspace + "/model-servers/" + serverId + "/models?name=" + name,
            HttpRequest.BodyPublishers.ofFile(file),
            "application/octet-stream",
            "Authorization",
            as.bearer());
  }

  private static InputStream newInputStream(Path file) {
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The job at {@code location} once it is done or failed. */
  private JsonNode finished(String location) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      ApiResponse job = app.api().get(location, "Authorization", owner.bearer());
      assertEquals(200, job.status(), job.body());
      String state = job.data().at("/upload/state").asText();
      if (state.equals("done") || state.equals("failed")) {
        return job.data().path("upload");
      }
      Thread.sleep(50);
    }
    return fail("the upload did not finish: " + location);
  }

  private List<Path> uploadFilesLeft() throws IOException {
    Path directory = dataDir.resolve("uploads").resolve("models");
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> left = Files.list(directory)) {
      return left.toList();
    }
  }

  @Test
  void aRegisteredServerShowsItsKeyMaskedAndListsItsModels() {
    ApiResponse registered = register(owner, "ollama", ollama.baseUrl(), PROXY_KEY);
    assertEquals(201, registered.status(), registered.body());
    JsonNode server = registered.data().path("server");
    assertEquals("pro…4321", server.path("apiKey").asText());
    assertFalse(registered.body().contains(PROXY_KEY), registered.body());
    String path = workspace + "/model-servers/" + server.path("id").asText();

    ApiResponse list = app.api().get(workspace + "/model-servers", "Authorization", owner.bearer());
    assertEquals(1, list.data().path("servers").size(), list.body());
    assertEquals(server, list.data().path("servers").path(0));
    ApiResponse listed = app.api().get(path + "/models", "Authorization", owner.bearer());

    assertEquals(200, listed.status(), listed.body());
    JsonNode model = listed.data().path("models").path(0);
    assertEquals("llama3.2:1b", model.path("name").asText());
    assertEquals(1_321_098_329L, model.path("sizeBytes").asLong());
    assertEquals("Q8_0", model.path("quantization").asText());
    assertEquals(List.of("Bearer " + PROXY_KEY), models.authorizations());
  }

  @Test
  void anUploadedGgufFileBecomesAModelThatAnswersVisitorsThroughTheChain() throws Exception {
    String serverId = registerOllama();
    Weights weights = gguf(4 << 20);

    ApiResponse accepted = upload(owner, serverId, "shop-bot:q4", weights.file());

    assertEquals(202, accepted.status(), accepted.body());
    JsonNode job = accepted.data().path("upload");
    assertEquals("uploading", job.path("state").asText());
    assertEquals(weights.sha256(), job.path("sha256").asText());
    assertEquals(weights.size(), job.path("bytesTotal").asLong());
    String location = accepted.header("Location");
    assertEquals(workspace + "/model-uploads/" + job.path("id").asText(), location);

    JsonNode done = finished(location);
    assertEquals("done", done.path("state").asText(), done.toString());
    assertEquals(weights.size(), done.path("bytesDone").asLong());
    assertEquals(
        List.of(new OllamaModelsStub.Blob(weights.sha256(), weights.size())), models.uploads());
    JsonNode create = models.creates().getFirst();
    assertEquals("shop-bot:q4", create.path("model").asText());
    assertEquals("sha256:" + weights.sha256(), create.at("/files/model.gguf").asText());
    assertFalse(create.path("stream").asBoolean(true));
    assertEquals(List.of(), uploadFilesLeft());
    ApiResponse listed =
        app.api()
            .get(
                workspace + "/model-servers/" + serverId + "/models",
                "Authorization",
                owner.bearer());
    assertTrue(listed.body().contains("\"shop-bot:q4\""), listed.body());

    // the same file again: the server has it, so only the model is created again
    JsonNode again =
        finished(upload(owner, serverId, "shop-bot:q4", weights.file()).header("Location"));
    assertEquals("done", again.path("state").asText());
    assertEquals(1, models.uploads().size());
    assertEquals(2, models.creates().size());
    ApiResponse recent =
        app.api().get(workspace + "/model-uploads", "Authorization", owner.bearer());
    assertEquals(2, recent.data().path("uploads").size(), recent.body());

    ApiResponse chain =
        app.api()
            .send(
                "PUT",
                workspace + "/providers",
                "[{\"type\":\"ollama\",\"model\":\"shop-bot:q4\",\"serverId\":\""
                    + serverId
                    + "\"}]",
                "application/json",
                "Authorization",
                owner.bearer());
    assertEquals(200, chain.status(), chain.body());
    assertEquals(serverId, chain.data().at("/providers/0/serverId").asText());
    String widgetKey =
        app.api()
            .get(workspace, "Authorization", owner.bearer())
            .data()
            .at("/workspace/widgetKey")
            .asText();
    ApiResponse started = app.api().post("/api/v1/widget/" + widgetKey + "/conversations", null);
    ApiResponse reply =
        app.api()
            .post(
                "/api/v1/widget/"
                    + widgetKey
                    + "/conversations/"
                    + started.data().path("conversationId").asText()
                    + "/messages",
                "{\"text\":\"เปิดกี่โมงคะ\"}",
                "Authorization",
                "Bearer " + started.data().path("visitorToken").asText());
    assertEquals(200, reply.status(), reply.body());
    assertEquals(ollama.answerText(), reply.data().at("/reply/text").asText());
    assertEquals("shop-bot:q4", ollama.received().getLast().body().path("model").asText());

    ApiResponse delete =
        Tenants.call(
            app,
            "DELETE",
            workspace + "/model-servers/" + serverId,
            null,
            "Authorization",
            owner.bearer());
    assertEquals(409, delete.status(), delete.body());
    assertEquals("CONFLICT", delete.errorCode());
  }

  @Test
  void wrongFilesAndBodiesAreRefusedAndLeaveNothingBehind() throws Exception {
    String serverId = registerOllama();

    Weights png = file("photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, 2 << 20);
    ApiResponse notGguf = upload(owner, serverId, "shop-bot", png.file());
    assertEquals(400, notGguf.status(), notGguf.body());
    assertEquals("VALIDATION_ERROR", notGguf.errorCode());
    assertEquals("file", notGguf.json().at("/error/details/0/field").asText());

    // Sent without a length, so the limit is met while the file streams in. (Refusing by the
    // announced length answers before reading, and the server then closes with the body unread, so
    // a client still sending may lose the answer; the service test covers that path.)
    Path large = gguf(MAX_BYTES + 1).file();
    ApiResponse tooLarge =
        app.api()
            .sendBody(
                "POST",
                workspace + "/model-servers/" + serverId + "/models?name=shop-bot",
                HttpRequest.BodyPublishers.ofInputStream(() -> newInputStream(large)),
                "application/octet-stream",
                "Authorization",
                owner.bearer());
    assertEquals(413, tooLarge.status(), tooLarge.body());
    assertEquals("PAYLOAD_TOO_LARGE", tooLarge.errorCode());
    assertEquals(
        "The file is larger than the 6 MB a model file may have",
        tooLarge.json().at("/error/message").asText());

    ApiResponse badName = upload(owner, serverId, "../shop", gguf(1000).file());
    assertEquals(400, badName.status(), badName.body());
    assertEquals("name", badName.json().at("/error/details/0/field").asText());

    ApiResponse json =
        Tenants.call(
            app,
            "POST",
            workspace + "/model-servers/" + serverId + "/models?name=x",
            "{}",
            "Authorization",
            owner.bearer());
    assertEquals(415, json.status(), json.body());

    // every other route keeps the server's limit of buffered bodies
    ApiResponse bigJson =
        app.api()
            .post(
                "/api/v1/workspaces",
                "{\"name\":\"" + "x".repeat(2_000_000) + "\"}",
                "Authorization",
                owner.bearer());
    assertEquals(
        413, bigJson.status(), bigJson.body().substring(0, Math.min(200, bigJson.body().length())));
    assertEquals("PAYLOAD_TOO_LARGE", bigJson.errorCode());

    ApiResponse recent =
        app.api().get(workspace + "/model-uploads", "Authorization", owner.bearer());
    // only the file that grew too large while streaming got as far as a job: a failed one
    JsonNode jobs = recent.data().path("uploads");
    assertEquals(1, jobs.size(), recent.body());
    assertEquals("failed", jobs.get(0).path("state").asText());
    assertEquals(
        "The file is larger than the 6 MB a model file may have",
        jobs.get(0).path("error").asText());
    assertEquals(List.of(), models.uploads());
    assertEquals(List.of(), uploadFilesLeft());
  }

  @Test
  void aFailingOrAbsentServerIsReportedAsUnavailable() throws Exception {
    String serverId = registerOllama();
    models.failWith(500);

    ApiResponse failing =
        app.api()
            .get(
                workspace + "/model-servers/" + serverId + "/models",
                "Authorization",
                owner.bearer());
    assertEquals(503, failing.status(), failing.body());
    assertEquals("UPSTREAM_UNAVAILABLE", failing.errorCode());
    assertEquals(
        "Ollama answered HTTP 500: stub error 500", failing.json().at("/error/message").asText());

    JsonNode failed =
        finished(upload(owner, serverId, "shop-bot", gguf(100_000).file()).header("Location"));
    assertEquals("failed", failed.path("state").asText());
    // the first call, HEAD of the file, has no body to explain the status
    assertEquals("Ollama answered HTTP 500", failed.path("error").asText());
    assertEquals(List.of(), uploadFilesLeft());

    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    String down =
        register(owner, "openai-compatible", "http://127.0.0.1:" + closed + "/v1", null)
            .data()
            .at("/server/id")
            .asText();
    ApiResponse unreachable =
        app.api()
            .get(workspace + "/model-servers/" + down + "/models", "Authorization", owner.bearer());
    assertEquals(503, unreachable.status(), unreachable.body());
    assertEquals(
        "The OpenAI-compatible server could not be reached",
        unreachable.json().at("/error/message").asText());
  }

  @Test
  void membersMayNotAndOtherWorkspacesAdminsSeeNothing() throws Exception {
    String serverId = registerOllama();
    String job = upload(owner, serverId, "shop-bot", gguf(1000).file()).header("Location");
    finished(job);
    Browser member =
        Tenants.join(
            app,
            owner,
            workspace.substring(workspace.lastIndexOf('/') + 1),
            "member@example.com",
            "member");
    Browser stranger = app.registerAndLogIn("stranger@example.com");
    Tenants.createWorkspace(app, stranger, "Other shop");
    Path file = gguf(1000).file();
    String server = workspace + "/model-servers/" + serverId;

    for (Browser outsider : List.of(member, stranger)) {
      int expected = outsider == member ? 403 : 404;
      List<ApiResponse> answers =
          List.of(
              app.api().get(workspace + "/model-servers", "Authorization", outsider.bearer()),
              app.api().get(server, "Authorization", outsider.bearer()),
              app.api().get(server + "/models", "Authorization", outsider.bearer()),
              upload(outsider, serverId, "shop-bot", file),
              app.api().get(workspace + "/model-uploads", "Authorization", outsider.bearer()),
              app.api().get(job, "Authorization", outsider.bearer()),
              register(outsider, "ollama", "http://elsewhere:11434", null));
      for (ApiResponse answer : answers) {
        assertEquals(expected, answer.status(), answer.body());
        assertFalse(answer.body().contains(serverId), answer.body());
      }
    }
    assertEquals(1, models.uploads().size());
  }
}
