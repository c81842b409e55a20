package com.minichat.application.service.account;

import static com.minichat.application.service.account.IdentityFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.minichat.application.fake.InMemoryAuditLog;
import com.minichat.application.port.in.account.ClientInfo;
import com.minichat.application.service.support.TestClock;
import com.minichat.domain.audit.AuditEvent;
import com.minichat.domain.audit.AuditEventType;
import com.minichat.domain.user.UserId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuditorTest {
  private final InMemoryAuditLog log = new InMemoryAuditLog();
  private final TestClock clock = TestClock.fixedAt(T0);
  private final Auditor auditor = new Auditor(log, clock);

  @Test
  void recordsTheEventWithTheClientAndTheTime() {
    clock.advance(Duration.ofSeconds(5));

    auditor.record(
        AuditEventType.LOGIN_SUCCEEDED,
        new UserId("u1"),
        new ClientInfo("198.51.100.4", "Firefox"),
        "password");

    AuditEvent event = log.all().getFirst();
    assertEquals(AuditEventType.LOGIN_SUCCEEDED, event.type());
    assertEquals(new UserId("u1"), event.userId());
    assertEquals("198.51.100.4", event.ip());
    assertEquals("Firefox", event.userAgent());
    assertEquals("password", event.detail());
    assertEquals(T0.plusSeconds(5), event.at());
  }

  @Test
  void anUnknownUserIsRecordedWithoutId() {
    auditor.record(AuditEventType.LOGIN_FAILED, null, new ClientInfo(null, null), "unknown e-mail");

    AuditEvent event = log.all().getFirst();
    assertNull(event.userId());
    assertEquals("unknown", event.ip());
    assertEquals("", event.userAgent());
  }

  @Test
  void everyEventGetsItsOwnId() {
    ClientInfo client = new ClientInfo("198.51.100.4", "");
    auditor.record(AuditEventType.LOGGED_OUT, new UserId("u1"), client, "");
    auditor.record(AuditEventType.LOGGED_OUT, new UserId("u1"), client, "");

    assertEquals(2, log.all().size());
    assertNotEquals(log.all().get(0).id(), log.all().get(1).id());
  }
}
