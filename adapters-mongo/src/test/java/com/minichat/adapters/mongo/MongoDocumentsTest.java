package com.minichat.adapters.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.minichat.adapters.mongo.apikey.MongoApiKeyRepository;
import com.minichat.adapters.mongo.audit.MongoAuditLog;
import com.minichat.adapters.mongo.conversation.MongoConversationRepository;
import com.minichat.adapters.mongo.conversation.MongoMessageRepository;
import com.minichat.adapters.mongo.session.MongoRefreshTokenRepository;
import com.minichat.adapters.mongo.team.MongoInvitationRepository;
import com.minichat.adapters.mongo.team.MongoMembershipRepository;
import com.minichat.adapters.mongo.user.MongoOneTimeTokenRepository;
import com.minichat.adapters.mongo.user.MongoUserRepository;
import com.minichat.adapters.mongo.workspace.MongoWorkspaceRepository;
import com.minichat.domain.apikey.ApiKey;
import com.minichat.domain.apikey.ApiKeyId;
import com.minichat.domain.apikey.ApiScope;
import com.minichat.domain.audit.AuditEvent;
import com.minichat.domain.audit.AuditEventType;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.conversation.MessageAuthor;
import com.minichat.domain.conversation.VisitorId;
import com.minichat.domain.session.RefreshToken;
import com.minichat.domain.team.Invitation;
import com.minichat.domain.team.Membership;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.OneTimeToken;
import com.minichat.domain.user.TokenPurpose;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.FaqEntry;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stored shape of every document: its fields, their BSON types and the schema version. */
class MongoDocumentsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

  private final MongoTestTarget.Databases databases =
      new MongoTestTarget.Databases(MongoTestTarget.MEMORY);
  private final MongoDatabase database = databases.fresh();

  @AfterEach
  void dropDatabases() {
    databases.dropAll();
  }

  private Document only(String collection) {
    return only(collection, MongoSchema.CURRENT_SCHEMA_VERSION);
  }

  private Document only(String collection, int schemaVersion) {
    List<Document> all =
        database.getCollection(collection).find().into(new java.util.ArrayList<>());
    assertEquals(1, all.size());
    Document document = all.getFirst();
    assertEquals(schemaVersion, document.getInteger(MongoSchema.SCHEMA_VERSION));
    assertInstanceOf(Date.class, document.get(MongoSchema.CREATED_AT));
    assertInstanceOf(Date.class, document.get(MongoSchema.UPDATED_AT));
    return document;
  }

  @Test
  void everyCollectionStoresTimestampsAndSchemaVersion() {
    User user = new User(UserId.generate(), new Email("a@example.com"), "A", "hash", T0, T0);
    Workspace workspace =
        new Workspace(
            WorkspaceId.generate(),
            "Shop",
            user.id(),
            WidgetKey.generate(),
            "Hi",
            "Be nice",
            List.of(new FaqEntry("Q?", "A.")),
            List.of("shop.example.com"),
            30,
            T0,
            T0.plusSeconds(1));
    Conversation conversation = Conversation.start(workspace.id(), VisitorId.generate(), T0);
    Message message = Message.create(conversation, MessageAuthor.VISITOR, "Hello", T0);
    new MongoUserRepository(database).insert(user);
    new MongoWorkspaceRepository(database).insert(workspace);
    new MongoConversationRepository(database).insert(conversation);
    new MongoMessageRepository(database).insert(message);

    Document storedUser = only(MongoSchema.USERS, 2);
    assertEquals(
        Set.of(
            "_id",
            "email",
            "name",
            "passwordHash",
            "language",
            "emailVerified",
            "loginAttempts",
            "lockUntil",
            "lockouts",
            "previousPasswordHashes",
            "sessionVersion",
            "twoFactor",
            "platformAdmin",
            "revision",
            "createdAt",
            "updatedAt",
            "schemaVersion"),
        storedUser.keySet());
    assertEquals(
        new Document("enabled", false)
            .append("encryptedSecret", null)
            .append("recoveryCodeHashes", List.of())
            .append("lastUsedStep", -1L),
        storedUser.get("twoFactor", Document.class));

    Document storedWorkspace = only(MongoSchema.WORKSPACES);
    assertEquals(
        Set.of(
            "_id",
            "name",
            "ownerId",
            "widgetKey",
            "welcomeMessage",
            "systemPrompt",
            "faq",
            "allowedDomains",
            "dataRetentionDays",
            "requireTwoFactor",
            "encryptedPin",
            "welcomeMessages",
            "appearance",
            "aiPolicy",
            "plan",
            "createdAt",
            "updatedAt",
            "deletedAt",
            "schemaVersion"),
        storedWorkspace.keySet());
    assertNull(storedWorkspace.get("deletedAt"));
    assertEquals(
        List.of(new Document("question", "Q?").append("answer", "A.")),
        storedWorkspace.getList("faq", Document.class));

    Document storedConversation = only(MongoSchema.CONVERSATIONS);
    assertEquals("OPEN", storedConversation.getString("status"));
    assertEquals(workspace.id().value(), storedConversation.getString("workspaceId"));

    Document storedMessage = only(MongoSchema.MESSAGES);
    assertEquals("VISITOR", storedMessage.getString("author"));
    assertEquals(Date.from(T0), storedMessage.getDate(MongoSchema.UPDATED_AT));
    assertEquals(conversation.id().value(), storedMessage.getString("conversationId"));
  }

  @Test
  void tokenAndAuditCollectionsStoreTimestampsAndSchemaVersion() {
    UserId userId = UserId.generate();
    new MongoOneTimeTokenRepository(database)
        .insert(
            new OneTimeToken(
                "ott1", userId, TokenPurpose.VERIFY_EMAIL, "h1", T0, T0.plusSeconds(60), null));
    new MongoRefreshTokenRepository(database)
        .insert(new RefreshToken("rt1", "f1", userId, "h2", T0, T0.plusSeconds(60), null, null));
    new MongoAuditLog(database)
        .record(
            new AuditEvent(
                "ae1",
                AuditEventType.REGISTERED,
                userId,
                "192.0.2.1",
                "UA",
                "",
                T0.plusSeconds(5)));

    Document oneTimeToken = only(MongoSchema.ONE_TIME_TOKENS);
    assertEquals(
        Set.of(
            "_id",
            "userId",
            "purpose",
            "tokenHash",
            "expiresAt",
            "usedAt",
            "createdAt",
            "updatedAt",
            "schemaVersion"),
        oneTimeToken.keySet());
    assertEquals("VERIFY_EMAIL", oneTimeToken.getString("purpose"));
    assertEquals(Date.from(T0), oneTimeToken.getDate(MongoSchema.UPDATED_AT));

    Document refreshToken = only(MongoSchema.REFRESH_TOKENS);
    assertEquals(
        Set.of(
            "_id",
            "familyId",
            "userId",
            "tokenHash",
            "expiresAt",
            "usedAt",
            "revokedAt",
            "createdAt",
            "updatedAt",
            "schemaVersion"),
        refreshToken.keySet());
    assertEquals(userId.value(), refreshToken.getString("userId"));

    Document auditEvent = only(MongoSchema.AUDIT_LOG);
    assertEquals(
        Set.of(
            "_id",
            "type",
            "userId",
            "ip",
            "userAgent",
            "detail",
            "at",
            "createdAt",
            "updatedAt",
            "schemaVersion"),
        auditEvent.keySet());
    assertEquals("REGISTERED", auditEvent.getString("type"));
    assertEquals(Date.from(T0.plusSeconds(5)), auditEvent.getDate("at"));
    assertEquals(Date.from(T0.plusSeconds(5)), auditEvent.getDate(MongoSchema.CREATED_AT));
  }

  @Test
  void usingAndRevokingTokensStampsUpdatedAt() {
    UserId userId = UserId.generate();
    MongoOneTimeTokenRepository oneTimeTokens = new MongoOneTimeTokenRepository(database);
    oneTimeTokens.insert(
        new OneTimeToken(
            "ott1", userId, TokenPurpose.RESET_PASSWORD, "h1", T0, T0.plusSeconds(60), null));
    oneTimeTokens.consume("h1", TokenPurpose.RESET_PASSWORD, T0.plusSeconds(7));
    MongoRefreshTokenRepository refreshTokens = new MongoRefreshTokenRepository(database);
    refreshTokens.insert(
        new RefreshToken("rt1", "f1", userId, "h2", T0, T0.plusSeconds(60), null, null));
    refreshTokens.markUsed("rt1", T0.plusSeconds(8));
    refreshTokens.revokeFamily("f1", T0.plusSeconds(9));

    Document oneTimeToken = only(MongoSchema.ONE_TIME_TOKENS);
    assertEquals(Date.from(T0.plusSeconds(7)), oneTimeToken.getDate("usedAt"));
    assertEquals(Date.from(T0.plusSeconds(7)), oneTimeToken.getDate(MongoSchema.UPDATED_AT));
    assertEquals(Date.from(T0), oneTimeToken.getDate(MongoSchema.CREATED_AT));
    Document refreshToken = only(MongoSchema.REFRESH_TOKENS);
    assertEquals(Date.from(T0.plusSeconds(8)), refreshToken.getDate("usedAt"));
    assertEquals(Date.from(T0.plusSeconds(9)), refreshToken.getDate("revokedAt"));
    assertEquals(Date.from(T0.plusSeconds(9)), refreshToken.getDate(MongoSchema.UPDATED_AT));
  }

  private static Workspace shop(UserId owner) {
    return new Workspace(
        WorkspaceId.generate(),
        "Shop",
        owner,
        WidgetKey.generate(),
        "Hi",
        "",
        List.of(),
        List.of(),
        30,
        T0,
        T0);
  }

  private static ApiKey apiKey(WorkspaceId workspaceId) {
    return new ApiKey(
        new ApiKeyId("key1"),
        workspaceId,
        "Backend",
        "mc_live_3fA9",
        "sha256:secret",
        ApiScope.WRITE,
        UserId.generate(),
        T0,
        T0.plus(ApiKey.DEFAULT_LIFETIME),
        null,
        null,
        null);
  }

  @Test
  void teamAndApiKeyCollectionsStoreTimestampsAndSchemaVersion() {
    UserId userId = UserId.generate();
    WorkspaceId workspaceId = WorkspaceId.generate();
    new MongoMembershipRepository(database)
        .insert(new Membership(workspaceId, userId, Role.ADMIN, T0, T0.plusSeconds(1)));
    new MongoInvitationRepository(database)
        .insert(
            new Invitation(
                "inv1",
                workspaceId,
                new Email("new@example.com"),
                Role.MEMBER,
                "sha256:token",
                userId,
                T0,
                T0.plus(Invitation.LIFETIME),
                null,
                null));
    new MongoApiKeyRepository(database).insert(apiKey(workspaceId));

    Document membership = only(MongoSchema.MEMBERSHIPS);
    assertEquals(
        Set.of(
            "_id",
            "workspaceId",
            "userId",
            "role",
            "joinedAt",
            "createdAt",
            "updatedAt",
            "schemaVersion"),
        membership.keySet());
    assertEquals(workspaceId.value() + ":" + userId.value(), membership.getString("_id"));
    assertEquals("ADMIN", membership.getString("role"));
    assertEquals(Date.from(T0), membership.getDate("joinedAt"));
    assertEquals(Date.from(T0), membership.getDate(MongoSchema.CREATED_AT));
    assertEquals(Date.from(T0.plusSeconds(1)), membership.getDate(MongoSchema.UPDATED_AT));

    Document invitation = only(MongoSchema.INVITATIONS);
    assertEquals(
        Set.of(
            "_id",
            "workspaceId",
            "email",
            "role",
            "tokenHash",
            "invitedBy",
            "expiresAt",
            "acceptedAt",
            "revokedAt",
            "createdAt",
            "updatedAt",
            "schemaVersion"),
        invitation.keySet());
    assertEquals("new@example.com", invitation.getString("email"));
    assertEquals("MEMBER", invitation.getString("role"));
    assertEquals(Date.from(T0), invitation.getDate(MongoSchema.UPDATED_AT));

    Document key = only(MongoSchema.API_KEYS);
    assertEquals(
        Set.of(
            "_id",
            "workspaceId",
            "name",
            "hint",
            "secretHash",
            "scope",
            "createdBy",
            "expiresAt",
            "lastUsedAt",
            "revokedAt",
            "replacedBy",
            "expiryWarnedAt",
            "createdAt",
            "updatedAt",
            "schemaVersion"),
        key.keySet());
    assertEquals("WRITE", key.getString("scope"));
    assertEquals("sha256:secret", key.getString("secretHash"));
    assertEquals(Date.from(T0), key.getDate(MongoSchema.UPDATED_AT));
  }

  @Test
  void changesStampUpdatedAt() {
    UserId userId = UserId.generate();
    WorkspaceId workspaceId = WorkspaceId.generate();
    MongoMembershipRepository memberships = new MongoMembershipRepository(database);
    Membership member = new Membership(workspaceId, userId, Role.MEMBER, T0, T0);
    memberships.insert(member);
    memberships.update(member.withRole(Role.ADMIN, T0.plusSeconds(5)), Role.MEMBER);
    MongoInvitationRepository invitations = new MongoInvitationRepository(database);
    invitations.insert(
        new Invitation(
            "inv1",
            workspaceId,
            new Email("new@example.com"),
            Role.MEMBER,
            "sha256:token",
            userId,
            T0,
            T0.plus(Invitation.LIFETIME),
            null,
            null));
    invitations.markAccepted("inv1", T0.plusSeconds(7));
    Clock clock = Clock.fixed(T0.plusSeconds(9), ZoneOffset.UTC);
    MongoApiKeyRepository keys = new MongoApiKeyRepository(database, clock);
    ApiKey key = apiKey(workspaceId);
    keys.insert(key);
    keys.update(key.revoked(T0.plusSeconds(8)));
    keys.touch(key.id(), T0.plusSeconds(20));

    Document membership = only(MongoSchema.MEMBERSHIPS);
    assertEquals("ADMIN", membership.getString("role"));
    assertEquals(Date.from(T0.plusSeconds(5)), membership.getDate(MongoSchema.UPDATED_AT));
    Document invitation = only(MongoSchema.INVITATIONS);
    assertEquals(Date.from(T0.plusSeconds(7)), invitation.getDate("acceptedAt"));
    assertEquals(Date.from(T0.plusSeconds(7)), invitation.getDate(MongoSchema.UPDATED_AT));
    Document storedKey = only(MongoSchema.API_KEYS);
    assertEquals(Date.from(T0.plusSeconds(8)), storedKey.getDate("revokedAt"));
    assertEquals(Date.from(T0.plusSeconds(20)), storedKey.getDate("lastUsedAt"));
    assertEquals(Date.from(T0.plusSeconds(9)), storedKey.getDate(MongoSchema.UPDATED_AT));
    assertEquals(Date.from(T0), storedKey.getDate(MongoSchema.CREATED_AT));
  }

  @Test
  void softDeleteAndRestoreAreRecordedBesideTheWorkspace() {
    MongoWorkspaceRepository workspaces = new MongoWorkspaceRepository(database);
    Workspace workspace = shop(UserId.generate());
    workspaces.insert(workspace);

    workspaces.markDeleted(workspace.id(), T0.plusSeconds(60));
    Document deleted = only(MongoSchema.WORKSPACES);
    workspaces.restore(workspace.id(), T0.plusSeconds(120));
    workspaces.update(workspace);
    Document restored = only(MongoSchema.WORKSPACES);

    assertEquals(Date.from(T0.plusSeconds(60)), deleted.getDate("deletedAt"));
    assertEquals(Date.from(T0), deleted.getDate(MongoSchema.UPDATED_AT));
    assertNull(restored.get("deletedAt"));
    assertEquals(Date.from(T0.plusSeconds(120)), restored.getDate("restoredAt"));
  }
}
