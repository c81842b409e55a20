package com.minichat.application.service.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.minichat.application.fake.InMemoryAuditLog;
import com.minichat.application.fake.InMemoryUserRepository;
import com.minichat.domain.audit.AuditEvent;
import com.minichat.domain.audit.AuditEventType;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.common.FieldViolation;
import com.minichat.domain.common.OffsetPage;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditLogServiceTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private final InMemoryAuditLog log = new InMemoryAuditLog();
  private final InMemoryUserRepository users = new InMemoryUserRepository();
  private final AuditLogService service = new AuditLogService(log, users);
  private User alice;
  private User bob;
  private User admin;

  private User user(String id, boolean platformAdmin) {
    User user =
        new User(new UserId(id), new Email(id + "@example.com"), id, "hash", T0, T0)
            .withPlatformAdmin(platformAdmin, T0);
    users.insert(user);
    return user;
  }

  private void event(int second, AuditEventType type, User user) {
    log.record(
        new AuditEvent(
            "e" + second,
            type,
            user == null ? null : user.id(),
            "203.0.113.1",
            "ua",
            "",
            T0.plusSeconds(second)));
  }

  private static List<String> ids(OffsetPage<AuditEvent> page) {
    return page.items().stream().map(AuditEvent::id).toList();
  }

  @BeforeEach
  void setUp() {
    alice = user("alice", false);
    bob = user("bob", false);
    admin = user("admin", true);
    event(1, AuditEventType.LOGIN_SUCCEEDED, alice);
    event(2, AuditEventType.LOGIN_FAILED, bob);
    event(3, AuditEventType.LOGIN_FAILED, null);
    event(4, AuditEventType.LOGGED_OUT, alice);
    event(5, AuditEventType.LOGIN_SUCCEEDED, admin);
  }

  @Test
  void aUserSeesOnlyTheirOwnEventsNewestFirst() {
    OffsetPage<AuditEvent> page = service.list(alice.id(), Optional.empty(), 1, 20);

    assertEquals(List.of("e4", "e1"), ids(page));
    assertEquals(2, page.total());
  }

  @Test
  void aUserAskingForSomeoneElsesEventsStillSeesOnlyTheirOwn() {
    OffsetPage<AuditEvent> page = service.list(alice.id(), Optional.of(bob.id()), 1, 20);

    assertEquals(List.of("e4", "e1"), ids(page));
  }

  @Test
  void anAdminSeesEverything() {
    OffsetPage<AuditEvent> page = service.list(admin.id(), Optional.empty(), 1, 20);

    assertEquals(List.of("e5", "e4", "e3", "e2", "e1"), ids(page));
    assertEquals(5, page.total());
  }

  @Test
  void anAdminCanFilterByUser() {
    assertEquals(List.of("e2"), ids(service.list(admin.id(), Optional.of(bob.id()), 1, 20)));
  }

  @Test
  void pagesAreNumberedFromOne() {
    OffsetPage<AuditEvent> second = service.list(admin.id(), Optional.empty(), 2, 2);

    assertEquals(List.of("e3", "e2"), ids(second));
    assertEquals(2, second.page());
    assertEquals(2, second.pageSize());
    assertEquals(5, second.total());
    assertEquals(List.of("e1"), ids(service.list(admin.id(), Optional.empty(), 3, 2)));
    assertEquals(List.of(), ids(service.list(admin.id(), Optional.empty(), 4, 2)));
  }

  @Test
  void pageAndPageSizeAreValidatedTogether() {
    ValidationException thrown =
        assertThrows(
            ValidationException.class, () -> service.list(admin.id(), Optional.empty(), 0, 101));

    assertEquals(
        List.of(
            new FieldViolation("page", "must be 1 or more"),
            new FieldViolation("pageSize", "must be between 1 and 100")),
        thrown.violations());
    assertThrows(ValidationException.class, () -> service.list(admin.id(), Optional.empty(), 1, 0));
    assertEquals(5, service.list(admin.id(), Optional.empty(), 1, 100).items().size());
  }

  @Test
  void anInvalidPageIsReportedBeforeTheActorIsLookedUp() {
    assertThrows(
        ValidationException.class, () -> service.list(new UserId("gone"), Optional.empty(), 0, 10));
  }

  @Test
  void anUnknownActorMustSignInAgain() {
    assertThrows(
        AuthenticationException.class,
        () -> service.list(new UserId("gone"), Optional.empty(), 1, 10));
  }
}
