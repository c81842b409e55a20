package com.minichat.adapters.mongo;

import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.DomainException;
import com.minichat.domain.common.UpstreamUnavailableException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns driver exceptions into the exceptions the ports declare: a duplicate key (code 11000) into
 * {@link ConflictException}, every other {@link MongoException} into {@link
 * UpstreamUnavailableException}. Nothing from the driver leaks past a repository.
 */
public final class MongoErrors {
  private static final Logger LOG = LoggerFactory.getLogger(MongoErrors.class);

  private MongoErrors() {}

  /** Runs a read or write; duplicate keys are reported with {@code conflictMessage}. */
  public static <T> T call(String operation, String conflictMessage, Supplier<T> action) {
    try {
      return action.get();
    } catch (MongoException e) {
      throw translate(operation, conflictMessage, e);
    }
  }

  /** Runs an operation that cannot meet a duplicate key (a query). */
  public static <T> T call(String operation, Supplier<T> action) {
    return call(operation, "Duplicate value", action);
  }

  /** Whether the server refused a write because a unique index already holds the value. */
  public static boolean isDuplicateKey(MongoException e) {
    return ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY;
  }

  /** The port-level exception for {@code e}. */
  public static DomainException translate(
      String operation, String conflictMessage, MongoException e) {
    if (isDuplicateKey(e)) {
      return new ConflictException(conflictMessage);
    }
    LOG.warn("mongodb operation failed operation={} error={}", operation, e.toString());
    return new UpstreamUnavailableException("The database is unavailable", e);
  }
}
