package com.minichat.adapters.mongo.user;

import com.minichat.adapters.mongo.MongoErrors;
import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.application.port.out.user.UserRepository;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.result.UpdateResult;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@link UserRepository} on the {@code users} collection. E-mail uniqueness relies on the unique
 * index created by migration {@code 0001-create-indexes}; {@link #update} replaces the whole
 * document (last write wins) and throws {@link NotFoundException} for an unknown id.
 */
public final class MongoUserRepository implements UserRepository {
  private static final String CONFLICT = "This e-mail is already registered";

  private final MongoCollection<Document> users;

  /** A repository on {@code database}, which must have been migrated. */
  public MongoUserRepository(MongoDatabase database) {
    this.users = Objects.requireNonNull(database, "database").getCollection(MongoSchema.USERS);
  }

  @Override
  public void insert(User user) {
    Document document = UserDocumentMapper.toDocument(user);
    MongoErrors.call("insert user", CONFLICT, () -> users.insertOne(document));
  }

  @Override
  public User update(User user) {
    Document document = UserDocumentMapper.toDocument(user);
    document.put(UserDocumentMapper.REVISION, user.revision() + 1);
    Bson sameRevision =
        user.revision() == 0
            ? Filters.or(
                Filters.eq(UserDocumentMapper.REVISION, 0L),
                Filters.exists(UserDocumentMapper.REVISION, false))
            : Filters.eq(UserDocumentMapper.REVISION, user.revision());
    UpdateResult result =
        MongoErrors.call(
            "update user",
            CONFLICT,
            () ->
                users.replaceOne(
                    Filters.and(Filters.eq(MongoSchema.ID, user.id().value()), sameRevision),
                    document));
    if (result.getMatchedCount() == 1) {
      return user.atRevision(user.revision() + 1);
    }
    if (findById(user.id()).isEmpty()) {
      throw new NotFoundException("User not found");
    }
    throw new ConflictException("The account changed meanwhile; try again");
  }

  @Override
  public Optional<User> findById(UserId id) {
    return findOne("find user by id", Filters.eq(MongoSchema.ID, id.value()));
  }

  @Override
  public Optional<User> findByEmail(Email email) {
    return findOne("find user by email", Filters.eq(UserDocumentMapper.EMAIL, email.value()));
  }

  private Optional<User> findOne(String operation, Bson filter) {
    Document found =
        MongoErrors.call(
            operation, () -> users.find(filter).projection(UserDocumentMapper.PROJECTION).first());
    return Optional.ofNullable(found).map(UserDocumentMapper::toDomain);
  }
}
