package com.minichat.adapters.mongo.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.adapters.mongo.MongoTestTarget;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.Language;
import com.minichat.domain.user.TwoFactor;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * User documents written before the security fields existed (schema version 1) still load, with the
 * defaults of a new account, and the next update writes the full, current shape.
 */
class UserDocumentCompatibilityTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

  private final MongoTestTarget.Databases databases =
      new MongoTestTarget.Databases(MongoTestTarget.MEMORY);
  private final MongoDatabase database = databases.fresh();
  private final MongoCollection<Document> collection = database.getCollection(MongoSchema.USERS);
  private final MongoUserRepository users = new MongoUserRepository(database);

  @AfterEach
  void dropDatabases() {
    databases.dropAll();
  }

  /** Exactly what version 0.1 of the adapter wrote for a user. */
  private static Document oldShape(String id, String email) {
    return new Document("_id", id)
        .append("email", email)
        .append("name", "Old Owner")
        .append("passwordHash", "$2a$12$oldoldold")
        .append("createdAt", Date.from(T0))
        .append("updatedAt", Date.from(T0.plusSeconds(1)))
        .append("schemaVersion", 1);
  }

  @Test
  void anOldDocumentLoadsWithTheDefaultsOfANewAccount() {
    collection.insertOne(oldShape("u-old", "old@example.com"));

    User expected =
        new User(
            new UserId("u-old"),
            new Email("old@example.com"),
            "Old Owner",
            "$2a$12$oldoldold",
            T0,
            T0.plusSeconds(1));
    User found = users.findById(new UserId("u-old")).orElseThrow();
    assertEquals(expected, found);
    assertEquals(Language.ENGLISH, found.language());
    assertFalse(found.emailVerified());
    assertEquals(0, found.failedLogins());
    assertNull(found.lockedUntil());
    assertEquals(List.of(), found.previousPasswordHashes());
    assertEquals(0, found.sessionVersion());
    assertEquals(TwoFactor.DISABLED, found.twoFactor());
    assertFalse(found.platformAdmin());
    assertEquals(Optional.of(expected), users.findByEmail(new Email("old@example.com")));
  }

  @Test
  void updatingAnOldDocumentWritesTheCurrentShape() {
    collection.insertOne(oldShape("u-old", "old@example.com"));
    User old = users.findById(new UserId("u-old")).orElseThrow();
    User changed =
        old.verified(T0.plusSeconds(10))
            .withPassword("$2a$12$newnewnew", T0.plusSeconds(20))
            .withTwoFactor(
                TwoFactor.pending("v1:secret").activated(List.of("rc1"), 1234L),
                true,
                T0.plusSeconds(30));

    User stored = users.update(changed);

    assertEquals(changed.atRevision(1), stored);
    assertEquals(Optional.of(stored), users.findById(old.id()));
    Document document = collection.find().first();
    assertEquals(UserDocumentMapper.SCHEMA_VERSION_WRITTEN, document.getInteger("schemaVersion"));
    assertEquals(
        List.of("$2a$12$oldoldold"), document.getList("previousPasswordHashes", String.class));
    assertEquals(2, document.getInteger("sessionVersion"));
    assertTrue(document.getBoolean("emailVerified"));
  }

  @Test
  void explicitNullsAndOtherNumberTypesReadLikeMissingFields() {
    Document odd =
        oldShape("u-odd", "odd@example.com")
            .append("language", null)
            .append("emailVerified", null)
            .append("loginAttempts", 3L)
            .append("lockUntil", null)
            .append("lockouts", null)
            .append("previousPasswordHashes", null)
            .append("sessionVersion", 4.0)
            .append(
                "twoFactor",
                new Document("enabled", true)
                    .append("encryptedSecret", "v1:s")
                    .append("recoveryCodeHashes", null)
                    .append("lastUsedStep", 77))
            .append("platformAdmin", null);
    collection.insertOne(odd);

    User found = users.findById(new UserId("u-odd")).orElseThrow();

    assertEquals(Language.ENGLISH, found.language());
    assertFalse(found.emailVerified());
    assertEquals(3, found.failedLogins());
    assertEquals(0, found.lockouts());
    assertEquals(List.of(), found.previousPasswordHashes());
    assertEquals(4, found.sessionVersion());
    assertEquals(new TwoFactor(true, "v1:s", List.of(), 77L), found.twoFactor());
    assertFalse(found.platformAdmin());
  }

  @Test
  void theCurrentShapeStoresTypedFields() {
    User user =
        new User(UserId.generate(), new Email("typed@example.com"), "T", "h", T0, T0)
            .afterFailedLogin(1, Duration.ofMinutes(15), T0)
            .withTwoFactor(
                TwoFactor.pending("v1:secret").activated(List.of("a", "b"), 9_000_000_000L),
                false,
                T0);

    users.insert(user);

    Document stored = collection.find().first();
    assertEquals("en", stored.getString("language"));
    assertInstanceOf(Date.class, stored.get("lockUntil"));
    assertEquals(Date.from(T0.plus(Duration.ofMinutes(15))), stored.getDate("lockUntil"));
    assertEquals(1, stored.getInteger("lockouts"));
    Document twoFactor = stored.get("twoFactor", Document.class);
    assertTrue(twoFactor.getBoolean("enabled"));
    assertEquals("v1:secret", twoFactor.getString("encryptedSecret"));
    assertEquals(List.of("a", "b"), twoFactor.getList("recoveryCodeHashes", String.class));
    assertEquals(9_000_000_000L, twoFactor.getLong("lastUsedStep"));
  }
}
