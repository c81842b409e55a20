package com.minichat.application.service.modelserver;

import com.minichat.application.port.in.modelserver.ModelUploadUseCase;
import com.minichat.application.port.in.modelserver.WeightsUpload;
import com.minichat.application.port.out.ai.ModelServerClient;
import com.minichat.application.port.out.ai.ProviderEndpoint;
import com.minichat.application.port.out.modelserver.ModelUploadRepository;
import com.minichat.application.service.workspace.WorkspaceAccess;
import com.minichat.domain.access.Actor;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.PayloadTooLargeException;
import com.minichat.domain.common.UpstreamUnavailableException;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.common.Violations;
import com.minichat.domain.modelserver.ModelServer;
import com.minichat.domain.modelserver.ModelServerId;
import com.minichat.domain.modelserver.ModelUpload;
import com.minichat.domain.modelserver.ModelUploadId;
import com.minichat.domain.modelserver.ModelUploadState;
import com.minichat.domain.provider.ProviderType;
import com.minichat.domain.team.Permission;
import com.minichat.domain.workspace.WorkspaceId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates models on Ollama servers from uploaded GGUF weights. The file passes through once: it is
 * written to a file of its own under the upload directory while its SHA-256 digest is computed and
 * its size counted, so nothing of it is held in memory. Then, in the background, the server is
 * asked whether it has the file already, gets it if not, and creates the model. The file is deleted
 * afterwards, whatever happened. Jobs are stored, so every instance can report them.
 */
public final class ModelUploadService implements ModelUploadUseCase {
  /** How many jobs {@link #recent} shows. */
  public static final int RECENT = 20;

  private static final Logger LOG = LoggerFactory.getLogger(ModelUploadService.class);
  private static final byte[] GGUF_MAGIC = {'G', 'G', 'U', 'F'};
  private static final String PART = ".gguf.part";
  private static final int BUFFER_BYTES = 64 * 1024;
  private static final Duration SAVE_EVERY = Duration.ofSeconds(1);
  // Ollama's model names: name, namespace/name, either with a :tag
  private static final Pattern MODEL_NAME =
      Pattern.compile(
          "[A-Za-z0-9][A-Za-z0-9._-]{0,63}(/[A-Za-z0-9][A-Za-z0-9._-]{0,63})?"
              + "(:[A-Za-z0-9][A-Za-z0-9._-]{0,63})?");

  private final WorkspaceAccess access;
  private final RegisteredServers servers;
  private final ModelUploadRepository uploads;
  private final ModelServerClient client;
  private final ModelUploadSettings settings;
  private final Executor background;
  private final Clock clock;

  /**
   * @param background runs the part after receiving; its threads may block for as long as a
   *     transfer of gigabytes takes
   */
  public ModelUploadService(
      WorkspaceAccess access,
      RegisteredServers servers,
      ModelUploadRepository uploads,
      ModelServerClient client,
      ModelUploadSettings settings,
      Executor background,
      Clock clock) {
    this.access = access;
    this.servers = servers;
    this.uploads = uploads;
    this.client = client;
    this.settings = settings;
    this.background = background;
    this.clock = clock;
  }

  @Override
  public ModelUpload start(
      Actor actor, WorkspaceId workspaceId, ModelServerId serverId, WeightsUpload upload) {
    access.require(actor, workspaceId, Permission.MANAGE_SETTINGS);
    ModelServer server = servers.require(workspaceId, serverId);
    new Violations()
        .check(
            upload.model() != null && MODEL_NAME.matcher(upload.model()).matches(),
            "name",
            "must be a model name such as shop-bot or team/shop-bot:q4 (letters, digits, . _ -)")
        .check(
            server.type() == ProviderType.OLLAMA,
            "serverId",
            "only Ollama servers create models from uploaded weights")
        .throwIfAny();
    if (upload.declaredBytes() != null && upload.declaredBytes() > settings.maxBytes()) {
      throw tooLarge();
    }
    // a wrong file is refused on its first bytes, before anything is stored
    byte[] magic = readMagic(upload.body());
    if (!Arrays.equals(magic, GGUF_MAGIC)) {
      throw new ValidationException(
          "file", "is not a GGUF file: GGUF weights start with the bytes GGUF");
    }
    Tracker job =
        new Tracker(
            ModelUpload.receiving(
                workspaceId, serverId, upload.model(), upload.declaredBytes(), clock.instant()));
    Path file = createFile(job.current().id());
    boolean handedOver = false;
    try {
      uploads.insert(job.current());
      Received received = receive(upload.body(), magic, file, job);
      job.move(current -> current.received(received.sha256(), received.size(), clock.instant()));
      ProviderEndpoint endpoint = servers.endpoint(server, "");
      background.execute(() -> install(job, endpoint, file));
      handedOver = true;
      return job.current();
    } catch (PayloadTooLargeException e) {
      job.fail(e.getMessage());
      throw e;
    } catch (IOException e) {
      job.fail("The file did not arrive completely");
      throw new ValidationException("file", "did not arrive completely: the upload broke off");
    } catch (RuntimeException e) {
      job.fail("The upload could not be started; try again");
      throw e;
    } finally {
      if (!handedOver) {
        delete(file);
      }
    }
  }

  @Override
  public ModelUpload get(Actor actor, WorkspaceId workspaceId, ModelUploadId uploadId) {
    access.require(actor, workspaceId, Permission.MANAGE_SETTINGS);
    return uploads
        .findById(uploadId)
        .filter(upload -> upload.workspaceId().equals(workspaceId))
        .map(this::seenNow)
        .orElseThrow(() -> new NotFoundException("Model upload not found"));
  }

  @Override
  public List<ModelUpload> recent(Actor actor, WorkspaceId workspaceId) {
    access.require(actor, workspaceId, Permission.MANAGE_SETTINGS);
    return uploads.findRecent(workspaceId, RECENT).stream().map(this::seenNow).toList();
  }

  /**
   * Deletes files that jobs of a stopped instance left behind: those untouched for longer than a
   * job may stay quiet. Call once at start.
   */
  public void sweepLeftovers() {
    if (!Files.isDirectory(settings.directory())) {
      return;
    }
    Instant before = clock.instant().minus(settings.staleAfter());
    try (DirectoryStream<Path> files = Files.newDirectoryStream(settings.directory(), "*" + PART)) {
      for (Path file : files) {
        if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
          LOG.info("removing a model upload left behind file={}", file.getFileName());
          delete(file);
        }
      }
    } catch (IOException e) {
      LOG.warn("could not look for model uploads left behind dir={}", settings.directory(), e);
    }
  }

  /** Sends the received file to the server and creates the model; runs in the background. */
  private void install(Tracker job, ProviderEndpoint server, Path file) {
    try {
      String sha256 = job.current().sha256();
      if (!client.hasWeights(server, sha256)) {
        client.uploadWeights(server, sha256, file, job::progress);
      }
      job.move(current -> current.creating(clock.instant()));
      client.createModel(server, job.current().model(), sha256);
      job.move(current -> current.done(clock.instant()));
    } catch (UpstreamUnavailableException e) {
      job.fail(e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("model upload failed upload={}", job.current().id().value(), e);
      job.fail("Something went wrong on our side; upload the file again");
    } finally {
      delete(file);
    }
  }

  private Received receive(InputStream body, byte[] magic, Path file, Tracker job)
      throws IOException {
    MessageDigest digest = sha256();
    digest.update(magic);
    long size = magic.length;
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(magic);
      byte[] buffer = new byte[BUFFER_BYTES];
      for (int read = body.read(buffer); read != -1; read = body.read(buffer)) {
        size += read;
        if (size > settings.maxBytes()) {
          throw tooLarge();
        }
        digest.update(buffer, 0, read);
        out.write(buffer, 0, read);
        job.progress(size);
      }
    }
    return new Received(HexFormat.of().formatHex(digest.digest()), size);
  }

  /** A file that arrived whole. */
  private record Received(String sha256, long size) {}

  private static byte[] readMagic(InputStream body) {
    try {
      return body.readNBytes(GGUF_MAGIC.length);
    } catch (IOException e) {
      throw new ValidationException("file", "did not arrive completely: the upload broke off");
    }
  }

  private Path createFile(ModelUploadId id) {
    try {
      Files.createDirectories(settings.directory());
      return Files.createFile(settings.directory().resolve(id.value() + PART));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a file in the model upload directory", e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("could not delete a model upload file={}", file, e);
    }
  }

  private PayloadTooLargeException tooLarge() {
    return new PayloadTooLargeException(
        "The file is larger than the " + size(settings.maxBytes()) + " a model file may have");
  }

  /** A size for messages: {@code 20 GB}, {@code 512 MB}, {@code 1.5 MB}, {@code 900 bytes}. */
  static String size(long bytes) {
    String[] units = {"bytes", "KB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return (value == Math.floor(value)
            ? String.valueOf((long) value)
            : String.format(Locale.ROOT, "%.1f", value))
        + " "
        + units[unit];
  }

  private ModelUpload seenNow(ModelUpload upload) {
    return upload.seenAt(clock.instant(), settings.staleAfter());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * The one place a job changes. Progress arrives from the HTTP client's threads while a step runs;
   * it is stored at most once a second and never after the step is over, so it cannot overwrite a
   * later state.
   */
  private final class Tracker {
    private ModelUpload job;
    private Instant saved;

    Tracker(ModelUpload job) {
      this.job = job;
      this.saved = job.updatedAt();
    }

    synchronized ModelUpload current() {
      return job;
    }

    /** The current step has done {@code bytes}. */
    synchronized void progress(long bytes) {
      if (job.state() != ModelUploadState.RECEIVING && job.state() != ModelUploadState.UPLOADING) {
        return;
      }
      Instant now = clock.instant();
      job = job.progressed(bytes, now);
      if (!now.isBefore(saved.plus(SAVE_EVERY))) {
        save();
      }
    }

    /** Moves the job on and stores it. */
    synchronized void move(UnaryOperator<ModelUpload> change) {
      job = change.apply(job);
      save();
    }

    /** Marks the job failed; a store that fails too is logged, since nobody else would hear. */
    synchronized void fail(String reason) {
      try {
        move(current -> current.failed(reason, clock.instant()));
      } catch (RuntimeException e) {
        LOG.error("could not record a failed model upload upload={}", job.id().value(), e);
      }
    }

    private void save() {
      uploads.update(job);
      saved = job.updatedAt();
    }
  }
}
