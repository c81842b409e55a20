package com.minichat.adapters.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BcryptPasswordHasherTest {
  private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(4);

  @Test
  void hashMatchesOnlyItsOwnPassword() {
    String hash = hasher.hash("correct horse battery staple");

    assertTrue(hash.startsWith("$2b$04$"), hash);
    assertTrue(hasher.matches("correct horse battery staple", hash));
    assertFalse(hasher.matches("correct horse battery stapler", hash));
    assertFalse(hasher.matches("", hash));
  }

  @Test
  void samePasswordGetsDifferentSalts() {
    String first = hasher.hash("s3cret-password");
    String second = hasher.hash("s3cret-password");

    assertNotEquals(first, second);
    assertTrue(hasher.matches("s3cret-password", first));
    assertTrue(hasher.matches("s3cret-password", second));
  }

  @Test
  void thaiPasswordRoundTrips() {
    String hash = hasher.hash("รหัสผ่านลับ");

    assertTrue(hasher.matches("รหัสผ่านลับ", hash));
    assertFalse(hasher.matches("รหัสผ่านลับๆ", hash));
  }

  @Test
  void longPasswordsSharingTheFirst72BytesDoNotMatch() {
    String prefix = "x".repeat(72);
    String hash = hasher.hash(prefix + "-first-ending");

    assertTrue(hasher.matches(prefix + "-first-ending", hash));
    assertFalse(hasher.matches(prefix + "-other-ending", hash));
    assertFalse(hasher.matches(prefix, hash));
  }

  @Test
  void longThaiPasswordsSharingTheFirst72BytesDoNotMatch() {
    // 24 Thai characters are exactly 72 UTF-8 bytes
    String prefix = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบป";
    assertEquals(72, prefix.getBytes(StandardCharsets.UTF_8).length);
    String hash = hasher.hash(prefix + "มา");

    assertTrue(hasher.matches(prefix + "มา", hash));
    assertFalse(hasher.matches(prefix + "ไป", hash));
  }

  @Test
  void passwordsAroundTheLimitAreDistinguishedByTheirLastByte() {
    for (int length : new int[] {70, 71, 72, 73}) {
      String base = "p".repeat(length - 1);
      String hash = hasher.hash(base + "a");

      assertTrue(hasher.matches(base + "a", hash), "length " + length);
      assertFalse(hasher.matches(base + "b", hash), "length " + length);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not-a-hash", "$2b$04$tooshort", "$2y$"})
  void malformedStoredHashNeverMatches(String stored) {
    assertFalse(hasher.matches("anything", stored));
  }

  @Test
  void nullsNeverMatch() {
    String hash = hasher.hash("password");

    assertFalse(hasher.matches(null, hash));
    assertFalse(hasher.matches("password", null));
  }

  @Test
  void productionCostIsTwelve() {
    String hash = new BcryptPasswordHasher(BcryptPasswordHasher.PRODUCTION_COST).hash("pw");

    assertTrue(hash.startsWith("$2b$12$"), hash);
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 32, -1})
  void rejectsCostOutOfRange(int cost) {
    assertThrows(IllegalArgumentException.class, () -> new BcryptPasswordHasher(cost));
  }

  @Test
  void hashOfTheConfiguredCostNeedsNoRehash() {
    assertFalse(hasher.needsRehash(hasher.hash("password")));
  }

  @Test
  void hashOfALowerCostNeedsRehash() {
    String weak = new BcryptPasswordHasher(4).hash("password");
    BcryptPasswordHasher stronger = new BcryptPasswordHasher(5);

    assertTrue(stronger.needsRehash(weak));
    assertTrue(stronger.matches("password", weak));
    assertFalse(stronger.needsRehash(stronger.hash("password")));
  }

  @Test
  void hashOfAHigherCostIsKept() {
    String strong = new BcryptPasswordHasher(6).hash("password");

    assertFalse(hasher.needsRehash(strong));
  }

  @Test
  void productionCostFlagsHashesBelowTwelve() {
    BcryptPasswordHasher production =
        new BcryptPasswordHasher(BcryptPasswordHasher.PRODUCTION_COST);
    String cost10 = new BcryptPasswordHasher(10).hash("password");

    assertTrue(cost10.startsWith("$2b$10$"), cost10);
    assertTrue(production.needsRehash(cost10));
  }

  @Test
  void otherBcryptVersionsAreJudgedByTheirCost() {
    // $2a$ and $2y$ hashes (PHP, Spring…) of the configured cost stay; lower ones are upgraded
    String a4 =
        new String(
            BCrypt.withDefaults().hash(4, "pw".getBytes(StandardCharsets.UTF_8)),
            StandardCharsets.UTF_8);
    String y4 =
        new String(
            BCrypt.with(BCrypt.Version.VERSION_2Y).hash(4, "pw".getBytes(StandardCharsets.UTF_8)),
            StandardCharsets.UTF_8);

    assertTrue(a4.startsWith("$2a$04$"), a4);
    assertTrue(y4.startsWith("$2y$04$"), y4);
    assertFalse(hasher.needsRehash(a4));
    assertFalse(hasher.needsRehash(y4));
    assertTrue(new BcryptPasswordHasher(5).needsRehash(a4));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "not-a-hash",
        "$2b$04$tooshort",
        "$2y$",
        "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA",
        "5f4dcc3b5aa765d61d8327deb882cf99"
      })
  void anythingThatIsNotABcryptHashNeedsRehash(String stored) {
    assertTrue(hasher.needsRehash(stored));
  }
}
