package com.minichat.application.port.out.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.port.out.Race;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.Identifiers;
import com.minichat.domain.user.OneTimeToken;
import com.minichat.domain.user.TokenPurpose;
import com.minichat.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Behaviour every {@link OneTimeTokenRepository} must show. Extend it and return a fresh, empty
 * repository from {@link #newRepository()}. Time is passed explicitly: a token is usable while
 * {@code now < expiresAt}, at most once, and only for its purpose; ids and token hashes are unique.
 */
public abstract class OneTimeTokenRepositoryContractTest {
  /** A point in time with whole milliseconds, as every store keeps them. */
  protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

  private OneTimeTokenRepository tokens;

  /** A new repository with no tokens in it; called before every test. */
  protected abstract OneTimeTokenRepository newRepository();

  @BeforeEach
  void setUpRepository() {
    tokens = newRepository();
  }

  /** An unused token of {@code userId} created at {@link #T0} with the purpose's lifetime. */
  protected static OneTimeToken token(UserId userId, TokenPurpose purpose) {
    return new OneTimeToken(
        Identifiers.random(12),
        userId,
        purpose,
        "sha256:" + Identifiers.random(32),
        T0,
        T0.plus(purpose.lifetime()),
        null);
  }

  private static OneTimeToken usedAt(OneTimeToken token, Instant usedAt) {
    return new OneTimeToken(
        token.id(),
        token.userId(),
        token.purpose(),
        token.tokenHash(),
        token.createdAt(),
        token.expiresAt(),
        usedAt);
  }

  @ParameterizedTest
  @EnumSource(TokenPurpose.class)
  void consumeReturnsTheTokenWithEveryFieldAndMarksItUsed(TokenPurpose purpose) {
    OneTimeToken token = token(UserId.generate(), purpose);
    tokens.insert(token);
    Instant now = T0.plusSeconds(60);

    Optional<OneTimeToken> consumed = tokens.consume(token.tokenHash(), purpose, now);

    assertEquals(Optional.of(usedAt(token, now)), consumed);
  }

  @Test
  void findUsableReturnsTheTokenWithoutUsingItUp() {
    OneTimeToken token = token(UserId.generate(), TokenPurpose.RESET_PASSWORD);
    tokens.insert(token);

    Instant now = T0.plusSeconds(60);
    assertEquals(
        Optional.of(token), tokens.findUsable(token.tokenHash(), TokenPurpose.RESET_PASSWORD, now));
    assertEquals(
        Optional.of(token), tokens.findUsable(token.tokenHash(), TokenPurpose.RESET_PASSWORD, now));
    assertEquals(
        Optional.of(usedAt(token, now)),
        tokens.consume(token.tokenHash(), TokenPurpose.RESET_PASSWORD, now));
    assertTrue(
        tokens
            .findUsable(token.tokenHash(), TokenPurpose.RESET_PASSWORD, now.plusSeconds(1))
            .isEmpty());
  }

  @Test
  void findUsableRefusesWhatConsumeRefuses() {
    UserId user = UserId.generate();
    OneTimeToken token = token(user, TokenPurpose.UNLOCK_ACCOUNT);
    tokens.insert(token);

    assertTrue(tokens.findUsable("sha256:unknown", TokenPurpose.UNLOCK_ACCOUNT, T0).isEmpty());
    assertTrue(tokens.findUsable(token.tokenHash(), TokenPurpose.VERIFY_EMAIL, T0).isEmpty());
    assertTrue(
        tokens
            .findUsable(token.tokenHash(), TokenPurpose.UNLOCK_ACCOUNT, token.expiresAt())
            .isEmpty());
    assertEquals(
        Optional.of(token),
        tokens.findUsable(
            token.tokenHash(), TokenPurpose.UNLOCK_ACCOUNT, token.expiresAt().minusMillis(1)));

    tokens.invalidateAll(user, TokenPurpose.UNLOCK_ACCOUNT, T0.plusSeconds(1));

    assertTrue(
        tokens
            .findUsable(token.tokenHash(), TokenPurpose.UNLOCK_ACCOUNT, T0.plusSeconds(2))
            .isEmpty());
  }

  @Test
  void aTokenCanBeConsumedOnlyOnce() {
    OneTimeToken token = token(UserId.generate(), TokenPurpose.RESET_PASSWORD);
    tokens.insert(token);

    assertTrue(
        tokens
            .consume(token.tokenHash(), TokenPurpose.RESET_PASSWORD, T0.plusSeconds(1))
            .isPresent());
    assertTrue(
        tokens
            .consume(token.tokenHash(), TokenPurpose.RESET_PASSWORD, T0.plusSeconds(2))
            .isEmpty());
  }

  @Test
  void anExpiredTokenIsRefused() {
    OneTimeToken token = token(UserId.generate(), TokenPurpose.RESET_PASSWORD);
    tokens.insert(token);

    assertTrue(
        tokens
            .consume(token.tokenHash(), TokenPurpose.RESET_PASSWORD, token.expiresAt())
            .isEmpty());
    assertTrue(
        tokens
            .consume(
                token.tokenHash(), TokenPurpose.RESET_PASSWORD, token.expiresAt().plusSeconds(1))
            .isEmpty());
    Instant lastMillisecond = token.expiresAt().minusMillis(1);
    assertEquals(
        Optional.of(usedAt(token, lastMillisecond)),
        tokens.consume(token.tokenHash(), TokenPurpose.RESET_PASSWORD, lastMillisecond));
  }

  @Test
  void aTokenOfAnotherPurposeIsRefusedAndStaysUsable() {
    OneTimeToken token = token(UserId.generate(), TokenPurpose.VERIFY_EMAIL);
    tokens.insert(token);

    assertTrue(
        tokens
            .consume(token.tokenHash(), TokenPurpose.RESET_PASSWORD, T0.plusSeconds(1))
            .isEmpty());
    assertTrue(
        tokens
            .consume(token.tokenHash(), TokenPurpose.UNLOCK_ACCOUNT, T0.plusSeconds(1))
            .isEmpty());
    assertTrue(
        tokens
            .consume(token.tokenHash(), TokenPurpose.VERIFY_EMAIL, T0.plusSeconds(2))
            .isPresent());
  }

  @Test
  void anUnknownTokenIsRefused() {
    tokens.insert(token(UserId.generate(), TokenPurpose.VERIFY_EMAIL));

    assertTrue(tokens.consume("sha256:unknown", TokenPurpose.VERIFY_EMAIL, T0).isEmpty());
  }

  @Test
  void aTokenStoredAsUsedIsRefused() {
    OneTimeToken used = usedAt(token(UserId.generate(), TokenPurpose.VERIFY_EMAIL), T0);
    tokens.insert(used);

    assertTrue(
        tokens.consume(used.tokenHash(), TokenPurpose.VERIFY_EMAIL, T0.plusSeconds(1)).isEmpty());
  }

  @Test
  void usedAtIsKeptToTheMillisecond() {
    OneTimeToken token = token(UserId.generate(), TokenPurpose.VERIFY_EMAIL);
    tokens.insert(token);

    OneTimeToken consumed =
        tokens
            .consume(
                token.tokenHash(), TokenPurpose.VERIFY_EMAIL, T0.plusSeconds(5).plusNanos(999_999))
            .orElseThrow();

    assertEquals(T0.plusSeconds(5), consumed.usedAt());
  }

  @Test
  void createdAndExpiryInstantsAreKeptToTheMillisecond() {
    OneTimeToken precise =
        new OneTimeToken(
            Identifiers.random(12),
            UserId.generate(),
            TokenPurpose.UNLOCK_ACCOUNT,
            "sha256:precise",
            T0.plusNanos(456_789),
            T0.plusSeconds(60).plusNanos(1),
            null);
    tokens.insert(precise);

    OneTimeToken consumed =
        tokens.consume("sha256:precise", TokenPurpose.UNLOCK_ACCOUNT, T0).orElseThrow();

    assertEquals(T0, consumed.createdAt());
    assertEquals(T0.plusSeconds(60), consumed.expiresAt());
  }

  @Test
  void eightConcurrentConsumersOfOneTokenLetExactlyOneWin() throws Exception {
    OneTimeToken token = token(UserId.generate(), TokenPurpose.RESET_PASSWORD);
    tokens.insert(token);

    List<Optional<OneTimeToken>> outcomes =
        Race.run(
            8,
            () ->
                tokens.consume(token.tokenHash(), TokenPurpose.RESET_PASSWORD, T0.plusSeconds(30)));

    assertEquals(1, outcomes.stream().filter(Optional::isPresent).count());
    assertTrue(
        tokens
            .consume(token.tokenHash(), TokenPurpose.RESET_PASSWORD, T0.plusSeconds(31))
            .isEmpty());
  }

  @Test
  void invalidateAllMakesEarlierTokensOfThatUserAndPurposeUnusable() {
    UserId user = UserId.generate();
    OneTimeToken first = token(user, TokenPurpose.RESET_PASSWORD);
    OneTimeToken second = token(user, TokenPurpose.RESET_PASSWORD);
    OneTimeToken otherPurpose = token(user, TokenPurpose.VERIFY_EMAIL);
    OneTimeToken otherUser = token(UserId.generate(), TokenPurpose.RESET_PASSWORD);
    List.of(first, second, otherPurpose, otherUser).forEach(tokens::insert);

    tokens.invalidateAll(user, TokenPurpose.RESET_PASSWORD, T0.plusSeconds(10));
    OneTimeToken newer = token(user, TokenPurpose.RESET_PASSWORD);
    tokens.insert(newer);

    Instant now = T0.plusSeconds(20);
    assertTrue(tokens.consume(first.tokenHash(), TokenPurpose.RESET_PASSWORD, now).isEmpty());
    assertTrue(tokens.consume(second.tokenHash(), TokenPurpose.RESET_PASSWORD, now).isEmpty());
    assertTrue(tokens.consume(newer.tokenHash(), TokenPurpose.RESET_PASSWORD, now).isPresent());
    assertTrue(
        tokens.consume(otherPurpose.tokenHash(), TokenPurpose.VERIFY_EMAIL, now).isPresent());
    assertTrue(tokens.consume(otherUser.tokenHash(), TokenPurpose.RESET_PASSWORD, now).isPresent());
  }

  @Test
  void invalidateAllWithoutTokensDoesNothing() {
    tokens.invalidateAll(UserId.generate(), TokenPurpose.UNLOCK_ACCOUNT, T0);

    OneTimeToken token = token(UserId.generate(), TokenPurpose.UNLOCK_ACCOUNT);
    tokens.insert(token);
    assertTrue(tokens.consume(token.tokenHash(), TokenPurpose.UNLOCK_ACCOUNT, T0).isPresent());
  }

  @Test
  void duplicateTokenHashIsAConflict() {
    OneTimeToken first = token(UserId.generate(), TokenPurpose.VERIFY_EMAIL);
    tokens.insert(first);
    OneTimeToken sameHash =
        new OneTimeToken(
            Identifiers.random(12),
            UserId.generate(),
            TokenPurpose.RESET_PASSWORD,
            first.tokenHash(),
            T0,
            T0.plusSeconds(60),
            null);

    assertThrows(ConflictException.class, () -> tokens.insert(sameHash));
    assertTrue(
        tokens
            .consume(first.tokenHash(), TokenPurpose.RESET_PASSWORD, T0.plusSeconds(1))
            .isEmpty());
    assertTrue(
        tokens
            .consume(first.tokenHash(), TokenPurpose.VERIFY_EMAIL, T0.plusSeconds(1))
            .isPresent());
  }

  @Test
  void duplicateIdIsAConflict() {
    OneTimeToken first = token(UserId.generate(), TokenPurpose.VERIFY_EMAIL);
    tokens.insert(first);
    OneTimeToken sameId =
        new OneTimeToken(
            first.id(),
            first.userId(),
            first.purpose(),
            "sha256:another",
            T0,
            T0.plusSeconds(60),
            null);

    assertThrows(ConflictException.class, () -> tokens.insert(sameId));
    assertTrue(tokens.consume("sha256:another", TokenPurpose.VERIFY_EMAIL, T0).isEmpty());
  }
}
