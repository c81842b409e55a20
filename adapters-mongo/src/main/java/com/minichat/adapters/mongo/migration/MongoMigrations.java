package com.minichat.adapters.mongo.migration;

import com.mongodb.client.MongoDatabase;
import java.util.List;

/** The MiniChat schema history: every migration, oldest first. Append new ones at the end. */
public final class MongoMigrations {
  private MongoMigrations() {}

  /** All migrations in the order they must be applied. */
  public static List<Migration> all() {
    return List.of(
        new CreateIndexesMigration(),
        new CreateTokenAndAuditIndexesMigration(),
        new TeamsAndApiKeysMigration(),
        new WebhooksMigration(),
        new ModelServersMigration());
  }

  /** A runner for {@link #all()} on {@code database}. */
  public static MigrationRunner runner(MongoDatabase database) {
    return new MigrationRunner(database, all());
  }

  /** Brings {@code database} up to date; returns the ids applied now. */
  public static List<String> migrate(MongoDatabase database) {
    return runner(database).run();
  }
}
