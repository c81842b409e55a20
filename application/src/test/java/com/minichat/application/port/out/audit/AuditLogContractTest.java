package com.minichat.application.port.out.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.minichat.domain.audit.AuditEvent;
import com.minichat.domain.audit.AuditEventType;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.Identifiers;
import com.minichat.domain.common.OffsetPage;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Behaviour every {@link AuditLog} must show. Extend it and return a fresh, empty log from {@link
 * #newAuditLog()}. Lists are newest first (time, then id, both descending) with the total count of
 * matching events; page numbers start at 1 and out-of-range page numbers or sizes are refused with
 * {@link ValidationException}; ids are unique.
 */
public abstract class AuditLogContractTest {
  /** A point in time with whole milliseconds, as every store keeps them. */
  protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

  private static final Comparator<AuditEvent> NEWEST_FIRST =
      Comparator.comparing(AuditEvent::at).thenComparing(AuditEvent::id).reversed();

  private AuditLog log;

  /** A new audit log with no events in it; called before every test. */
  protected abstract AuditLog newAuditLog();

  @BeforeEach
  void setUpLog() {
    log = newAuditLog();
  }

  protected static AuditEvent event(UserId userId, Instant at) {
    return new AuditEvent(
        Identifiers.random(12),
        AuditEventType.LOGIN_SUCCEEDED,
        userId,
        "203.0.113.7",
        "Mozilla/5.0 (X11; Linux x86_64) ทดสอบ",
        "via password",
        at);
  }

  /**
   * Seven events of {@code userId}, two pairs sharing an instant, recorded in a shuffled order;
   * returned newest first.
   */
  private List<AuditEvent> recordSeven(UserId userId) {
    List<Instant> times =
        List.of(
            T0,
            T0.plusSeconds(1),
            T0.plusSeconds(1),
            T0.plusSeconds(2),
            T0.plusSeconds(3),
            T0.plusSeconds(3),
            T0.plusSeconds(4));
    List<AuditEvent> created = new ArrayList<>();
    for (Instant time : times) {
      created.add(event(userId, time));
    }
    List<AuditEvent> shuffled = new ArrayList<>(created);
    Collections.shuffle(shuffled, new Random(7));
    shuffled.forEach(log::record);
    return created.stream().sorted(NEWEST_FIRST).toList();
  }

  @ParameterizedTest
  @EnumSource(AuditEventType.class)
  void recordedEventIsListedWithEveryFieldEqual(AuditEventType type) {
    AuditEvent event =
        new AuditEvent(
            Identifiers.random(12),
            type,
            UserId.generate(),
            "2001:db8::1",
            "curl/8.5.0",
            "detail of " + type,
            T0);

    log.record(event);

    assertEquals(new OffsetPage<>(List.of(event), 1, 20, 1), log.list(Optional.empty(), 1, 20));
  }

  @Test
  void anEventWithoutUserAndTextRoundTrips() {
    AuditEvent anonymous =
        new AuditEvent(
            Identifiers.random(12), AuditEventType.LOGIN_FAILED, null, null, null, null, T0);

    log.record(anonymous);

    AuditEvent found = log.list(Optional.empty(), 1, 20).items().getFirst();
    assertEquals(anonymous, found);
    assertNull(found.userId());
    assertEquals("", found.ip());
    assertEquals("", found.userAgent());
    assertEquals("", found.detail());
  }

  @Test
  void anEmptyLogListsNothing() {
    assertEquals(new OffsetPage<>(List.of(), 1, 20, 0), log.list(Optional.empty(), 1, 20));
    assertEquals(
        new OffsetPage<>(List.of(), 1, 20, 0), log.list(Optional.of(UserId.generate()), 1, 20));
  }

  @Test
  void listIsNewestFirstWithTheTotal() {
    List<AuditEvent> newestFirst = recordSeven(UserId.generate());

    assertEquals(new OffsetPage<>(newestFirst, 1, 100, 7), log.list(Optional.empty(), 1, 100));
  }

  @Test
  void pagesSplitTheListWithoutGapsOrRepeats() {
    List<AuditEvent> newestFirst = recordSeven(UserId.generate());

    assertEquals(
        new OffsetPage<>(newestFirst.subList(0, 3), 1, 3, 7), log.list(Optional.empty(), 1, 3));
    assertEquals(
        new OffsetPage<>(newestFirst.subList(3, 6), 2, 3, 7), log.list(Optional.empty(), 2, 3));
    assertEquals(
        new OffsetPage<>(newestFirst.subList(6, 7), 3, 3, 7), log.list(Optional.empty(), 3, 3));
    assertEquals(new OffsetPage<>(List.of(), 4, 3, 7), log.list(Optional.empty(), 4, 3));
    assertEquals(new OffsetPage<>(List.of(), 1000, 3, 7), log.list(Optional.empty(), 1000, 3));
  }

  @Test
  void aVeryLargePageNumberIsEmpty() {
    recordSeven(UserId.generate());

    assertEquals(
        new OffsetPage<>(List.of(), Integer.MAX_VALUE, 100, 7),
        log.list(Optional.empty(), Integer.MAX_VALUE, 100));
  }

  @Test
  void filterByUserListsAndCountsOnlyThatUsersEvents() {
    UserId user = UserId.generate();
    List<AuditEvent> theirs = recordSeven(user);
    log.record(event(UserId.generate(), T0.plusSeconds(2)));
    log.record(event(null, T0.plusSeconds(3)));

    assertEquals(
        new OffsetPage<>(theirs.subList(0, 5), 1, 5, 7), log.list(Optional.of(user), 1, 5));
    assertEquals(
        new OffsetPage<>(theirs.subList(5, 7), 2, 5, 7), log.list(Optional.of(user), 2, 5));
    assertEquals(9, log.list(Optional.empty(), 1, 5).total());
  }

  @Test
  void timesAreKeptToTheMillisecond() {
    AuditEvent precise = event(UserId.generate(), T0.plusNanos(999_999));

    log.record(precise);

    assertEquals(T0, log.list(Optional.empty(), 1, 1).items().getFirst().at());
  }

  @Test
  void duplicateIdIsAConflict() {
    AuditEvent first = event(UserId.generate(), T0);
    log.record(first);
    AuditEvent sameId =
        new AuditEvent(
            first.id(),
            AuditEventType.LOGGED_OUT,
            UserId.generate(),
            "",
            "",
            "",
            T0.plusSeconds(1));

    assertThrows(ConflictException.class, () -> log.record(sameId));
    assertEquals(new OffsetPage<>(List.of(first), 1, 20, 1), log.list(Optional.empty(), 1, 20));
  }

  @ParameterizedTest
  @CsvSource({"0, 20", "-1, 20", "1, 0", "1, -5", "1, 101"})
  void invalidPagesAreRefused(int page, int pageSize) {
    assertThrows(ValidationException.class, () -> log.list(Optional.empty(), page, pageSize));
  }
}
