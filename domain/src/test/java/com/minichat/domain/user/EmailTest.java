package com.minichat.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.minichat.domain.common.ErrorCode;
import com.minichat.domain.common.FieldViolation;
import com.minichat.domain.common.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

  @Test
  void isTrimmedAndLowerCased() {
    assertEquals("owner@example.com", new Email("  Owner@Example.COM \n").value());
  }

  @Test
  void addressesDifferingOnlyInCaseAreEqual() {
    assertEquals(new Email("owner@example.com"), new Email("OWNER@EXAMPLE.COM"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a@b.co",
        "first.last+tag@sub.example.co.th",
        "user_name-1@example-shop.com",
        "สมชาย@ตัวอย่าง.ไทย"
      })
  void acceptsUsualAddresses(String address) {
    assertEquals(address, new Email(address).value());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void isRequired(String address) {
    ValidationException e = assertThrows(ValidationException.class, () -> new Email(address));

    assertEquals(List.of(new FieldViolation("email", "is required")), e.violations());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plainaddress",
        "@example.com",
        "user@",
        "user@example",
        "user@@example.com",
        "user@exa@mple.com",
        "user name@example.com",
        "user@exa mple.com",
        "<user>@example.com",
        "user@example.com,other@example.com",
        "user@example.com;",
        "\"user\"@example.com",
        "user@[127.0.0.1]",
        "user@example."
      })
  void refusesOtherShapesWithFieldEmail(String address) {
    ValidationException e = assertThrows(ValidationException.class, () -> new Email(address));

    assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
    assertEquals(List.of("email"), e.violations().stream().map(FieldViolation::field).toList());
  }

  @Test
  void hasAMaximumLength() {
    String domain = "@example.com";
    String longest = "a".repeat(Email.MAX_LENGTH - domain.length()) + domain;
    assertEquals(longest, new Email(longest).value());

    ValidationException e = assertThrows(ValidationException.class, () -> new Email("a" + longest));
    assertEquals(
        List.of(new FieldViolation("email", "must be at most " + Email.MAX_LENGTH + " characters")),
        e.violations());
  }
}
