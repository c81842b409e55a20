package com.minichat.adapters.mongo.migration;

import com.minichat.adapters.mongo.MongoErrors;
import com.minichat.adapters.mongo.MongoSchema;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies, in list order, the migrations whose ids are not yet recorded in the {@value #COLLECTION}
 * collection, and records each one ({@code _id}, {@code description}, {@code appliedAt}) right
 * after it succeeds. Running it again applies nothing new.
 */
public final class MigrationRunner {
  /** Collection holding one document per applied migration. */
  public static final String COLLECTION = "migrations";

  private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

  private final MongoDatabase database;
  private final List<Migration> migrations;
  private final Clock clock;

  /** A runner that stamps {@code appliedAt} with the system clock. */
  public MigrationRunner(MongoDatabase database, List<Migration> migrations) {
    this(database, migrations, Clock.systemUTC());
  }

  /**
   * A runner for {@code migrations}, applied in the given order.
   *
   * @throws IllegalArgumentException if two migrations share an id
   */
  public MigrationRunner(MongoDatabase database, List<Migration> migrations, Clock clock) {
    this.database = Objects.requireNonNull(database, "database");
    this.migrations = List.copyOf(migrations);
    this.clock = Objects.requireNonNull(clock, "clock");
    Set<String> ids = new HashSet<>();
    for (Migration migration : this.migrations) {
      if (!ids.add(migration.id())) {
        throw new IllegalArgumentException("duplicate migration id " + migration.id());
      }
    }
  }

  /**
   * Applies every migration not applied before.
   *
   * @return the ids applied by this call, in order; empty when the database was up to date
   * @throws IllegalStateException if a migration fails; the ones before it stay recorded
   */
  public List<String> run() {
    Set<String> applied = appliedIds();
    Set<String> known = new HashSet<>();
    List<String> appliedNow = new ArrayList<>();
    for (Migration migration : migrations) {
      known.add(migration.id());
      if (applied.contains(migration.id())) {
        continue;
      }
      LOG.info("applying migration id={} description={}", migration.id(), migration.description());
      try {
        migration.apply(database);
      } catch (RuntimeException e) {
        throw new IllegalStateException("migration " + migration.id() + " failed", e);
      }
      record(migration);
      appliedNow.add(migration.id());
    }
    applied.stream()
        .filter(id -> !known.contains(id))
        .forEach(
            id -> LOG.warn("database has migration id={} that this version does not know", id));
    LOG.info("migrations up to date applied={} total={}", appliedNow.size(), migrations.size());
    return List.copyOf(appliedNow);
  }

  /** Ids recorded as applied, in the order they were recorded. */
  public Set<String> appliedIds() {
    return MongoErrors.call(
        "read migrations",
        () -> {
          Set<String> ids = new LinkedHashSet<>();
          collection()
              .find()
              .projection(Projections.include(MongoSchema.ID))
              .sort(new Document("appliedAt", 1).append(MongoSchema.ID, 1))
              .forEach(document -> ids.add(document.getString(MongoSchema.ID)));
          return ids;
        });
  }

  private void record(Migration migration) {
    Document entry =
        new Document(MongoSchema.ID, migration.id())
            .append("description", migration.description())
            .append("appliedAt", MongoSchema.toDate(clock.instant()));
    try {
      collection().insertOne(entry);
    } catch (MongoException e) {
      if (!MongoErrors.isDuplicateKey(e)) {
        throw MongoErrors.translate("record migration", "duplicate migration", e);
      }
      LOG.info("migration id={} was recorded meanwhile by another instance", migration.id());
    }
  }

  private MongoCollection<Document> collection() {
    return database.getCollection(COLLECTION);
  }
}
