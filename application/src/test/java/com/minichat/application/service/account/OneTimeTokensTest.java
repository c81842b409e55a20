package com.minichat.application.service.account;

import static com.minichat.application.service.account.IdentityFixture.BASE_URL;
import static com.minichat.application.service.account.IdentityFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.domain.common.FieldViolation;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.user.OneTimeToken;
import com.minichat.domain.user.TokenPurpose;
import com.minichat.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OneTimeTokensTest {
  private static final UserId USER = new UserId("user-1");
  private static final FieldViolation UNUSABLE =
      new FieldViolation("token", "is invalid, expired or already used; ask for a new e-mail");

  private IdentityFixture fx;
  private OneTimeTokens tokens;

  @BeforeEach
  void setUp() {
    fx = new IdentityFixture();
    tokens = fx.oneTimeTokens;
  }

  private static String tokenOf(String link) {
    return link.substring(link.indexOf("?token=") + "?token=".length());
  }

  private static void assertUnusable(Runnable action) {
    ValidationException thrown = assertThrows(ValidationException.class, action::run);
    assertEquals(List.of(UNUSABLE), thrown.violations());
  }

  @Test
  void aLinkPointsToThePublicSiteAndOnlyTheHashOfItsTokenIsStored() {
    String link = tokens.link(USER, TokenPurpose.VERIFY_EMAIL, "/verify-email");

    assertTrue(link.startsWith(BASE_URL + "/verify-email?token="), link);
    String token = tokenOf(link);
    assertEquals(64, token.length(), "32 random bytes in hex");
    OneTimeToken stored = fx.oneTimeTokenStore.all().getFirst();
    assertEquals(fx.secretHasher.hash(token), stored.tokenHash());
    assertFalse(stored.tokenHash().contains(token));
    assertEquals(USER, stored.userId());
    assertEquals(TokenPurpose.VERIFY_EMAIL, stored.purpose());
    assertEquals(T0, stored.createdAt());
    assertEquals(T0.plus(Duration.ofHours(24)), stored.expiresAt());
    assertNull(stored.usedAt());
  }

  @Test
  void everyLinkCarriesADifferentToken() {
    String first = tokenOf(tokens.link(USER, TokenPurpose.RESET_PASSWORD, "/reset-password"));
    String second = tokenOf(tokens.link(USER, TokenPurpose.RESET_PASSWORD, "/reset-password"));

    assertFalse(first.equals(second));
  }

  @Test
  void peekingDoesNotUseTheTokenUpButRedeemingDoes() {
    String token = tokenOf(tokens.link(USER, TokenPurpose.RESET_PASSWORD, "/reset-password"));

    assertEquals(USER, tokens.peek(token, TokenPurpose.RESET_PASSWORD));
    assertEquals(USER, tokens.peek(token, TokenPurpose.RESET_PASSWORD));
    assertEquals(USER, tokens.redeem(token, TokenPurpose.RESET_PASSWORD));

    assertUnusable(() -> tokens.redeem(token, TokenPurpose.RESET_PASSWORD));
    assertUnusable(() -> tokens.peek(token, TokenPurpose.RESET_PASSWORD));
    assertNotNull(fx.oneTimeTokenStore.all().getFirst().usedAt());
  }

  @Test
  void aNewLinkInvalidatesEarlierLinksOfThatPurposeOnly() {
    String unlock = tokenOf(tokens.link(USER, TokenPurpose.UNLOCK_ACCOUNT, "/unlock"));
    String first = tokenOf(tokens.link(USER, TokenPurpose.VERIFY_EMAIL, "/verify-email"));
    String second = tokenOf(tokens.link(USER, TokenPurpose.VERIFY_EMAIL, "/verify-email"));

    assertUnusable(() -> tokens.redeem(first, TokenPurpose.VERIFY_EMAIL));
    assertEquals(USER, tokens.redeem(second, TokenPurpose.VERIFY_EMAIL));
    assertEquals(USER, tokens.redeem(unlock, TokenPurpose.UNLOCK_ACCOUNT));
  }

  @Test
  void aNewLinkDoesNotInvalidateOtherUsersLinks() {
    String other = tokenOf(tokens.link(new UserId("user-2"), TokenPurpose.VERIFY_EMAIL, "/v"));
    tokens.link(USER, TokenPurpose.VERIFY_EMAIL, "/v");

    assertEquals(new UserId("user-2"), tokens.redeem(other, TokenPurpose.VERIFY_EMAIL));
  }

  @ParameterizedTest
  @EnumSource(TokenPurpose.class)
  void aTokenWorksUntilItsLifetimeEnds(TokenPurpose purpose) {
    String token = tokenOf(tokens.link(USER, purpose, "/x"));

    fx.clock.advance(purpose.lifetime().minusMillis(1));
    assertEquals(USER, tokens.peek(token, purpose));
    fx.clock.advance(Duration.ofMillis(1));
    assertUnusable(() -> tokens.peek(token, purpose));
    assertUnusable(() -> tokens.redeem(token, purpose));
  }

  @Test
  void theLifetimesAreOneDayOneHourAndOneDay() {
    assertEquals(Duration.ofHours(24), TokenPurpose.VERIFY_EMAIL.lifetime());
    assertEquals(Duration.ofHours(1), TokenPurpose.RESET_PASSWORD.lifetime());
    assertEquals(Duration.ofHours(24), TokenPurpose.UNLOCK_ACCOUNT.lifetime());
  }

  @Test
  void aTokenDoesNotWorkForAnotherPurpose() {
    String token = tokenOf(tokens.link(USER, TokenPurpose.VERIFY_EMAIL, "/verify-email"));

    assertUnusable(() -> tokens.redeem(token, TokenPurpose.RESET_PASSWORD));
    assertEquals(USER, tokens.redeem(token, TokenPurpose.VERIFY_EMAIL));
  }

  @Test
  void unknownTokensAreUnusable() {
    assertUnusable(() -> tokens.redeem("not-a-token", TokenPurpose.VERIFY_EMAIL));
  }

  @Test
  void surroundingWhitespaceIsIgnored() {
    String token = tokenOf(tokens.link(USER, TokenPurpose.VERIFY_EMAIL, "/verify-email"));

    assertEquals(USER, tokens.redeem("  " + token + "\n", TokenPurpose.VERIFY_EMAIL));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void aMissingTokenIsRequired(String token) {
    ValidationException thrown =
        assertThrows(
            ValidationException.class, () -> tokens.redeem(token, TokenPurpose.VERIFY_EMAIL));
    assertEquals(List.of(new FieldViolation("token", "is required")), thrown.violations());
    assertThrows(ValidationException.class, () -> tokens.peek(token, TokenPurpose.VERIFY_EMAIL));
  }
}
