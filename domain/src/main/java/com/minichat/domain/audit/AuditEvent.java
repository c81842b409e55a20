package com.minichat.domain.audit;

import com.minichat.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the audit log.
 *
 * @param userId the account concerned, or {@code null} when none is known (unknown e-mail)
 * @param ip the client address the request came from
 * @param detail short free text, never a secret
 */
public record AuditEvent(
    String id,
    AuditEventType type,
    UserId userId,
    String ip,
    String userAgent,
    String detail,
    Instant at) {

  public AuditEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    ip = ip == null ? "" : ip;
    userAgent = userAgent == null ? "" : userAgent;
    detail = detail == null ? "" : detail;
  }
}
