package com.minichat.adapters.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-protocol server inside this JVM (mongo-java-server), bound to {@code 127.0.0.1} on a
 * free port. The persistent variant keeps its data in one H2 MVStore file so that it survives a
 * restart; the in-memory variant is for tests. Connect with any MongoDB driver through {@link
 * #connectionString()}.
 *
 * <p>It offers the subset of MongoDB that the MiniChat adapters use (no transactions, no TTL).
 */
public final class EmbeddedMongoServer implements AutoCloseable {
  /** Sub-directory of the data directory holding the database file. */
  public static final String DIRECTORY = "mongo";

  /** Name of the database file inside {@link #DIRECTORY}. */
  public static final String FILE_NAME = "minichat.mv.db";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongoServer.class);

  private final MongoServer server;
  private final Path dataFile;
  private final InetSocketAddress address;
  private boolean closed;

  private EmbeddedMongoServer(MongoBackend backend, Path dataFile) {
    this.server = new MongoServer(backend);
    this.dataFile = dataFile;
    // On failure bind() shuts the server down, which also closes the backend.
    server.bind(new InetSocketAddress("127.0.0.1", 0));
    this.address = server.getLocalAddress();
  }

  /**
   * Starts a server that stores its data in {@code <dataDir>/mongo/minichat.mv.db}, creating the
   * directories when needed. Only one process may open the file at a time.
   *
   * @throws UncheckedIOException if the directory cannot be created
   * @throws IllegalStateException if the file cannot be opened, e.g. because it is in use
   */
  public static EmbeddedMongoServer startPersistent(Path dataDir) {
    Objects.requireNonNull(dataDir, "dataDir");
    Path directory = dataDir.resolve(DIRECTORY).toAbsolutePath();
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + directory, e);
    }
    Path file = directory.resolve(FILE_NAME);
    H2Backend backend;
    try {
      backend = new H2Backend(file.toString());
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot open the embedded database " + file + " (is another instance using it?)", e);
    }
    EmbeddedMongoServer started = new EmbeddedMongoServer(backend, file);
    LOG.info("embedded mongodb started address={} file={}", started.address, file);
    return started;
  }

  /** Starts a server that keeps everything in memory and forgets it on {@link #close()}. */
  public static EmbeddedMongoServer startInMemory() {
    EmbeddedMongoServer started = new EmbeddedMongoServer(new MemoryBackend(), null);
    LOG.debug("in-memory mongodb started address={}", started.address);
    return started;
  }

  /** Where clients connect, e.g. {@code mongodb://127.0.0.1:40123}. */
  public String connectionString() {
    return "mongodb://" + address.getHostString() + ":" + address.getPort();
  }

  /** The bound address. */
  public InetSocketAddress address() {
    return address;
  }

  /** The database file of a persistent server; empty for an in-memory one. */
  public Optional<Path> dataFile() {
    return Optional.ofNullable(dataFile);
  }

  /**
   * Disconnects clients, stops listening and, for a persistent server, writes and closes the file.
   * Calling it again does nothing.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.shutdownNow();
    LOG.info("embedded mongodb stopped address={}", address);
  }
}
