package com.minichat.adapters.mongo.team;

import static com.minichat.adapters.mongo.MongoSchema.CREATED_AT;
import static com.minichat.adapters.mongo.MongoSchema.ID;
import static com.minichat.adapters.mongo.MongoSchema.SCHEMA_VERSION;
import static com.minichat.adapters.mongo.MongoSchema.UPDATED_AT;

import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.domain.team.Invitation;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Maps {@link Invitation} to and from documents of the {@code invitations} collection: {@code _id},
 * {@code workspaceId}, {@code email}, {@code role} (enum name), {@code tokenHash} (unique), {@code
 * invitedBy}, {@code expiresAt}, {@code acceptedAt} and {@code revokedAt} (dates, or null), {@code
 * createdAt}, {@code updatedAt}, {@code schemaVersion}.
 */
public final class InvitationDocumentMapper {
  public static final String WORKSPACE_ID = "workspaceId";
  public static final String EMAIL = "email";
  public static final String ROLE = "role";
  public static final String TOKEN_HASH = "tokenHash";
  public static final String INVITED_BY = "invitedBy";
  public static final String EXPIRES_AT = "expiresAt";
  public static final String ACCEPTED_AT = "acceptedAt";
  public static final String REVOKED_AT = "revokedAt";

  /** The fields {@link #toDomain} reads. */
  public static final Bson PROJECTION =
      Projections.include(
          ID,
          WORKSPACE_ID,
          EMAIL,
          ROLE,
          TOKEN_HASH,
          INVITED_BY,
          EXPIRES_AT,
          ACCEPTED_AT,
          REVOKED_AT,
          CREATED_AT);

  private InvitationDocumentMapper() {}

  /** The document stored for {@code invitation}. */
  public static Document toDocument(Invitation invitation) {
    Instant updatedAt =
        Stream.of(invitation.createdAt(), invitation.acceptedAt(), invitation.revokedAt())
            .filter(Objects::nonNull)
            .max(Instant::compareTo)
            .orElseThrow();
    return new Document(ID, invitation.id())
        .append(WORKSPACE_ID, invitation.workspaceId().value())
        .append(EMAIL, invitation.email().value())
        .append(ROLE, invitation.role().name())
        .append(TOKEN_HASH, invitation.tokenHash())
        .append(INVITED_BY, invitation.invitedBy().value())
        .append(EXPIRES_AT, MongoSchema.toDate(invitation.expiresAt()))
        .append(ACCEPTED_AT, MongoSchema.toDateOrNull(invitation.acceptedAt()))
        .append(REVOKED_AT, MongoSchema.toDateOrNull(invitation.revokedAt()))
        .append(CREATED_AT, MongoSchema.toDate(invitation.createdAt()))
        .append(UPDATED_AT, MongoSchema.toDate(updatedAt))
        .append(SCHEMA_VERSION, MongoSchema.CURRENT_SCHEMA_VERSION);
  }

  /** The invitation a stored document describes. */
  public static Invitation toDomain(Document document) {
    return new Invitation(
        document.getString(ID),
        new WorkspaceId(document.getString(WORKSPACE_ID)),
        new Email(document.getString(EMAIL)),
        Role.valueOf(document.getString(ROLE)),
        document.getString(TOKEN_HASH),
        new UserId(document.getString(INVITED_BY)),
        MongoSchema.toInstant(document.getDate(CREATED_AT)),
        MongoSchema.toInstant(document.getDate(EXPIRES_AT)),
        MongoSchema.toInstantOrNull(document.getDate(ACCEPTED_AT)),
        MongoSchema.toInstantOrNull(document.getDate(REVOKED_AT)));
  }
}
