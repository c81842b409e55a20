package com.minichat.domain.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

  private static String base64(String raw) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void decodeReadsWhatEncodeWrote() {
    Cursor cursor = new Cursor(T0, "65f1c2a9e4b0d3f8a1c2e3d4");

    assertEquals(cursor, Cursor.decode(cursor.encode()));
  }

  @Test
  void idsWithTheSeparatorOrNonAsciiSurviveTheRoundTrip() {
    Cursor cursor = new Cursor(T0, "a|b|ข้อความ");

    assertEquals(cursor, Cursor.decode(cursor.encode()));
  }

  @Test
  void instantsBeforeTheEpochSurviveTheRoundTrip() {
    Cursor cursor = new Cursor(Instant.parse("1969-12-31T23:59:59.001Z"), "x");

    assertEquals(cursor, Cursor.decode(cursor.encode()));
  }

  @Test
  void encodedFormIsUrlSafe() {
    String encoded = new Cursor(T0, "id?with/odd+chars==").encode();

    assertTrue(encoded.matches("[A-Za-z0-9_-]+"), encoded);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not a cursor!",
        "%%%",
        "YQ=",
      })
  void garbageIsAValidationErrorOnTheCursorField(String encoded) {
    assertRefused(encoded);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "no separator",
        "|id-without-time",
        "1700000000000|",
        "yesterday|id",
        "12.5|id",
        "99999999999999999999999|id"
      })
  void wellEncodedButMalformedContentIsRefused(String raw) {
    assertRefused(base64(raw));
  }

  private static void assertRefused(String encoded) {
    ValidationException e = assertThrows(ValidationException.class, () -> Cursor.decode(encoded));

    assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
    assertEquals(List.of("cursor"), e.violations().stream().map(FieldViolation::field).toList());
  }

  @Test
  void itemsCreatedLaterComeAfterTheCursor() {
    Cursor cursor = new Cursor(T0, "m");

    assertTrue(cursor.isBefore(T0.plusMillis(1), "a"));
    assertFalse(cursor.isBefore(T0.minusMillis(1), "z"));
  }

  @Test
  void atTheSameTimeTheIdBreaksTheTie() {
    Cursor cursor = new Cursor(T0, "m");

    assertTrue(cursor.isBefore(T0, "n"));
    assertFalse(cursor.isBefore(T0, "l"));
  }

  @Test
  void theItemAtTheCursorItselfIsNotAfterIt() {
    Cursor cursor = new Cursor(T0, "m");

    assertFalse(cursor.isBefore(T0, "m"));
  }
}
