package com.minichat.adapters.mongo.user;

import static com.minichat.adapters.mongo.MongoSchema.CREATED_AT;
import static com.minichat.adapters.mongo.MongoSchema.ID;
import static com.minichat.adapters.mongo.MongoSchema.SCHEMA_VERSION;
import static com.minichat.adapters.mongo.MongoSchema.UPDATED_AT;

import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.TwoFactor;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import com.mongodb.client.model.Projections;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Maps {@link User} to and from documents of the {@code users} collection: {@code _id}, {@code
 * email} (unique, lower case), {@code name}, {@code passwordHash}, {@code language}, {@code
 * emailVerified}, {@code failedLogins}, {@code lockedUntil} (date or null), {@code lockouts},
 * {@code previousPasswordHashes} (array, newest first), {@code sessionVersion}, {@code twoFactor}
 * (embedded {@code {enabled, encryptedSecret, recoveryCodeHashes, lastUsedStep}}), {@code
 * platformAdmin}, {@code createdAt}, {@code updatedAt}, {@code schemaVersion}.
 *
 * <p>Schema version 1 documents were written before the security fields existed. They load with the
 * defaults of a new account ({@code en}, unverified, unlocked, no history, session version 0, no
 * second factor, no platform administration); the next {@code update} writes every field and
 * version {@value #SCHEMA_VERSION_WRITTEN}.
 */
public final class UserDocumentMapper {
  /** The {@code schemaVersion} this mapper writes into user documents. */
  public static final int SCHEMA_VERSION_WRITTEN = 2;

  public static final String EMAIL = "email";
  public static final String NAME = "name";
  public static final String PASSWORD_HASH = "passwordHash";
  public static final String LANGUAGE = "language";
  public static final String EMAIL_VERIFIED = "emailVerified";
  // Field names of the product spec (S06).
  public static final String FAILED_LOGINS = "loginAttempts";
  public static final String LOCKED_UNTIL = "lockUntil";
  public static final String LOCKOUTS = "lockouts";
  public static final String PREVIOUS_PASSWORD_HASHES = "previousPasswordHashes";
  public static final String SESSION_VERSION = "sessionVersion";
  public static final String TWO_FACTOR = "twoFactor";
  public static final String TWO_FACTOR_ENABLED = "enabled";
  public static final String TWO_FACTOR_SECRET = "encryptedSecret";
  public static final String TWO_FACTOR_RECOVERY_CODES = "recoveryCodeHashes";
  public static final String TWO_FACTOR_LAST_STEP = "lastUsedStep";
  public static final String PLATFORM_ADMIN = "platformAdmin";
  public static final String REVISION = "revision";

  /** The fields {@link #toDomain} reads. */
  public static final Bson PROJECTION =
      Projections.include(
          ID,
          EMAIL,
          NAME,
          PASSWORD_HASH,
          LANGUAGE,
          EMAIL_VERIFIED,
          FAILED_LOGINS,
          LOCKED_UNTIL,
          LOCKOUTS,
          PREVIOUS_PASSWORD_HASHES,
          SESSION_VERSION,
          TWO_FACTOR,
          PLATFORM_ADMIN,
          REVISION,
          CREATED_AT,
          UPDATED_AT);

  private UserDocumentMapper() {}

  /** The document stored for {@code user}. */
  public static Document toDocument(User user) {
    TwoFactor twoFactor = user.twoFactor();
    Document twoFactorDocument =
        new Document(TWO_FACTOR_ENABLED, twoFactor.enabled())
            .append(TWO_FACTOR_SECRET, twoFactor.encryptedSecret())
            .append(TWO_FACTOR_RECOVERY_CODES, twoFactor.recoveryCodeHashes())
            .append(TWO_FACTOR_LAST_STEP, twoFactor.lastUsedStep());
    return new Document(ID, user.id().value())
        .append(EMAIL, user.email().value())
        .append(NAME, user.name())
        .append(PASSWORD_HASH, user.passwordHash())
        .append(LANGUAGE, user.language())
        .append(EMAIL_VERIFIED, user.emailVerified())
        .append(FAILED_LOGINS, user.failedLogins())
        .append(LOCKED_UNTIL, MongoSchema.toDateOrNull(user.lockedUntil()))
        .append(LOCKOUTS, user.lockouts())
        .append(PREVIOUS_PASSWORD_HASHES, user.previousPasswordHashes())
        .append(SESSION_VERSION, user.sessionVersion())
        .append(TWO_FACTOR, twoFactorDocument)
        .append(PLATFORM_ADMIN, user.platformAdmin())
        .append(REVISION, user.revision())
        .append(CREATED_AT, MongoSchema.toDate(user.createdAt()))
        .append(UPDATED_AT, MongoSchema.toDate(user.updatedAt()))
        .append(SCHEMA_VERSION, SCHEMA_VERSION_WRITTEN);
  }

  /** The user a stored document describes; fields missing from older documents get defaults. */
  public static User toDomain(Document document) {
    return new User(
        new UserId(document.getString(ID)),
        new Email(document.getString(EMAIL)),
        document.getString(NAME),
        document.getString(PASSWORD_HASH),
        document.getString(LANGUAGE),
        document.getBoolean(EMAIL_VERIFIED, false),
        intOr(document, FAILED_LOGINS, 0),
        MongoSchema.toInstantOrNull(document.getDate(LOCKED_UNTIL)),
        intOr(document, LOCKOUTS, 0),
        document.getList(PREVIOUS_PASSWORD_HASHES, String.class, List.of()),
        intOr(document, SESSION_VERSION, 0),
        twoFactor(document.get(TWO_FACTOR, Document.class)),
        document.getBoolean(PLATFORM_ADMIN, false),
        longOr(document, REVISION),
        MongoSchema.toInstant(document.getDate(CREATED_AT)),
        MongoSchema.toInstant(document.getDate(UPDATED_AT)));
  }

  private static TwoFactor twoFactor(Document document) {
    if (document == null) {
      return TwoFactor.DISABLED;
    }
    Object lastStep = document.get(TWO_FACTOR_LAST_STEP);
    return new TwoFactor(
        document.getBoolean(TWO_FACTOR_ENABLED, false),
        document.getString(TWO_FACTOR_SECRET),
        document.getList(TWO_FACTOR_RECOVERY_CODES, String.class, List.of()),
        lastStep instanceof Number number ? number.longValue() : -1);
  }

  /** A stored revision; documents written before revisions existed are at revision 0. */
  private static long longOr(Document document, String field) {
    return document.get(field) instanceof Number number ? number.longValue() : 0;
  }

  /** An integer field, whichever BSON number type holds it; {@code fallback} when absent. */
  private static int intOr(Document document, String field, int fallback) {
    return document.get(field) instanceof Number number ? number.intValue() : fallback;
  }
}
