package com.minichat.adapters.http.audit;

import com.minichat.adapters.http.account.AccountRoutes;
import com.minichat.adapters.http.support.Envelope;
import com.minichat.adapters.http.support.Requests;
import com.minichat.application.port.in.audit.AuditLogUseCase;
import com.minichat.domain.audit.AuditEvent;
import com.minichat.domain.user.UserId;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.util.Optional;

/** The security audit log, page by page. */
public final class AuditRoutes {
  private static final int DEFAULT_PAGE_SIZE = 20;

  private final AuditLogUseCase auditLog;
  private final AccountRoutes accounts;
  private final Envelope envelope;

  public AuditRoutes(AuditLogUseCase auditLog, AccountRoutes accounts, Envelope envelope) {
    this.auditLog = auditLog;
    this.accounts = accounts;
    this.envelope = envelope;
  }

  /** One audit event as the API shows it. */
  public record AuditEventResponse(
      String id,
      String type,
      String userId,
      String ip,
      String userAgent,
      String detail,
      Instant at) {

    static AuditEventResponse from(AuditEvent event) {
      return new AuditEventResponse(
          event.id(),
          event.type().name(),
          event.userId() == null ? null : event.userId().value(),
          event.ip(),
          event.userAgent(),
          event.detail(),
          event.at());
    }
  }

  /** Adds the routes. */
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/api/v1/audit-log", this::list);
  }

  private void list(Context ctx) {
    UserId actor = accounts.currentUser(ctx).id();
    Optional<UserId> user =
        Optional.ofNullable(ctx.queryParam("userId")).filter(id -> !id.isBlank()).map(UserId::new);
    int page = Requests.intQuery(ctx, "page", 1);
    int pageSize = Requests.intQuery(ctx, "pageSize", DEFAULT_PAGE_SIZE);
    envelope.offsetPage(ctx, auditLog.list(actor, user, page, pageSize), AuditEventResponse::from);
  }
}
