package com.minichat.application.port.in.audit;

import com.minichat.domain.audit.AuditEvent;
import com.minichat.domain.common.OffsetPage;
import com.minichat.domain.user.UserId;
import java.util.Optional;

/** Reading the security audit log. */
public interface AuditLogUseCase {
  /**
   * Events newest first. Platform administrators see everything; other users only their own.
   *
   * @param userId only this user's events, when given
   */
  OffsetPage<AuditEvent> list(UserId actor, Optional<UserId> userId, int page, int pageSize);
}
