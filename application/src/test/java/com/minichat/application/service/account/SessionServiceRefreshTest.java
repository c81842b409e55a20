package com.minichat.application.service.account;

import static com.minichat.application.service.account.IdentityFixture.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.minichat.application.port.in.account.Session;
import com.minichat.application.port.out.security.AccessClaims;
import com.minichat.domain.audit.AuditEvent;
import com.minichat.domain.audit.AuditEventType;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.session.RefreshToken;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionServiceRefreshTest {
  private static final String SIGN_IN_AGAIN = "The session has ended; sign in again";

  private IdentityFixture fx;
  private User user;

  @BeforeEach
  void setUp() {
    fx = new IdentityFixture();
    user = fx.existingUser();
  }

  private AuthenticationException refreshRefused(String refreshToken) {
    return assertThrows(
        AuthenticationException.class, () -> fx.sessions.refresh(refreshToken, CLIENT));
  }

  private AuthenticationException authenticateRefused(String accessToken) {
    return assertThrows(AuthenticationException.class, () -> fx.sessions.authenticate(accessToken));
  }

  @Test
  void refreshRotatesWithinTheFamily() {
    Session first = fx.logIn();
    fx.clock.advance(Duration.ofDays(1));

    Session second = fx.sessions.refresh(first.refreshToken(), CLIENT);

    assertNotEquals(first.refreshToken(), second.refreshToken());
    assertNotEquals(first.accessToken(), second.accessToken());
    RefreshToken old = fx.stored(first.refreshToken());
    RefreshToken current = fx.stored(second.refreshToken());
    assertEquals(old.familyId(), current.familyId());
    assertEquals(fx.clock.peek(), old.usedAt());
    assertNull(old.revokedAt());
    assertNull(current.usedAt());
    assertEquals(fx.clock.peek().plus(Duration.ofDays(30)), second.refreshExpiresAt());
    assertEquals(user.id(), fx.sessions.authenticate(second.accessToken()).id());
  }

  @Test
  void aChainOfRefreshesKeepsWorking() {
    Session session = fx.logIn();
    for (int i = 0; i < 5; i++) {
      fx.clock.advance(Duration.ofDays(20));
      session = fx.sessions.refresh(session.refreshToken(), CLIENT);
    }

    assertEquals(user.id(), session.user().id());
    assertEquals(1, fx.refreshTokens.findActiveOfUser(user.id(), fx.clock.peek()).size());
  }

  @Test
  void reusingAnOldTokenRevokesTheWholeFamilyAndIsAudited() {
    Session first = fx.logIn();
    Session second = fx.sessions.refresh(first.refreshToken(), CLIENT);
    Session unrelated = fx.logIn();

    AuthenticationException reuse = refreshRefused(first.refreshToken());

    assertEquals(SIGN_IN_AGAIN, reuse.getMessage());
    assertNotNull(fx.stored(first.refreshToken()).revokedAt());
    assertNotNull(fx.stored(second.refreshToken()).revokedAt());
    refreshRefused(second.refreshToken());
    List<AuditEvent> reused = fx.audits(AuditEventType.REFRESH_TOKEN_REUSED);
    assertEquals(1, reused.size());
    assertEquals(user.id(), reused.getFirst().userId());
    assertNull(fx.stored(unrelated.refreshToken()).revokedAt(), "other sessions go on");
    fx.sessions.refresh(unrelated.refreshToken(), CLIENT);
  }

  @Test
  void theRefreshTokenExpiresAfterThirtyDaysWithoutUse() {
    Session session = fx.logIn();

    fx.clock.advance(Duration.ofDays(30));

    assertEquals(SIGN_IN_AGAIN, refreshRefused(session.refreshToken()).getMessage());
    assertEquals(List.of(), fx.audits(AuditEventType.REFRESH_TOKEN_REUSED));
  }

  @Test
  void unknownOrMissingRefreshTokensAreRefused() {
    fx.logIn();

    refreshRefused("forged");
    refreshRefused("");
    refreshRefused(null);
  }

  @Test
  void logOutRevokesTheFamilyOnly() {
    Session first = fx.logIn();
    Session rotated = fx.sessions.refresh(first.refreshToken(), CLIENT);
    Session other = fx.logIn();

    fx.sessions.logOut(rotated.refreshToken(), CLIENT);

    assertNotNull(fx.stored(rotated.refreshToken()).revokedAt());
    assertNotNull(fx.stored(first.refreshToken()).revokedAt());
    assertEquals(SIGN_IN_AGAIN, refreshRefused(rotated.refreshToken()).getMessage());
    assertEquals(List.of(), fx.audits(AuditEventType.REFRESH_TOKEN_REUSED));
    assertNull(fx.stored(other.refreshToken()).revokedAt());
    AuditEvent event = fx.audits(AuditEventType.LOGGED_OUT).getFirst();
    assertEquals(user.id(), event.userId());
  }

  @Test
  void logOutWithAnOldTokenOfTheFamilyStillEndsIt() {
    Session first = fx.logIn();
    Session rotated = fx.sessions.refresh(first.refreshToken(), CLIENT);

    fx.sessions.logOut(first.refreshToken(), CLIENT);

    refreshRefused(rotated.refreshToken());
  }

  @Test
  void logOutOfAnUnknownOrMissingTokenIsFine() {
    fx.sessions.logOut("forged", CLIENT);
    fx.sessions.logOut(null, CLIENT);

    assertEquals(List.of(), fx.auditLog.all());
  }

  @Test
  void logOutEverywhereEndsAccessTokensAndEverySession() {
    Session first = fx.logIn();
    Session second = fx.logIn();
    assertEquals(user.id(), fx.sessions.authenticate(first.accessToken()).id());

    fx.sessions.logOutEverywhere(user.id(), CLIENT);

    assertEquals(SIGN_IN_AGAIN, authenticateRefused(first.accessToken()).getMessage());
    authenticateRefused(second.accessToken());
    refreshRefused(first.refreshToken());
    refreshRefused(second.refreshToken());
    assertEquals(1, fx.reload(user).sessionVersion());
    assertEquals(List.of(), fx.refreshTokens.findActiveOfUser(user.id(), fx.clock.peek()));
    assertEquals(1, fx.audits(AuditEventType.LOGGED_OUT_EVERYWHERE).size());

    Session again = fx.logIn();
    assertEquals(user.id(), fx.sessions.authenticate(again.accessToken()).id());
  }

  @Test
  void logOutEverywhereLeavesOtherUsersAlone() {
    User other = fx.existingUser("other@example.com", "Other-Pass-77");
    Session theirs = fx.logIn("other@example.com", "Other-Pass-77");
    fx.logIn();

    fx.sessions.logOutEverywhere(user.id(), CLIENT);

    assertEquals(other.id(), fx.sessions.authenticate(theirs.accessToken()).id());
    fx.sessions.refresh(theirs.refreshToken(), CLIENT);
  }

  @Test
  void authenticateRefusesUnknownTokensAndUnknownUsers() {
    authenticateRefused("forged");
    String orphan = fx.tokens.issueAccessToken(new AccessClaims(new UserId("gone"), 0));
    authenticateRefused(orphan);
  }
}
