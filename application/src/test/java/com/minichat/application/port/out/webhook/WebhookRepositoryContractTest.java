package com.minichat.application.port.out.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.Identifiers;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.webhook.Webhook;
import com.minichat.domain.webhook.WebhookEvent;
import com.minichat.domain.webhook.WebhookId;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link WebhookRepository} must show. Extend it and return a fresh, empty
 * repository from {@link #newRepository()}. Every field of a {@link Webhook} survives a round trip,
 * the event set included (instants at millisecond precision); ids are unique; {@code update} of an
 * unknown id fails with {@link NotFoundException}; {@code delete} of one does nothing; a
 * workspace's webhooks are listed oldest first (creation time, then id), no other workspace's.
 */
public abstract class WebhookRepositoryContractTest {
  /** A point in time with whole milliseconds, as every store keeps them. */
  protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

  private WebhookRepository webhooks;

  /** A new repository with no webhooks in it; called before every test. */
  protected abstract WebhookRepository newRepository();

  @BeforeEach
  void setUpRepository() {
    webhooks = newRepository();
  }

  /** An enabled webhook of {@code workspaceId} for every event, created at {@code createdAt}. */
  protected static Webhook webhook(WorkspaceId workspaceId, Instant createdAt) {
    return webhook(workspaceId, EnumSet.allOf(WebhookEvent.class), true, createdAt);
  }

  private static Webhook webhook(
      WorkspaceId workspaceId, Set<WebhookEvent> events, boolean enabled, Instant createdAt) {
    return new Webhook(
        WebhookId.generate(),
        workspaceId,
        "https://hooks.example.com/minichat?shop=ร้านค้า&token=" + Identifiers.random(8),
        events,
        "v1:" + Identifiers.random(40),
        "whs…" + Identifiers.random(4),
        enabled,
        createdAt,
        createdAt.plusSeconds(5));
  }

  private Webhook stored(Webhook webhook) {
    return webhooks.findById(webhook.id()).orElseThrow();
  }

  @Test
  void insertedWebhookIsFoundWithEveryFieldEqual() {
    Webhook fresh = webhook(WorkspaceId.generate(), T0);

    webhooks.insert(fresh);

    Webhook found = stored(fresh);
    assertEquals(fresh, found);
    assertEquals(fresh.id(), found.id());
    assertEquals(fresh.workspaceId(), found.workspaceId());
    assertEquals(fresh.url(), found.url());
    assertEquals(EnumSet.allOf(WebhookEvent.class), found.events());
    assertEquals(fresh.encryptedSecret(), found.encryptedSecret());
    assertEquals(fresh.secretHint(), found.secretHint());
    assertTrue(found.enabled());
    assertEquals(T0, found.createdAt());
    assertEquals(T0.plusSeconds(5), found.updatedAt());
  }

  @Test
  void everyEventSetAndBothStatesRoundTrip() {
    List<Set<WebhookEvent>> eventSets =
        List.of(
            Set.of(),
            Set.of(WebhookEvent.MESSAGE_CREATED),
            Set.of(WebhookEvent.CONVERSATION_CREATED),
            Set.of(WebhookEvent.LEAD_CREATED),
            Set.of(WebhookEvent.LEAD_CREATED, WebhookEvent.MESSAGE_CREATED),
            EnumSet.allOf(WebhookEvent.class));
    for (Set<WebhookEvent> events : eventSets) {
      for (boolean enabled : new boolean[] {true, false}) {
        Webhook webhook = webhook(WorkspaceId.generate(), events, enabled, T0);

        webhooks.insert(webhook);

        Webhook found = stored(webhook);
        assertEquals(webhook, found);
        assertEquals(events, found.events());
        assertEquals(enabled, found.enabled());
      }
    }
  }

  @Test
  void absentWebhooksAreEmpty() {
    webhooks.insert(webhook(WorkspaceId.generate(), T0));

    assertTrue(webhooks.findById(WebhookId.generate()).isEmpty());
    assertEquals(List.of(), webhooks.findByWorkspace(WorkspaceId.generate()));
  }

  @Test
  void duplicateIdIsAConflict() {
    Webhook first = webhook(WorkspaceId.generate(), T0);
    webhooks.insert(first);
    Webhook sameId =
        new Webhook(
            first.id(),
            WorkspaceId.generate(),
            "https://other.example.com/hook",
            Set.of(WebhookEvent.LEAD_CREATED),
            "v1:other",
            "whs…othr",
            false,
            T0.plusSeconds(60),
            T0.plusSeconds(60));

    assertThrows(ConflictException.class, () -> webhooks.insert(sameId));
    assertEquals(first, stored(first));
    assertEquals(List.of(), webhooks.findByWorkspace(sameId.workspaceId()));
  }

  @Test
  void updateReplacesTheStoredWebhook() {
    Webhook original = webhook(WorkspaceId.generate(), T0);
    Webhook other = webhook(original.workspaceId(), T0.plusSeconds(1));
    webhooks.insert(original);
    webhooks.insert(other);
    Webhook changed =
        original.withSettings(
            "http://crm.example.net/in",
            Set.of(WebhookEvent.CONVERSATION_CREATED),
            false,
            T0.plusSeconds(90));

    webhooks.update(changed);

    Webhook found = stored(original);
    assertEquals(changed, found);
    assertEquals("http://crm.example.net/in", found.url());
    assertEquals(Set.of(WebhookEvent.CONVERSATION_CREATED), found.events());
    assertEquals(false, found.enabled());
    assertEquals(T0, found.createdAt());
    assertEquals(T0.plusSeconds(90), found.updatedAt());
    assertEquals(original.encryptedSecret(), found.encryptedSecret());
    assertEquals(other, stored(other));
  }

  @Test
  void updateCanChangeTheSecretToo() {
    Webhook original = webhook(WorkspaceId.generate(), T0);
    webhooks.insert(original);
    Webhook rotated =
        new Webhook(
            original.id(),
            original.workspaceId(),
            original.url(),
            original.events(),
            "v1:rotated",
            "whs…rot8",
            original.enabled(),
            original.createdAt(),
            T0.plusSeconds(30));

    webhooks.update(rotated);

    assertEquals(rotated, stored(original));
  }

  @Test
  void updateOfAnUnknownWebhookIsNotFound() {
    Webhook never = webhook(WorkspaceId.generate(), T0);

    assertThrows(NotFoundException.class, () -> webhooks.update(never));
    assertTrue(webhooks.findById(never.id()).isEmpty());
    assertEquals(List.of(), webhooks.findByWorkspace(never.workspaceId()));
  }

  @Test
  void deleteRemovesOnlyThatWebhook() {
    WorkspaceId workspace = WorkspaceId.generate();
    Webhook gone = webhook(workspace, T0);
    Webhook kept = webhook(workspace, T0.plusSeconds(1));
    webhooks.insert(gone);
    webhooks.insert(kept);

    webhooks.delete(gone.id());

    assertTrue(webhooks.findById(gone.id()).isEmpty());
    assertEquals(List.of(kept), webhooks.findByWorkspace(workspace));
    assertThrows(NotFoundException.class, () -> webhooks.update(gone));
  }

  @Test
  void deleteOfAnUnknownWebhookDoesNothing() {
    Webhook kept = webhook(WorkspaceId.generate(), T0);
    webhooks.insert(kept);

    webhooks.delete(WebhookId.generate());
    webhooks.delete(WebhookId.generate());

    assertEquals(List.of(kept), webhooks.findByWorkspace(kept.workspaceId()));
  }

  @Test
  void aDeletedIdCanBeInsertedAgain() {
    Webhook webhook = webhook(WorkspaceId.generate(), T0);
    webhooks.insert(webhook);
    webhooks.delete(webhook.id());

    webhooks.insert(webhook);

    assertEquals(webhook, stored(webhook));
  }

  @Test
  void findByWorkspaceListsItsWebhooksOldestFirst() {
    WorkspaceId workspace = WorkspaceId.generate();
    Webhook oldest = webhook(workspace, T0.minusSeconds(3600));
    Webhook tieA = webhook(workspace, T0.plusSeconds(60));
    Webhook tieB = webhook(workspace, T0.plusSeconds(60));
    Webhook disabled = webhook(workspace, Set.of(WebhookEvent.LEAD_CREATED), false, T0);
    Webhook elsewhere = webhook(WorkspaceId.generate(), T0.minusSeconds(7200));
    List.of(tieA, oldest, elsewhere, disabled, tieB).forEach(webhooks::insert);

    Webhook tieFirst = tieA.id().value().compareTo(tieB.id().value()) < 0 ? tieA : tieB;
    Webhook tieSecond = tieFirst == tieA ? tieB : tieA;
    assertEquals(
        List.of(oldest, disabled, tieFirst, tieSecond), webhooks.findByWorkspace(workspace));
    assertEquals(List.of(elsewhere), webhooks.findByWorkspace(elsewhere.workspaceId()));
  }

  @Test
  void workspacesAreIsolated() {
    WorkspaceId first = WorkspaceId.generate();
    WorkspaceId second = WorkspaceId.generate();
    Webhook ofFirst = webhook(first, T0);
    Webhook ofSecond = webhook(second, T0);
    webhooks.insert(ofFirst);
    webhooks.insert(ofSecond);

    webhooks.delete(ofFirst.id());

    assertEquals(List.of(), webhooks.findByWorkspace(first));
    assertEquals(List.of(ofSecond), webhooks.findByWorkspace(second));
    assertEquals(Optional.of(ofSecond), webhooks.findById(ofSecond.id()));
  }

  @Test
  void instantsAreKeptToTheMillisecond() {
    Webhook full = webhook(WorkspaceId.generate(), T0);
    Webhook precise =
        new Webhook(
            full.id(),
            full.workspaceId(),
            full.url(),
            full.events(),
            full.encryptedSecret(),
            full.secretHint(),
            full.enabled(),
            T0.plusNanos(999_999),
            T0.plusSeconds(1).plusNanos(1));

    webhooks.insert(precise);

    Webhook found = stored(precise);
    assertEquals(T0, found.createdAt());
    assertEquals(T0.plusSeconds(1), found.updatedAt());
    webhooks.update(precise.withSettings(full.url(), full.events(), true, T0.plusNanos(2_500_000)));
    assertEquals(T0.plusMillis(2), stored(precise).updatedAt());
  }
}
