package com.minichat.adapters.mongo.team;

import static com.minichat.adapters.mongo.team.MembershipDocumentMapper.JOINED_AT;
import static com.minichat.adapters.mongo.team.MembershipDocumentMapper.ROLE;
import static com.minichat.adapters.mongo.team.MembershipDocumentMapper.USER_ID;
import static com.minichat.adapters.mongo.team.MembershipDocumentMapper.WORKSPACE_ID;

import com.minichat.adapters.mongo.CursorPages;
import com.minichat.adapters.mongo.MongoErrors;
import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.application.port.out.team.MembershipRepository;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.team.Membership;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@link MembershipRepository} on the {@code memberships} collection. One membership per
 * (workspace, user), enforced by the deterministic {@code _id} and by the unique index of migration
 * {@code 0003-teams-and-api-keys}. {@link #update} changes only the role and {@code updatedAt}. A
 * user's memberships are paged by {@code (joinedAt, workspaceId)}, served by the index {@code
 * (userId, joinedAt, workspaceId)}.
 */
public final class MongoMembershipRepository implements MembershipRepository {
  private static final String CONFLICT = "This user is already a member of the workspace";
  private static final CursorPages.Order BY_JOIN = new CursorPages.Order(JOINED_AT, WORKSPACE_ID);

  private final MongoCollection<Document> memberships;

  /** A repository on {@code database}, which must have been migrated. */
  public MongoMembershipRepository(MongoDatabase database) {
    this.memberships =
        Objects.requireNonNull(database, "database").getCollection(MongoSchema.MEMBERSHIPS);
  }

  @Override
  public void insert(Membership membership) {
    Document document = MembershipDocumentMapper.toDocument(membership);
    MongoErrors.call("insert membership", CONFLICT, () -> memberships.insertOne(document));
  }

  @Override
  public boolean update(Membership membership, Role expectedRole) {
    Bson change =
        Updates.combine(
            Updates.set(ROLE, membership.role().name()),
            Updates.set(MongoSchema.UPDATED_AT, MongoSchema.toDate(membership.updatedAt())));
    UpdateResult result =
        MongoErrors.call(
            "update membership",
            () ->
                memberships.updateOne(
                    Filters.and(
                        of(membership.workspaceId(), membership.userId()),
                        Filters.eq(ROLE, expectedRole.name())),
                    change));
    if (result.getMatchedCount() == 1) {
      return true;
    }
    if (find(membership.workspaceId(), membership.userId()).isEmpty()) {
      throw new NotFoundException("Membership not found");
    }
    return false;
  }

  @Override
  public boolean delete(WorkspaceId workspaceId, UserId userId, Role expectedRole) {
    return MongoErrors.call(
                "delete membership",
                () ->
                    memberships.deleteOne(
                        Filters.and(
                            of(workspaceId, userId), Filters.eq(ROLE, expectedRole.name()))))
            .getDeletedCount()
        == 1;
  }

  @Override
  public Optional<Membership> find(WorkspaceId workspaceId, UserId userId) {
    Document found =
        MongoErrors.call(
            "find membership",
            () ->
                memberships
                    .find(of(workspaceId, userId))
                    .projection(MembershipDocumentMapper.PROJECTION)
                    .first());
    return Optional.ofNullable(found).map(MembershipDocumentMapper::toDomain);
  }

  @Override
  public List<Membership> findByWorkspace(WorkspaceId workspaceId) {
    List<Document> found =
        MongoErrors.call(
            "find memberships by workspace",
            () ->
                memberships
                    .find(Filters.eq(WORKSPACE_ID, workspaceId.value()))
                    .projection(MembershipDocumentMapper.PROJECTION)
                    .sort(Sorts.ascending(JOINED_AT, USER_ID))
                    .into(new ArrayList<>()));
    return found.stream().map(MembershipDocumentMapper::toDomain).toList();
  }

  @Override
  public Page<Membership> findByUser(UserId userId, PageRequest page) {
    return CursorPages.page(
        memberships,
        "find memberships by user",
        Filters.eq(USER_ID, userId.value()),
        MembershipDocumentMapper.PROJECTION,
        page,
        BY_JOIN,
        MembershipDocumentMapper::toDomain,
        Membership::joinedAt,
        membership -> membership.workspaceId().value());
  }

  private static Bson of(WorkspaceId workspaceId, UserId userId) {
    return Filters.and(
        Filters.eq(WORKSPACE_ID, workspaceId.value()), Filters.eq(USER_ID, userId.value()));
  }
}
