package com.minichat.application.service.account;

import com.minichat.application.port.in.account.ClientInfo;
import com.minichat.application.port.out.audit.AuditLog;
import com.minichat.domain.audit.AuditEvent;
import com.minichat.domain.audit.AuditEventType;
import com.minichat.domain.common.Identifiers;
import com.minichat.domain.user.UserId;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes authentication events to the audit log and to the application log. */
public final class Auditor {
  private static final Logger LOG = LoggerFactory.getLogger(Auditor.class);

  private final AuditLog log;
  private final Clock clock;

  public Auditor(AuditLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /** Records {@code type} for {@code userId} (null when unknown) from {@code client}. */
  public void record(AuditEventType type, UserId userId, ClientInfo client, String detail) {
    LOG.info(
        "audit event={} userId={} ip={}", type, userId == null ? "-" : userId.value(), client.ip());
    log.record(
        new AuditEvent(
            Identifiers.random(12),
            type,
            userId,
            client.ip(),
            client.userAgent(),
            detail,
            clock.instant()));
  }
}
