package com.minichat.adapters.mongo.user;

import static com.minichat.adapters.mongo.MongoSchema.CREATED_AT;
import static com.minichat.adapters.mongo.MongoSchema.ID;
import static com.minichat.adapters.mongo.MongoSchema.SCHEMA_VERSION;
import static com.minichat.adapters.mongo.MongoSchema.UPDATED_AT;

import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Maps {@link User} to and from documents of the {@code users} collection: {@code _id}, {@code
 * email} (unique, lower case), {@code name}, {@code passwordHash}, {@code createdAt}, {@code
 * updatedAt}, {@code schemaVersion}.
 */
public final class UserDocumentMapper {
  public static final String EMAIL = "email";
  public static final String NAME = "name";
  public static final String PASSWORD_HASH = "passwordHash";

  /** The fields {@link #toDomain} reads. */
  public static final Bson PROJECTION =
      Projections.include(ID, EMAIL, NAME, PASSWORD_HASH, CREATED_AT, UPDATED_AT);

  private UserDocumentMapper() {}

  /** The document stored for {@code user}. */
  public static Document toDocument(User user) {
    return new Document(ID, user.id().value())
        .append(EMAIL, user.email().value())
        .append(NAME, user.name())
        .append(PASSWORD_HASH, user.passwordHash())
        .append(CREATED_AT, MongoSchema.toDate(user.createdAt()))
        .append(UPDATED_AT, MongoSchema.toDate(user.updatedAt()))
        .append(SCHEMA_VERSION, MongoSchema.CURRENT_SCHEMA_VERSION);
  }

  /** The user a stored document describes. */
  public static User toDomain(Document document) {
    return new User(
        new UserId(document.getString(ID)),
        new Email(document.getString(EMAIL)),
        document.getString(NAME),
        document.getString(PASSWORD_HASH),
        MongoSchema.toInstant(document.getDate(CREATED_AT)),
        MongoSchema.toInstant(document.getDate(UPDATED_AT)));
  }
}
