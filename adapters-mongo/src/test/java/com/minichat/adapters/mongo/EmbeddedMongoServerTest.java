package com.minichat.adapters.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.adapters.mongo.apikey.MongoApiKeyRepository;
import com.minichat.adapters.mongo.migration.Migration;
import com.minichat.adapters.mongo.migration.MigrationRunner;
import com.minichat.adapters.mongo.migration.MongoMigrations;
import com.minichat.adapters.mongo.session.MongoRefreshTokenRepository;
import com.minichat.adapters.mongo.team.MongoInvitationRepository;
import com.minichat.adapters.mongo.team.MongoMembershipRepository;
import com.minichat.adapters.mongo.user.MongoOneTimeTokenRepository;
import com.minichat.adapters.mongo.user.MongoUserRepository;
import com.minichat.adapters.mongo.workspace.MongoWorkspaceRepository;
import com.minichat.application.port.out.workspace.DeletedWorkspace;
import com.minichat.domain.apikey.ApiKey;
import com.minichat.domain.apikey.ApiKeyId;
import com.minichat.domain.apikey.ApiScope;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.session.RefreshToken;
import com.minichat.domain.team.Invitation;
import com.minichat.domain.team.Membership;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.OneTimeToken;
import com.minichat.domain.user.TokenPurpose;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoServerTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

  @TempDir Path dataDir;

  private static MongoClient connect(EmbeddedMongoServer server) {
    return MongoConnections.open(server.connectionString(), 0, 2, Duration.ofSeconds(5));
  }

  @Test
  void persistentDataSurvivesARestart() {
    User user =
        new User(UserId.generate(), new Email("owner@example.com"), "Owner", "hash", T0, T0);
    Workspace workspace =
        new Workspace(
            WorkspaceId.generate(),
            "Shop",
            user.id(),
            WidgetKey.generate(),
            "Hi",
            "",
            List.of(),
            List.of("shop.example.com"),
            30,
            T0,
            T0);
    OneTimeToken oneTimeToken =
        new OneTimeToken(
            "ott1", user.id(), TokenPurpose.VERIFY_EMAIL, "ott-hash", T0, T0.plusSeconds(60), null);
    RefreshToken refreshToken =
        new RefreshToken("rt1", "f1", user.id(), "rt-hash", T0, T0.plusSeconds(60), null, null);
    Path file = dataDir.resolve("mongo").resolve("minichat.mv.db");

    try (EmbeddedMongoServer server = EmbeddedMongoServer.startPersistent(dataDir);
        MongoClient client = connect(server)) {
      assertTrue(server.connectionString().startsWith("mongodb://127.0.0.1:"));
      assertEquals(Optional.of(file.toAbsolutePath()), server.dataFile());
      MongoDatabase database = client.getDatabase("minichat");
      assertEquals(
          MongoMigrations.all().stream().map(Migration::id).toList(),
          MongoMigrations.migrate(database));
      new MongoUserRepository(database).insert(user);
      new MongoWorkspaceRepository(database).insert(workspace);
      new MongoOneTimeTokenRepository(database).insert(oneTimeToken);
      new MongoRefreshTokenRepository(database).insert(refreshToken);
    }
    assertTrue(Files.isRegularFile(file));

    try (EmbeddedMongoServer server = EmbeddedMongoServer.startPersistent(dataDir);
        MongoClient client = connect(server)) {
      MongoDatabase database = client.getDatabase("minichat");
      assertEquals(List.of(), MongoMigrations.migrate(database));
      MongoUserRepository users = new MongoUserRepository(database);
      assertEquals(Optional.of(user), users.findById(user.id()));
      assertEquals(
          Optional.of(workspace),
          new MongoWorkspaceRepository(database).findByWidgetKey(workspace.widgetKey()));
      User sameEmail =
          new User(UserId.generate(), new Email("owner@example.com"), "Other", "h", T0, T0);
      assertThrows(ConflictException.class, () -> users.insert(sameEmail));

      MongoOneTimeTokenRepository oneTimeTokens = new MongoOneTimeTokenRepository(database);
      assertTrue(
          oneTimeTokens
              .consume("ott-hash", TokenPurpose.VERIFY_EMAIL, T0.plusSeconds(1))
              .isPresent());
      assertTrue(
          oneTimeTokens
              .consume("ott-hash", TokenPurpose.VERIFY_EMAIL, T0.plusSeconds(2))
              .isEmpty());
      MongoRefreshTokenRepository refreshTokens = new MongoRefreshTokenRepository(database);
      assertEquals(Optional.of(refreshToken), refreshTokens.findByHash("rt-hash"));
      assertTrue(refreshTokens.markUsed(refreshToken.id(), T0.plusSeconds(3)));
      assertThrows(ConflictException.class, () -> refreshTokens.insert(refreshToken));
    }
  }

  @Test
  void teamsAndApiKeysWorkOnThePersistentBackend() {
    UserId owner = UserId.generate();
    Workspace workspace =
        new Workspace(
            WorkspaceId.generate(),
            "Shop",
            owner,
            WidgetKey.generate(),
            "",
            "",
            List.of(),
            List.of(),
            30,
            T0,
            T0);
    Invitation invitation =
        new Invitation(
            "inv1",
            workspace.id(),
            new Email("new@example.com"),
            Role.MEMBER,
            "inv-hash",
            owner,
            T0,
            T0.plus(Invitation.LIFETIME),
            null,
            null);
    ApiKey key =
        new ApiKey(
            new ApiKeyId("key1"),
            workspace.id(),
            "Backend",
            "mc_live_abcd",
            "key-hash",
            ApiScope.READ,
            owner,
            T0,
            T0.plus(ApiKey.DEFAULT_LIFETIME),
            null,
            null,
            null);

    try (EmbeddedMongoServer server = EmbeddedMongoServer.startPersistent(dataDir);
        MongoClient client = connect(server)) {
      MongoDatabase database = client.getDatabase("minichat");
      new MigrationRunner(database, MongoMigrations.all().subList(0, 2)).run();
      new MongoWorkspaceRepository(database).insert(workspace);
    }

    try (EmbeddedMongoServer server = EmbeddedMongoServer.startPersistent(dataDir);
        MongoClient client = connect(server)) {
      MongoDatabase database = client.getDatabase("minichat");
      assertEquals(
          List.of("0003-teams-and-api-keys", "0004-webhooks", "0005-model-servers"),
          MongoMigrations.migrate(database));
      MongoMembershipRepository memberships = new MongoMembershipRepository(database);
      Membership ownership = new Membership(workspace.id(), owner, Role.OWNER, T0, T0);
      assertEquals(List.of(ownership), memberships.findByWorkspace(workspace.id()));
      assertThrows(ConflictException.class, () -> memberships.insert(ownership));
      MongoInvitationRepository invitations = new MongoInvitationRepository(database);
      invitations.insert(invitation);
      assertTrue(invitations.markAccepted("inv1", T0.plusSeconds(1)));
      assertThrows(ConflictException.class, () -> invitations.insert(invitation));
      MongoApiKeyRepository keys = new MongoApiKeyRepository(database);
      keys.insert(key);
      keys.touch(key.id(), T0.plusSeconds(20));
      keys.update(key.revoked(T0.plusSeconds(30)));
      assertThrows(ConflictException.class, () -> keys.insert(key));
      new MongoWorkspaceRepository(database).markDeleted(workspace.id(), T0.plusSeconds(40));
    }

    try (EmbeddedMongoServer server = EmbeddedMongoServer.startPersistent(dataDir);
        MongoClient client = connect(server)) {
      MongoDatabase database = client.getDatabase("minichat");
      MongoWorkspaceRepository workspaces = new MongoWorkspaceRepository(database);
      assertTrue(workspaces.findById(workspace.id()).isEmpty());
      assertEquals(
          Optional.of(new DeletedWorkspace(workspace, T0.plusSeconds(40))),
          workspaces.findDeleted(workspace.id()));
      assertEquals(
          T0.plusSeconds(1),
          new MongoInvitationRepository(database).findById("inv1").orElseThrow().acceptedAt());
      ApiKey stored = new MongoApiKeyRepository(database).findById(key.id()).orElseThrow();
      assertEquals(T0.plusSeconds(20), stored.lastUsedAt());
      assertEquals(T0.plusSeconds(30), stored.revokedAt());
    }
  }

  @Test
  void theDataFileCannotBeOpenedTwice() {
    try (EmbeddedMongoServer first = EmbeddedMongoServer.startPersistent(dataDir)) {
      assertTrue(first.dataFile().isPresent());
      assertThrows(
          IllegalStateException.class, () -> EmbeddedMongoServer.startPersistent(dataDir).close());
    }
  }

  @Test
  void inMemoryServerAnswersAndForgetsOnClose() {
    EmbeddedMongoServer server = EmbeddedMongoServer.startInMemory();
    try (MongoClient client = connect(server)) {
      assertTrue(server.dataFile().isEmpty());
      assertTrue(server.address().getPort() > 0);
      assertEquals(
          1.0,
          client
              .getDatabase("admin")
              .runCommand(new Document("ping", 1))
              .get("ok", Number.class)
              .doubleValue());
    } finally {
      server.close();
      server.close();
    }
  }
}
