package com.minichat.adapters.mongo.migration;

import com.mongodb.client.MongoDatabase;

/**
 * One step of the database schema's history. Once released, a migration's {@link #id()} and effect
 * never change; later changes are new migrations.
 *
 * <p>{@link #apply} must be idempotent: two instances starting together may both run it before
 * either records it, and a crash between applying and recording runs it again on restart.
 */
public interface Migration {
  /** Stable identifier recorded once applied, e.g. {@code 0001-create-indexes}. */
  String id();

  /** What the migration does, for logs and the {@code migrations} collection. */
  String description();

  /** Applies the change to {@code database}. */
  void apply(MongoDatabase database);
}
