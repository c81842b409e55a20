package com.minichat.adapters.mongo.team;

import static com.minichat.adapters.mongo.MongoSchema.CREATED_AT;
import static com.minichat.adapters.mongo.MongoSchema.ID;
import static com.minichat.adapters.mongo.MongoSchema.SCHEMA_VERSION;
import static com.minichat.adapters.mongo.MongoSchema.UPDATED_AT;

import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.domain.team.Membership;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Maps {@link Membership} to and from documents of the {@code memberships} collection: {@code _id}
 * ({@link #id}), {@code workspaceId}, {@code userId}, {@code role} (enum name), {@code joinedAt},
 * {@code createdAt} (the join time), {@code updatedAt}, {@code schemaVersion}. The pair
 * (workspaceId, userId) is unique (index of migration {@code 0003-teams-and-api-keys}).
 */
public final class MembershipDocumentMapper {
  public static final String WORKSPACE_ID = "workspaceId";
  public static final String USER_ID = "userId";
  public static final String ROLE = "role";
  public static final String JOINED_AT = "joinedAt";

  /** The fields {@link #toDomain} reads. */
  public static final Bson PROJECTION =
      Projections.include(WORKSPACE_ID, USER_ID, ROLE, JOINED_AT, UPDATED_AT);

  private MembershipDocumentMapper() {}

  /**
   * The primary key of the membership of {@code userId} in {@code workspaceId}: both ids joined by
   * a colon. Deterministic, so that writing the same membership twice (a retried migration, a race)
   * meets a duplicate key instead of creating a second document.
   */
  public static String id(WorkspaceId workspaceId, UserId userId) {
    return workspaceId.value() + ":" + userId.value();
  }

  /** The document stored for {@code membership}. */
  public static Document toDocument(Membership membership) {
    return document(
        membership.workspaceId(),
        membership.userId(),
        membership.role(),
        membership.joinedAt(),
        membership.updatedAt());
  }

  /** A membership document from its parts; also used by the migration that creates owners. */
  public static Document document(
      WorkspaceId workspaceId, UserId userId, Role role, Instant joinedAt, Instant updatedAt) {
    return new Document(ID, id(workspaceId, userId))
        .append(WORKSPACE_ID, workspaceId.value())
        .append(USER_ID, userId.value())
        .append(ROLE, role.name())
        .append(JOINED_AT, MongoSchema.toDate(joinedAt))
        .append(CREATED_AT, MongoSchema.toDate(joinedAt))
        .append(UPDATED_AT, MongoSchema.toDate(updatedAt))
        .append(SCHEMA_VERSION, MongoSchema.CURRENT_SCHEMA_VERSION);
  }

  /** The membership a stored document describes. */
  public static Membership toDomain(Document document) {
    return new Membership(
        new WorkspaceId(document.getString(WORKSPACE_ID)),
        new UserId(document.getString(USER_ID)),
        Role.valueOf(document.getString(ROLE)),
        MongoSchema.toInstant(document.getDate(JOINED_AT)),
        MongoSchema.toInstant(document.getDate(UPDATED_AT)));
  }
}
