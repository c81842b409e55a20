package com.minichat.domain.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a key counts as expiring soon, and what its copies keep. */
class ApiKeyTest {
  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  private static ApiKey key() {
    return new ApiKey(
        ApiKeyId.generate(),
        WorkspaceId.generate(),
        "CRM",
        "mc_live_abcd",
        "hash",
        ApiScope.READ,
        UserId.generate(),
        T0,
        T0.plus(ApiKey.DEFAULT_LIFETIME),
        null,
        null,
        null);
  }

  @Test
  void aKeyExpiresSoonInItsLastSevenDaysOnly() {
    ApiKey key = key();
    Instant expiry = key.expiresAt();

    assertFalse(key.expiresSoon(expiry.minus(Duration.ofDays(8))));
    assertTrue(key.expiresSoon(expiry.minus(Duration.ofDays(7))));
    assertTrue(key.expiresSoon(expiry.minusSeconds(1)));
    assertFalse(key.expiresSoon(expiry), "an expired key is no longer expiring");
    assertFalse(key.revoked(T0).expiresSoon(expiry.minus(Duration.ofDays(1))));
  }

  @Test
  void aKeyInItsRotationGraceIsNotExpiringSoon() {
    ApiKey rotated = key().rotatedTo(ApiKeyId.generate(), T0.plus(Duration.ofDays(30)));

    assertFalse(rotated.expiresSoon(rotated.expiresAt().minusSeconds(60)));
  }

  @Test
  void copiesKeepTheWarning() {
    Instant warned = T0.plus(Duration.ofDays(84));
    ApiKey key = key().warnedOfExpiry(warned);

    assertEquals(warned, key.revoked(warned.plusSeconds(1)).expiryWarnedAt());
    assertEquals(warned, key.rotatedTo(ApiKeyId.generate(), warned).expiryWarnedAt());
  }
}
