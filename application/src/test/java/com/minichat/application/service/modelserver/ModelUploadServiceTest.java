package com.minichat.application.service.modelserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.minichat.application.fake.InMemoryModelServerRepository;
import com.minichat.application.fake.InMemoryModelUploadRepository;
import com.minichat.application.port.in.modelserver.WeightsUpload;
import com.minichat.application.port.out.ai.ProviderEndpoint;
import com.minichat.application.service.support.FakeModelServerClient;
import com.minichat.application.service.support.FakeSecretCipher;
import com.minichat.application.service.support.TenancyFixture;
import com.minichat.application.service.support.TestClock;
import com.minichat.domain.access.UserActor;
import com.minichat.domain.apikey.ApiScope;
import com.minichat.domain.common.FieldViolation;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.PayloadTooLargeException;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.modelserver.ModelServer;
import com.minichat.domain.modelserver.ModelServerId;
import com.minichat.domain.modelserver.ModelUpload;
import com.minichat.domain.modelserver.ModelUploadState;
import com.minichat.domain.provider.ProviderType;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.User;
import com.minichat.domain.workspace.Workspace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model uploads: a GGUF file is received once (hashed, counted, limited) into a file of its own,
 * sent to the Ollama server in the background unless it has it, and the model created; the file is
 * gone afterwards whatever happened.
 */
class ModelUploadServiceTest {
  private static final long MAX_BYTES = 4 << 20;
  private static final Duration STALE_AFTER = Duration.ofMinutes(7);
  private static final String KEY = "proxy-secret-1234";

  @TempDir Path directory;

  private final TenancyFixture fx = new TenancyFixture();
  private final InMemoryModelServerRepository serverStore = new InMemoryModelServerRepository();
  private final InMemoryModelUploadRepository uploads = new InMemoryModelUploadRepository();
  private final FakeSecretCipher cipher = new FakeSecretCipher();
  private final FakeModelServerClient client = new FakeModelServerClient(256 * 1024);
  private final List<Runnable> background = new ArrayList<>();
  private RegisteredServers servers;
  private ModelUploadService service;
  private User ownerUser;
  private Workspace workspace;
  private UserActor owner;
  private ModelServer ollama;

  @BeforeEach
  void setUp() {
    servers = new RegisteredServers(serverStore, cipher);
    service =
        new ModelUploadService(
            fx.access,
            servers,
            uploads,
            client,
            new ModelUploadSettings(MAX_BYTES, directory, STALE_AFTER),
            background::add,
            fx.clock);
    ownerUser = fx.user("Owner");
    workspace = fx.workspace(ownerUser, "Shop");
    owner = new UserActor(ownerUser.id());
    ollama = server(workspace, ProviderType.OLLAMA, "http://gpu-1:11434");
  }

  private ModelServer server(Workspace in, ProviderType type, String baseUrl) {
    ModelServerId id = ModelServerId.generate();
    ModelServer server =
        new ModelServer(
            id,
            in.id(),
            "server " + id.value(),
            type,
            baseUrl,
            cipher.encrypt(KEY, RegisteredServers.associatedData(in.id(), id)),
            "pro…1234",
            fx.clock.instant());
    serverStore.insert(server);
    return server;
  }

  /** A file of {@code size} bytes that starts like GGUF weights. */
  private static byte[] gguf(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    System.arraycopy(new byte[] {'G', 'G', 'U', 'F', 3, 0, 0, 0}, 0, bytes, 0, 8);
    return bytes;
  }

  private ModelUpload start(String model, byte[] file, Long declared) {
    return service.start(
        owner,
        workspace.id(),
        ollama.id(),
        new WeightsUpload(model, declared, new ByteArrayInputStream(file)));
  }

  private void runBackground() {
    List<Runnable> tasks = List.copyOf(background);
    background.clear();
    tasks.forEach(Runnable::run);
  }

  private List<Path> filesLeft() throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.toList();
    }
  }

  private List<ModelUploadState> states() {
    return uploads.history().stream().map(ModelUpload::state).distinct().toList();
  }

  @Test
  void theFileIsHashedWhileReceivedThenSentAndTheModelCreatedAndTheFileDeleted()
      throws IOException {
    byte[] file = gguf(3 << 20);
    String sha256 = FakeModelServerClient.sha256Of(new ByteArrayInputStream(file));

    ModelUpload started = start("shop-bot:q4", file, (long) file.length);

    assertEquals(ModelUploadState.UPLOADING, started.state());
    assertEquals(sha256, started.sha256());
    assertEquals(file.length, started.bytesTotal());
    assertEquals(1, filesLeft().size(), "the file waits for the background part");

    runBackground();

    ModelUpload done = service.get(owner, workspace.id(), started.id());
    assertEquals(ModelUploadState.DONE, done.state());
    assertEquals(file.length, done.bytesDone());
    assertNull(done.error());
    assertEquals(List.of("has", "upload", "create"), client.operations());
    assertEquals(sha256, client.calls().get(1).argument());
    assertEquals("shop-bot:q4", client.calls().get(2).argument());
    ProviderEndpoint asked = client.calls().getFirst().server();
    assertEquals(new ProviderEndpoint(ProviderType.OLLAMA, "", "http://gpu-1:11434", KEY), asked);
    assertEquals(
        List.of(
            ModelUploadState.RECEIVING,
            ModelUploadState.UPLOADING,
            ModelUploadState.CREATING,
            ModelUploadState.DONE),
        states());
    assertEquals(List.of(), filesLeft());
  }

  @Test
  void aFileTheServerHoldsAlreadyIsNotSentAgain() throws IOException {
    byte[] file = gguf(100_000);
    client.holding(FakeModelServerClient.sha256Of(new ByteArrayInputStream(file)));

    ModelUpload started = start("shop-bot", file, null);
    runBackground();

    assertEquals(List.of("has", "create"), client.operations());
    ModelUpload done = service.get(owner, workspace.id(), started.id());
    assertEquals(ModelUploadState.DONE, done.state());
    assertEquals(file.length, done.bytesDone());
    assertEquals(List.of(), filesLeft());
  }

  @Test
  void withAClockStandingStillOnlyTheStepsAreStored() {
    start("shop-bot", gguf(3 << 20), null);
    runBackground();

    assertEquals(4, uploads.history().size(), uploads.history().toString());
  }

  @Test
  void progressIsStoredWhileReceivingAndSendingAtMostOnceASecond() {
    service =
        new ModelUploadService(
            fx.access,
            servers,
            uploads,
            client,
            new ModelUploadSettings(MAX_BYTES, directory, STALE_AFTER),
            background::add,
            TestClock.ticking(TenancyFixture.T0, Duration.ofMillis(250)));

    start("shop-bot", gguf(3 << 20), null);
    runBackground();

    for (ModelUploadState step : List.of(ModelUploadState.RECEIVING, ModelUploadState.UPLOADING)) {
      List<ModelUpload> versions =
          uploads.history().stream().filter(version -> version.state() == step).toList();
      assertTrue(versions.size() > 2, step + " progress was stored: " + versions);
      for (int i = 1; i < versions.size(); i++) {
        assertTrue(versions.get(i).bytesDone() > versions.get(i - 1).bytesDone());
        assertTrue(
            !versions.get(i).updatedAt().isBefore(versions.get(i - 1).updatedAt().plusSeconds(1)),
            "a second apart: " + versions);
      }
    }
  }

  @Test
  void aFileThatIsNotGgufIsRefusedOnItsFirstBytesBeforeAnythingIsStored() throws IOException {
    byte[] zip = {'P', 'K', 3, 4, 0, 0, 0, 0};

    ValidationException e =
        assertThrows(ValidationException.class, () -> start("shop-bot", zip, 8L));

    assertEquals("file", e.violations().getFirst().field());
    assertEquals(List.of(), uploads.history());
    assertEquals(List.of(), filesLeft());
    assertEquals(List.of(), client.operations());
  }

  @Test
  void anAnnouncedSizeAboveTheLimitIsRefusedWithoutReadingTheBody() {
    InputStream unread =
        new InputStream() {
          @Override
          public int read() {
            return fail("the body must not be read");
          }
        };

    assertThrows(
        PayloadTooLargeException.class,
        () ->
            service.start(
                owner,
                workspace.id(),
                ollama.id(),
                new WeightsUpload("shop-bot", MAX_BYTES + 1, unread)));
    assertEquals(List.of(), uploads.history());
  }

  @Test
  void aBodyGrowingPastTheLimitStopsTheJobAndLeavesNoFile() throws IOException {
    byte[] file = gguf((int) MAX_BYTES + 1);

    PayloadTooLargeException e =
        assertThrows(PayloadTooLargeException.class, () -> start("shop-bot", file, null));

    assertEquals("The file is larger than the 4 MB a model file may have", e.getMessage());
    ModelUpload failed = uploads.history().getLast();
    assertEquals(ModelUploadState.FAILED, failed.state());
    assertEquals(e.getMessage(), failed.error());
    assertEquals(List.of(), filesLeft());
    assertTrue(background.isEmpty());
  }

  @Test
  void aBodyThatBreaksOffFailsTheJobAndLeavesNoFile() throws IOException {
    InputStream broken =
        new SequenceInputStream(
            new ByteArrayInputStream(gguf(10_000)),
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw new IOException("connection reset");
              }
            });

    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                service.start(
                    owner, workspace.id(), ollama.id(), new WeightsUpload("bot", null, broken)));

    assertEquals("file", e.violations().getFirst().field());
    assertEquals(ModelUploadState.FAILED, uploads.history().getLast().state());
    assertEquals(List.of(), filesLeft());
  }

  @Test
  void aServerFailureFailsTheJobWithItsReasonAndDeletesTheFile() throws IOException {
    client.failing("create");

    ModelUpload started = start("shop-bot", gguf(50_000), null);
    runBackground();

    ModelUpload failed = service.get(owner, workspace.id(), started.id());
    assertEquals(ModelUploadState.FAILED, failed.state());
    assertEquals("Ollama answered HTTP 500", failed.error());
    assertEquals(List.of(), filesLeft());
  }

  @Test
  void theNameMustBeAModelNameAndTheServerAnOllamaServer() {
    ModelServer vllm = server(workspace, ProviderType.OPENAI_COMPATIBLE, "http://vllm:8000/v1");

    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                service.start(
                    owner,
                    workspace.id(),
                    vllm.id(),
                    new WeightsUpload("../etc/passwd", null, new ByteArrayInputStream(gguf(100)))));

    assertEquals(
        List.of("name", "serverId"), e.violations().stream().map(FieldViolation::field).toList());
    for (String name : List.of("shop-bot", "shop-bot:q4_K_M", "team/shop.bot:1.0")) {
      assertEquals(ModelUploadState.UPLOADING, start(name, gguf(100), null).state(), name);
    }
  }

  @Test
  void anUnfinishedJobWithoutNewsForLongCountsAsFailed() {
    ModelUpload started = start("shop-bot", gguf(1000), null);

    fx.clock.advance(STALE_AFTER.minusSeconds(1));
    assertEquals(
        ModelUploadState.UPLOADING, service.get(owner, workspace.id(), started.id()).state());

    fx.clock.advance(Duration.ofSeconds(2));
    ModelUpload stale = service.get(owner, workspace.id(), started.id());
    assertEquals(ModelUploadState.FAILED, stale.state());
    assertTrue(stale.error().contains("restarted"), stale.error());
    assertEquals(List.of(stale), service.recent(owner, workspace.id()));
  }

  @Test
  void filesLeftBehindByAStoppedInstanceAreSweptAtStart() throws IOException {
    Files.createDirectories(directory);
    Path old = Files.writeString(directory.resolve("old.gguf.part"), "GGUF");
    Path fresh = Files.writeString(directory.resolve("fresh.gguf.part"), "GGUF");
    Path other = Files.writeString(directory.resolve("notes.txt"), "keep");
    Files.setLastModifiedTime(
        old, FileTime.from(fx.clock.instant().minus(STALE_AFTER).minusSeconds(1)));
    Files.setLastModifiedTime(fresh, FileTime.from(fx.clock.instant()));
    Files.setLastModifiedTime(other, FileTime.from(fx.clock.instant().minus(Duration.ofDays(9))));

    service.sweepLeftovers();

    assertEquals(
        List.of(fresh, other).stream().sorted().toList(), filesLeft().stream().sorted().toList());
  }

  @Test
  void onlyThisWorkspacesAdminsMayUploadAndSeeJobs() {
    ModelUpload started = start("shop-bot", gguf(1000), null);
    User member = fx.user("Member");
    fx.join(workspace, member, Role.MEMBER);
    User stranger = fx.user("Stranger");
    Workspace theirs = fx.workspace(stranger, "Theirs");
    UserActor strangerActor = new UserActor(stranger.id());
    WeightsUpload upload = new WeightsUpload("x", null, new ByteArrayInputStream(gguf(100)));

    assertThrows(
        ForbiddenException.class,
        () -> service.start(new UserActor(member.id()), workspace.id(), ollama.id(), upload));
    assertThrows(
        ForbiddenException.class,
        () ->
            service.recent(fx.keyActor(ownerUser, workspace.id(), ApiScope.WRITE), workspace.id()));
    assertThrows(
        NotFoundException.class, () -> service.get(strangerActor, theirs.id(), started.id()));
    assertThrows(
        NotFoundException.class,
        () -> service.start(strangerActor, theirs.id(), ollama.id(), upload));
    assertEquals(List.of(), service.recent(strangerActor, theirs.id()));
    assertEquals(
        List.of(started.id()),
        service
            .recent(fx.keyActor(ownerUser, workspace.id(), ApiScope.ADMIN), workspace.id())
            .stream()
            .map(ModelUpload::id)
            .toList());
  }
}
