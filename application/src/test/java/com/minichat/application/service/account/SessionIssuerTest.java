package com.minichat.application.service.account;

import static com.minichat.application.service.account.IdentityFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.port.in.account.Session;
import com.minichat.application.port.out.security.AccessClaims;
import com.minichat.domain.session.RefreshToken;
import com.minichat.domain.user.User;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionIssuerTest {
  private IdentityFixture fx;
  private SessionIssuer issuer;
  private User user;

  @BeforeEach
  void setUp() {
    fx = new IdentityFixture();
    issuer = fx.issuer;
    user = fx.existingUser();
  }

  @Test
  void startIssuesAnAccessTokenAndARefreshTokenStoredOnlyAsHash() {
    Session session = issuer.start(user);

    assertEquals(
        new AccessClaims(user.id(), 0), fx.tokens.verifyAccessToken(session.accessToken()));
    assertEquals(user, session.user());
    assertEquals(T0.plus(Duration.ofDays(30)), session.refreshExpiresAt());
    RefreshToken stored = fx.refreshTokens.all().getFirst();
    assertEquals(fx.secretHasher.hash(session.refreshToken()), stored.tokenHash());
    assertNotEquals(session.refreshToken(), stored.tokenHash());
    assertEquals(user.id(), stored.userId());
    assertEquals(T0, stored.createdAt());
    assertEquals(session.refreshExpiresAt(), stored.expiresAt());
    assertNull(stored.usedAt());
    assertNull(stored.revokedAt());
    assertTrue(session.refreshToken().length() >= 43, "32 random bytes, URL-safe Base64");
  }

  @Test
  void everySessionStartsItsOwnFamily() {
    Session first = issuer.start(user);
    Session second = issuer.start(user);

    assertNotEquals(
        fx.stored(first.refreshToken()).familyId(), fx.stored(second.refreshToken()).familyId());
    assertNotEquals(first.refreshToken(), second.refreshToken());
  }

  @Test
  void issueContinuesAFamily() {
    Session first = issuer.start(user);
    String family = fx.stored(first.refreshToken()).familyId();

    Session next = issuer.issue(user, family);

    assertEquals(family, fx.stored(next.refreshToken()).familyId());
  }

  @Test
  void findLooksUpByHash() {
    Session session = issuer.start(user);

    assertEquals(
        Optional.of(fx.stored(session.refreshToken())), issuer.find(session.refreshToken()));
    assertEquals(Optional.empty(), issuer.find("unknown"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void findOfNoTokenIsEmpty(String token) {
    assertEquals(Optional.empty(), issuer.find(token));
  }

  @Test
  void keepOnlyCurrentRevokesOtherFamiliesAndRenewsTheCurrentOne() {
    Session mine = issuer.start(user);
    Session other = issuer.start(user);
    String family = fx.stored(mine.refreshToken()).familyId();

    Session renewed = issuer.keepOnlyCurrent(user, mine.refreshToken());

    assertEquals(family, fx.stored(renewed.refreshToken()).familyId());
    assertNotNull(fx.stored(mine.refreshToken()).usedAt(), "the old token is used up");
    assertNull(fx.stored(mine.refreshToken()).revokedAt());
    assertNotNull(fx.stored(other.refreshToken()).revokedAt());
    assertEquals(
        List.of(fx.stored(renewed.refreshToken())),
        fx.refreshTokens.findActiveOfUser(user.id(), T0));
  }

  @Test
  void keepOnlyCurrentWithoutATokenEndsEverySessionAndStartsANewOne() {
    Session old = issuer.start(user);

    Session fresh = issuer.keepOnlyCurrent(user, null);

    assertNotNull(fx.stored(old.refreshToken()).revokedAt());
    assertNotEquals(
        fx.stored(old.refreshToken()).familyId(), fx.stored(fresh.refreshToken()).familyId());
    assertNull(fx.stored(fresh.refreshToken()).revokedAt());
  }

  @Test
  void keepOnlyCurrentIgnoresAnotherUsersToken() {
    User stranger = fx.existingUser("stranger@example.com", "Other-Pass-77");
    Session theirs = issuer.start(stranger);
    Session mine = issuer.start(user);

    Session result = issuer.keepOnlyCurrent(user, theirs.refreshToken());

    RefreshToken theirsStored = fx.stored(theirs.refreshToken());
    assertNull(theirsStored.usedAt(), "another user's session is untouched");
    assertNull(theirsStored.revokedAt());
    assertNotNull(fx.stored(mine.refreshToken()).revokedAt());
    assertNotEquals(theirsStored.familyId(), fx.stored(result.refreshToken()).familyId());
    assertEquals(user.id(), fx.stored(result.refreshToken()).userId());
  }

  @Test
  void keepOnlyCurrentDoesNotRenewARevokedOrUsedToken() {
    Session revoked = issuer.start(user);
    fx.refreshTokens.revokeFamily(fx.stored(revoked.refreshToken()).familyId(), T0);
    Session used = issuer.start(user);
    fx.refreshTokens.markUsed(fx.stored(used.refreshToken()).id(), T0);

    Session fromRevoked = issuer.keepOnlyCurrent(user, revoked.refreshToken());
    Session fromUsed = issuer.keepOnlyCurrent(user, used.refreshToken());

    assertNotEquals(
        fx.stored(revoked.refreshToken()).familyId(),
        fx.stored(fromRevoked.refreshToken()).familyId());
    assertNotEquals(
        fx.stored(used.refreshToken()).familyId(), fx.stored(fromUsed.refreshToken()).familyId());
    assertFalse(fx.refreshTokens.findActiveOfUser(user.id(), T0).isEmpty());
  }
}
