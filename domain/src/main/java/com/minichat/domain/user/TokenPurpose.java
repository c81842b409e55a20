package com.minichat.domain.user;

import java.time.Duration;

/** What a single-use e-mailed token allows, and for how long. */
public enum TokenPurpose {
  VERIFY_EMAIL(Duration.ofHours(24)),
  RESET_PASSWORD(Duration.ofHours(1)),
  UNLOCK_ACCOUNT(Duration.ofHours(24));

  private final Duration lifetime;

  TokenPurpose(Duration lifetime) {
    this.lifetime = lifetime;
  }

  public Duration lifetime() {
    return lifetime;
  }
}
