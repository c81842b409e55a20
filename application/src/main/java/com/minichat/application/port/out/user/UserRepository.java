package com.minichat.application.port.out.user;

import com.minichat.domain.user.Email;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import java.util.Optional;

/**
 * Stores users. Implementations throw {@link com.minichat.domain.common.ConflictException} when an
 * e-mail is already taken and {@link com.minichat.domain.common.UpstreamUnavailableException} when
 * the store cannot be reached.
 */
public interface UserRepository {
  /** Adds a new user; the e-mail must be unique. */
  void insert(User user);

  /**
   * Replaces the stored user with the same id, only while the store still holds {@code
   * user.revision()}; the stored revision then rises by one. Two requests that read the same
   * revision cannot both write: the later one gets {@code ConflictException}. {@code
   * NotFoundException} when there is no such user.
   *
   * @return the user as now stored, at its new revision
   */
  User update(User user);

  Optional<User> findById(UserId id);

  Optional<User> findByEmail(Email email);
}
