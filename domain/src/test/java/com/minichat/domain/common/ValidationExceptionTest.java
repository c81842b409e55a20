package com.minichat.domain.common;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationExceptionTest {

  @Test
  void oneViolationIsNamedInTheMessage() {
    ValidationException e = new ValidationException("email", "is required");

    assertEquals("Invalid email: is required", e.getMessage());
    assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
    assertEquals(List.of(new FieldViolation("email", "is required")), e.violations());
  }

  @Test
  void severalViolationsAreCountedInTheMessageAndAllKeptInOrder() {
    List<FieldViolation> found =
        List.of(
            new FieldViolation("name", "is required"),
            new FieldViolation("faq[1].answer", "is required"),
            new FieldViolation("allowedDomains[0]", "must be a host name"));

    ValidationException e = new ValidationException(found);

    assertEquals("3 fields are invalid", e.getMessage());
    assertEquals(found, e.violations());
  }

  @Test
  void violationsAreCopiedAndUnmodifiable() {
    List<FieldViolation> found = new ArrayList<>(List.of(new FieldViolation("a", "bad")));
    ValidationException e = new ValidationException(found);

    found.add(new FieldViolation("b", "bad"));

    assertEquals(List.of(new FieldViolation("a", "bad")), e.violations());
    assertThrows(
        UnsupportedOperationException.class,
        () -> e.violations().add(new FieldViolation("c", "bad")));
  }

  @Test
  void aFailureWithoutViolationsIsAProgrammingError() {
    assertThrows(IllegalArgumentException.class, () -> new ValidationException(List.of()));
  }

  @Test
  void violationNeedsFieldAndIssue() {
    assertThrows(NullPointerException.class, () -> new FieldViolation(null, "x"));
    assertThrows(NullPointerException.class, () -> new FieldViolation("x", null));
  }

  @Test
  void violationsCollectsEveryBrokenRuleBeforeThrowing() {
    Violations violations =
        new Violations()
            .check(false, "first", "broken")
            .check(true, "second", "fine")
            .text(null, "third", true, 5)
            .text("toolong", "fourth", true, 5)
            .text("  ", "optional", false, 5)
            .text("short", "fifth", true, 5);

    ValidationException e = assertThrows(ValidationException.class, violations::throwIfAny);

    assertEquals(
        List.of(
            new FieldViolation("first", "broken"),
            new FieldViolation("third", "is required"),
            new FieldViolation("fourth", "must be at most 5 characters")),
        e.violations());
  }

  @Test
  void noViolationsMeansNoException() {
    assertDoesNotThrow(
        () -> new Violations().check(true, "a", "x").text("ok", "b", true, 5).throwIfAny());
  }

  @Test
  void everyDomainExceptionHasItsOwnCode() {
    assertEquals(ErrorCode.NOT_FOUND, new NotFoundException("x").code());
    assertEquals(ErrorCode.CONFLICT, new ConflictException("x").code());
    assertEquals(ErrorCode.AUTHENTICATION_FAILED, new AuthenticationException("x").code());
    assertEquals(ErrorCode.FORBIDDEN, new ForbiddenException("x").code());
    assertEquals(
        ErrorCode.RATE_LIMITED, new RateLimitedException("x", Duration.ofSeconds(3), 5).code());
    assertEquals(
        ErrorCode.UPSTREAM_UNAVAILABLE, new UpstreamUnavailableException("x", null).code());
  }
}
