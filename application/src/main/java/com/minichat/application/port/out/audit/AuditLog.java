package com.minichat.application.port.out.audit;

import com.minichat.domain.audit.AuditEvent;
import com.minichat.domain.common.OffsetPage;
import com.minichat.domain.user.UserId;
import java.util.Optional;

/** Append-only log of security events, readable by administrators. */
public interface AuditLog {
  void record(AuditEvent event);

  /**
   * Events newest first, optionally of one user.
   *
   * @param page 1-based page number
   */
  OffsetPage<AuditEvent> list(Optional<UserId> userId, int page, int pageSize);
}
