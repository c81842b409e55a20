package com.minichat.adapters.mongo;

import java.time.Instant;
import java.util.Date;

/**
 * Names and conventions shared by every MiniChat collection: collection names, the fields every
 * document carries and the current schema version.
 */
public final class MongoSchema {
  /** Version written into {@value #SCHEMA_VERSION} of every document this code writes. */
  public static final int CURRENT_SCHEMA_VERSION = 1;

  public static final String USERS = "users";
  public static final String WORKSPACES = "workspaces";
  public static final String CONVERSATIONS = "conversations";
  public static final String MESSAGES = "messages";
  public static final String ONE_TIME_TOKENS = "oneTimeTokens";
  public static final String REFRESH_TOKENS = "refreshTokens";
  public static final String AUDIT_LOG = "auditLog";
  public static final String MEMBERSHIPS = "memberships";
  public static final String INVITATIONS = "invitations";
  public static final String API_KEYS = "apiKeys";
  public static final String PROVIDER_CHAINS = "providerChains";
  public static final String JOB_RUNS = "jobRuns";
  public static final String USAGE = "usage";
  public static final String WEBHOOKS = "webhooks";
  public static final String MODEL_SERVERS = "modelServers";
  public static final String MODEL_UPLOADS = "modelUploads";

  /** Primary key field; MiniChat stores its own string identifiers there. */
  public static final String ID = "_id";

  public static final String CREATED_AT = "createdAt";
  public static final String UPDATED_AT = "updatedAt";
  public static final String SCHEMA_VERSION = "schemaVersion";

  private MongoSchema() {}

  /** An instant as a BSON date (millisecond precision; anything finer is dropped). */
  public static Date toDate(Instant instant) {
    return Date.from(instant);
  }

  /** A BSON date read back as an instant. */
  public static Instant toInstant(Date date) {
    return date.toInstant();
  }

  /** {@link #toDate} of an optional instant: {@code null} is stored as BSON null. */
  public static Date toDateOrNull(Instant instant) {
    return instant == null ? null : toDate(instant);
  }

  /** {@link #toInstant} of an optional date: BSON null or a missing field give {@code null}. */
  public static Instant toInstantOrNull(Date date) {
    return date == null ? null : toInstant(date);
  }
}
