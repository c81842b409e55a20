package com.minichat.application.port.out.user;

import com.minichat.domain.user.OneTimeToken;
import com.minichat.domain.user.TokenPurpose;
import com.minichat.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** Stores the hashes of e-mailed single-use tokens. */
public interface OneTimeTokenRepository {
  void insert(OneTimeToken token);

  /**
   * The unused, unexpired token with {@code tokenHash} and {@code purpose}, without using it up (to
   * check a request before spending the token).
   */
  Optional<OneTimeToken> findUsable(String tokenHash, TokenPurpose purpose, Instant now);

  /**
   * Atomically marks the unused, unexpired token with {@code tokenHash} and {@code purpose} as used
   * at {@code now} and returns it; empty when there is no such token, it expired or it was already
   * used (also when two requests race for it: only one wins).
   */
  Optional<OneTimeToken> consume(String tokenHash, TokenPurpose purpose, Instant now);

  /**
   * Makes every unused token of {@code userId} for {@code purpose} unusable (a newer one was sent).
   */
  void invalidateAll(UserId userId, TokenPurpose purpose, Instant now);
}
