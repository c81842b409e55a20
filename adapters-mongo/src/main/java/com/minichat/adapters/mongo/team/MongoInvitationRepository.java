package com.minichat.adapters.mongo.team;

import static com.minichat.adapters.mongo.team.InvitationDocumentMapper.ACCEPTED_AT;
import static com.minichat.adapters.mongo.team.InvitationDocumentMapper.EXPIRES_AT;
import static com.minichat.adapters.mongo.team.InvitationDocumentMapper.REVOKED_AT;
import static com.minichat.adapters.mongo.team.InvitationDocumentMapper.TOKEN_HASH;
import static com.minichat.adapters.mongo.team.InvitationDocumentMapper.WORKSPACE_ID;

import com.minichat.adapters.mongo.MongoErrors;
import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.application.port.out.team.InvitationRepository;
import com.minichat.domain.team.Invitation;
import com.minichat.domain.workspace.WorkspaceId;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@link InvitationRepository} on the {@code invitations} collection. Token-hash uniqueness relies
 * on the unique index created by migration {@code 0003-teams-and-api-keys}. An invitation is open
 * while {@code acceptedAt} and {@code revokedAt} are null and {@code now < expiresAt}; {@link
 * #markAccepted} and {@link #revoke} are single conditional updates on exactly that, so of
 * concurrent acceptances exactly one succeeds. Expired invitations stay until a clean-up job
 * removes them (no TTL index: mongo-java-server never applies one).
 */
public final class MongoInvitationRepository implements InvitationRepository {
  private static final String CONFLICT = "This invitation already exists";

  private final MongoCollection<Document> invitations;

  /** A repository on {@code database}, which must have been migrated. */
  public MongoInvitationRepository(MongoDatabase database) {
    this.invitations =
        Objects.requireNonNull(database, "database").getCollection(MongoSchema.INVITATIONS);
  }

  @Override
  public void insert(Invitation invitation) {
    Document document = InvitationDocumentMapper.toDocument(invitation);
    MongoErrors.call("insert invitation", CONFLICT, () -> invitations.insertOne(document));
  }

  @Override
  public Optional<Invitation> findById(String id) {
    return findOne("find invitation by id", Filters.eq(MongoSchema.ID, id));
  }

  @Override
  public Optional<Invitation> findOpenByTokenHash(String tokenHash, Instant now) {
    return findOne(
        "find open invitation by token hash",
        Filters.and(Filters.eq(TOKEN_HASH, tokenHash), open(now)));
  }

  @Override
  public boolean markAccepted(String id, Instant now) {
    return closeIfOpen("accept invitation", id, ACCEPTED_AT, now);
  }

  @Override
  public void revoke(String id, Instant now) {
    closeIfOpen("revoke invitation", id, REVOKED_AT, now);
  }

  @Override
  public List<Invitation> findOpenByWorkspace(WorkspaceId workspaceId, Instant now) {
    Bson filter = Filters.and(Filters.eq(WORKSPACE_ID, workspaceId.value()), open(now));
    List<Document> found =
        MongoErrors.call(
            "find open invitations of workspace",
            () ->
                invitations
                    .find(filter)
                    .projection(InvitationDocumentMapper.PROJECTION)
                    .sort(Sorts.descending(MongoSchema.CREATED_AT, MongoSchema.ID))
                    .into(new ArrayList<>()));
    return found.stream().map(InvitationDocumentMapper::toDomain).toList();
  }

  /** Sets {@code field} to {@code now} if the invitation is still open; whether it was. */
  private boolean closeIfOpen(String operation, String id, String field, Instant now) {
    Date at = MongoSchema.toDate(now);
    Bson openOne = Filters.and(Filters.eq(MongoSchema.ID, id), open(now));
    UpdateResult result =
        MongoErrors.call(
            operation,
            () ->
                invitations.updateOne(
                    openOne,
                    Updates.combine(
                        Updates.set(field, at), Updates.set(MongoSchema.UPDATED_AT, at))));
    return result.getModifiedCount() == 1;
  }

  private static Bson open(Instant now) {
    return Filters.and(
        Filters.eq(ACCEPTED_AT, null),
        Filters.eq(REVOKED_AT, null),
        Filters.gt(EXPIRES_AT, MongoSchema.toDate(now)));
  }

  private Optional<Invitation> findOne(String operation, Bson filter) {
    Document found =
        MongoErrors.call(
            operation,
            () -> invitations.find(filter).projection(InvitationDocumentMapper.PROJECTION).first());
    return Optional.ofNullable(found).map(InvitationDocumentMapper::toDomain);
  }
}
