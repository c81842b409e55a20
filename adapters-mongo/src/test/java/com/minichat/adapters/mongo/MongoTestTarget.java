package com.minichat.adapters.mongo;

import com.minichat.adapters.mongo.migration.MongoMigrations;
import com.minichat.domain.common.Identifiers;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the adapter tests run: mongo-java-server's memory backend (always), or the real MongoDB
 * named by the environment variable {@value #URI_VARIABLE} (only when it is set). Each test takes
 * fresh, migrated databases with unique names and drops them afterwards.
 */
public enum MongoTestTarget {
  /** An in-process mongo-java-server with the memory backend, shared by all tests of the run. */
  MEMORY,
  /** The MongoDB server named by {@value #URI_VARIABLE}. */
  EXTERNAL;

  /** Environment variable that points the tests at a real MongoDB server. */
  public static final String URI_VARIABLE = "MONGODB_URI";

  private MongoClient client;
  private EmbeddedMongoServer server;

  /** The client of this target, opened on first use and closed when the JVM exits. */
  public synchronized MongoClient client() {
    if (client == null) {
      String uri;
      if (this == MEMORY) {
        server = EmbeddedMongoServer.startInMemory();
        uri = server.connectionString();
      } else {
        uri = System.getenv(URI_VARIABLE);
        if (uri == null || uri.isBlank()) {
          throw new IllegalStateException(URI_VARIABLE + " is not set");
        }
      }
      client = MongoConnections.open(uri, 0, 10, Duration.ofSeconds(10));
      Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "mongo-test-" + name()));
    }
    return client;
  }

  /** A new database that no other test uses, not yet migrated. */
  public MongoDatabase emptyDatabase() {
    return client().getDatabase("minichat_test_" + Identifiers.random(6));
  }

  /** A new database that no other test uses, with every migration applied. */
  public MongoDatabase freshDatabase() {
    MongoDatabase database = emptyDatabase();
    MongoMigrations.migrate(database);
    return database;
  }

  private synchronized void shutdown() {
    client.close();
    if (server != null) {
      server.close();
    }
  }

  /** The databases one test created, to drop after it. */
  public static final class Databases {
    private final MongoTestTarget target;
    private final List<MongoDatabase> created = new ArrayList<>();

    public Databases(MongoTestTarget target) {
      this.target = target;
    }

    /** A fresh migrated database, dropped by {@link #dropAll()}. */
    public MongoDatabase fresh() {
      MongoDatabase database = target.freshDatabase();
      created.add(database);
      return database;
    }

    /** A fresh database without migrations, dropped by {@link #dropAll()}. */
    public MongoDatabase empty() {
      MongoDatabase database = target.emptyDatabase();
      created.add(database);
      return database;
    }

    /** Drops every database this instance handed out. */
    public void dropAll() {
      created.forEach(MongoDatabase::drop);
      created.clear();
    }
  }
}
