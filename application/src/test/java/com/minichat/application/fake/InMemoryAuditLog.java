package com.minichat.application.fake;

import static com.minichat.application.fake.InMemoryPaging.millis;

import com.minichat.application.port.out.audit.AuditLog;
import com.minichat.domain.audit.AuditEvent;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.OffsetPage;
import com.minichat.domain.user.UserId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Thread-safe in-memory {@link AuditLog} with the same semantics as the real adapters: unique ids,
 * instants kept at millisecond precision, lists newest first (time, then id, both descending),
 * invalid page numbers or sizes refused with a {@code ValidationException}.
 */
public final class InMemoryAuditLog implements AuditLog {
  private static final Comparator<AuditEvent> NEWEST_FIRST =
      Comparator.comparing(AuditEvent::at).thenComparing(AuditEvent::id).reversed();

  private final Map<String, AuditEvent> events = new LinkedHashMap<>();

  @Override
  public synchronized void record(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    if (events.containsKey(event.id())) {
      throw new ConflictException("An audit event with this id already exists");
    }
    events.put(
        event.id(),
        new AuditEvent(
            event.id(),
            event.type(),
            event.userId(),
            event.ip(),
            event.userAgent(),
            event.detail(),
            millis(event.at())));
  }

  @Override
  public synchronized OffsetPage<AuditEvent> list(Optional<UserId> userId, int page, int pageSize) {
    OffsetPage.check(page, pageSize);
    List<AuditEvent> matching =
        events.values().stream()
            .filter(event -> userId.isEmpty() || userId.get().equals(event.userId()))
            .sorted(NEWEST_FIRST)
            .toList();
    List<AuditEvent> items =
        matching.stream().skip((page - 1L) * pageSize).limit(pageSize).toList();
    return new OffsetPage<>(items, page, pageSize, matching.size());
  }

  /** Every recorded event in recording order; for assertions in tests. */
  public synchronized List<AuditEvent> all() {
    return List.copyOf(events.values());
  }
}
