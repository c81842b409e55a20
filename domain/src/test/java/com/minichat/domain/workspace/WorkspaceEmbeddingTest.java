package com.minichat.domain.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which pages may embed a workspace's widget, and the copies that rotate keys or owners. */
class WorkspaceEmbeddingTest {
  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  private static Workspace allowing(String... domains) {
    return new Workspace(
        WorkspaceId.generate(),
        "Shop",
        UserId.generate(),
        WidgetKey.generate(),
        null,
        null,
        null,
        List.of(domains),
        30,
        T0,
        T0);
  }

  @Test
  void anExactDomainMatchesOnlyItself() {
    Workspace workspace = allowing("shop.example.com");

    assertTrue(workspace.allowsEmbeddingOn("shop.example.com", 443));
    assertTrue(workspace.allowsEmbeddingOn("SHOP.example.com", -1));
    assertFalse(workspace.allowsEmbeddingOn("evil-shop.example.com", 443));
    assertFalse(workspace.allowsEmbeddingOn("shop.example.com.evil.com", 443));
  }

  @Test
  void aWildcardMatchesSubdomainsButNotTheBareDomainOrLookAlikes() {
    Workspace workspace = allowing("*.example.com");

    assertTrue(workspace.allowsEmbeddingOn("a.example.com", 443));
    assertTrue(workspace.allowsEmbeddingOn("a.b.example.com", 443));
    assertFalse(workspace.allowsEmbeddingOn("example.com", 443));
    assertFalse(workspace.allowsEmbeddingOn("evilexample.com", 443));
  }

  @Test
  void aPortInTheEntryMustMatch() {
    Workspace workspace = allowing("localhost:5173");

    assertTrue(workspace.allowsEmbeddingOn("localhost", 5173));
    assertFalse(workspace.allowsEmbeddingOn("localhost", 3000));
  }

  @Test
  void noDomainsMeansNoForeignPages() {
    assertFalse(allowing().allowsEmbeddingOn("shop.example.com", 443));
    assertFalse(allowing("shop.example.com").allowsEmbeddingOn(null, 443));
  }

  @Test
  void copiesChangeOnlyTheirFieldAndTheUpdateTime() {
    Workspace workspace = allowing("shop.example.com");
    Instant later = T0.plusSeconds(60);
    WidgetKey key = WidgetKey.generate();
    UserId owner = UserId.generate();

    Workspace rotated = workspace.withWidgetKey(key, later);
    Workspace transferred = workspace.withOwner(owner, later);

    assertEquals(key, rotated.widgetKey());
    assertEquals(workspace.ownerId(), rotated.ownerId());
    assertEquals(later, rotated.updatedAt());
    assertEquals(owner, transferred.ownerId());
    assertEquals(workspace.widgetKey(), transferred.widgetKey());
    assertNotEquals(workspace, transferred);
  }
}
