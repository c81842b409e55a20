package com.minichat.adapters.mongo;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.minichat.adapters.mongo.audit.MongoAuditLog;
import com.minichat.adapters.mongo.conversation.MongoConversationRepository;
import com.minichat.adapters.mongo.conversation.MongoMessageRepository;
import com.minichat.adapters.mongo.migration.MongoMigrations;
import com.minichat.adapters.mongo.session.MongoRefreshTokenRepository;
import com.minichat.adapters.mongo.user.MongoOneTimeTokenRepository;
import com.minichat.adapters.mongo.user.MongoUserRepository;
import com.minichat.adapters.mongo.workspace.MongoWorkspaceRepository;
import com.minichat.domain.audit.AuditEvent;
import com.minichat.domain.audit.AuditEventType;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.common.UpstreamUnavailableException;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.VisitorId;
import com.minichat.domain.session.RefreshToken;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.OneTimeToken;
import com.minichat.domain.user.TokenPurpose;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.WorkspaceId;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With no server to talk to, every repository reports the store as unavailable. */
class MongoUnavailableTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

  private MongoClient client;
  private MongoDatabase database;

  @BeforeEach
  void connectToNothing() throws IOException {
    String uri = "mongodb://127.0.0.1:" + MongoHealthProbeTest.unusedPort();
    client = MongoConnections.open(uri, 0, 1, Duration.ofMillis(200));
    database = client.getDatabase("minichat");
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void usersAreUnavailable() {
    MongoUserRepository users = new MongoUserRepository(database);
    User user = new User(UserId.generate(), new Email("a@example.com"), "A", "h", T0, T0);

    assertThrows(UpstreamUnavailableException.class, () -> users.insert(user));
    assertThrows(UpstreamUnavailableException.class, () -> users.findById(user.id()));
    assertThrows(UpstreamUnavailableException.class, () -> users.findByEmail(user.email()));
  }

  @Test
  void workspacesAreUnavailable() {
    MongoWorkspaceRepository workspaces = new MongoWorkspaceRepository(database);

    assertThrows(
        UpstreamUnavailableException.class, () -> workspaces.findById(WorkspaceId.generate()));
    assertThrows(
        UpstreamUnavailableException.class, () -> workspaces.findByWidgetKey(WidgetKey.generate()));
    assertThrows(
        UpstreamUnavailableException.class, () -> workspaces.findByOwner(UserId.generate()));
  }

  @Test
  void conversationsAndMessagesAreUnavailable() {
    MongoConversationRepository conversations = new MongoConversationRepository(database);
    MongoMessageRepository messages = new MongoMessageRepository(database);
    Conversation conversation =
        Conversation.start(WorkspaceId.generate(), VisitorId.generate(), T0);

    assertThrows(UpstreamUnavailableException.class, () -> conversations.insert(conversation));
    assertThrows(
        UpstreamUnavailableException.class,
        () -> conversations.findByWorkspace(conversation.workspaceId(), PageRequest.first()));
    assertThrows(
        UpstreamUnavailableException.class,
        () -> messages.findByConversation(ConversationId.generate(), PageRequest.first()));
    assertThrows(
        UpstreamUnavailableException.class,
        () -> messages.findRecent(ConversationId.generate(), 5));
  }

  @Test
  void usersUpdateIsUnavailable() {
    MongoUserRepository users = new MongoUserRepository(database);
    User user = new User(UserId.generate(), new Email("a@example.com"), "A", "h", T0, T0);

    assertThrows(UpstreamUnavailableException.class, () -> users.update(user));
  }

  @Test
  void oneTimeTokensAreUnavailable() {
    MongoOneTimeTokenRepository tokens = new MongoOneTimeTokenRepository(database);
    OneTimeToken token =
        new OneTimeToken(
            "t1", UserId.generate(), TokenPurpose.VERIFY_EMAIL, "h", T0, T0.plusSeconds(60), null);

    assertThrows(UpstreamUnavailableException.class, () -> tokens.insert(token));
    assertThrows(
        UpstreamUnavailableException.class,
        () -> tokens.findUsable("h", TokenPurpose.VERIFY_EMAIL, T0));
    assertThrows(
        UpstreamUnavailableException.class,
        () -> tokens.consume("h", TokenPurpose.VERIFY_EMAIL, T0));
    assertThrows(
        UpstreamUnavailableException.class,
        () -> tokens.invalidateAll(token.userId(), TokenPurpose.VERIFY_EMAIL, T0));
  }

  @Test
  void refreshTokensAreUnavailable() {
    MongoRefreshTokenRepository tokens = new MongoRefreshTokenRepository(database);
    UserId userId = UserId.generate();
    RefreshToken token =
        new RefreshToken("r1", "f1", userId, "h", T0, T0.plusSeconds(60), null, null);

    assertThrows(UpstreamUnavailableException.class, () -> tokens.insert(token));
    assertThrows(UpstreamUnavailableException.class, () -> tokens.findByHash("h"));
    assertThrows(UpstreamUnavailableException.class, () -> tokens.markUsed("r1", T0));
    assertThrows(UpstreamUnavailableException.class, () -> tokens.revokeFamily("f1", T0));
    assertThrows(
        UpstreamUnavailableException.class, () -> tokens.revokeAllOfUser(userId, null, T0));
    assertThrows(UpstreamUnavailableException.class, () -> tokens.findActiveOfUser(userId, T0));
  }

  @Test
  void auditLogIsUnavailable() {
    MongoAuditLog log = new MongoAuditLog(database);
    AuditEvent event = new AuditEvent("a1", AuditEventType.LOGGED_OUT, null, "", "", "", T0);

    assertThrows(UpstreamUnavailableException.class, () -> log.record(event));
    assertThrows(UpstreamUnavailableException.class, () -> log.list(Optional.empty(), 1, 20));
  }

  @Test
  void migrationsFailLoudly() {
    assertThrows(RuntimeException.class, () -> MongoMigrations.migrate(database));
  }
}
