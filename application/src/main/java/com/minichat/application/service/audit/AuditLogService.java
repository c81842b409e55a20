package com.minichat.application.service.audit;

import com.minichat.application.port.in.audit.AuditLogUseCase;
import com.minichat.application.port.out.audit.AuditLog;
import com.minichat.application.port.out.user.UserRepository;
import com.minichat.domain.audit.AuditEvent;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.common.OffsetPage;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import java.util.Optional;

/** The audit log: everything for platform administrators, one's own events for everyone else. */
public final class AuditLogService implements AuditLogUseCase {
  private final AuditLog log;
  private final UserRepository users;

  public AuditLogService(AuditLog log, UserRepository users) {
    this.log = log;
    this.users = users;
  }

  @Override
  public OffsetPage<AuditEvent> list(
      UserId actor, Optional<UserId> userId, int page, int pageSize) {
    OffsetPage.check(page, pageSize);
    User user =
        users.findById(actor).orElseThrow(() -> new AuthenticationException("Sign in again"));
    Optional<UserId> visible = user.platformAdmin() ? userId : Optional.of(actor);
    return log.list(visible, page, pageSize);
  }
}
