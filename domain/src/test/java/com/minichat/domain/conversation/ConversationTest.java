package com.minichat.domain.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.domain.common.ValidationException;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConversationTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");
  private static final Instant T1 = T0.plusSeconds(60);

  private final Conversation started =
      Conversation.start(new WorkspaceId("ws-1"), new VisitorId("visitor-1"), T0);

  @Test
  void aNewConversationIsOpenAnonymousAndAnsweredByTheBot() {
    assertEquals(ConversationStatus.OPEN, started.status());
    assertEquals(VisitorProfile.ANONYMOUS, started.visitor());
    assertFalse(started.aiPaused());
    assertFalse(started.humanRequested());
    assertEquals(Receipts.NONE, started.receipts());
  }

  @Test
  void theVisitorWritingReopensAClosedOrPendingConversation() {
    Conversation closed = started.withStatus(ConversationStatus.CLOSED, T1);
    Conversation pending = started.withStatus(ConversationStatus.PENDING, T1);

    assertEquals(ConversationStatus.OPEN, closed.visitorWrote(T1).status());
    assertEquals(ConversationStatus.OPEN, pending.visitorWrote(T1).status());
    assertEquals(T1, closed.visitorWrote(T1).updatedAt());
  }

  @Test
  void aPersonAnsweringPausesTheBotAndMeetsTheRequestForAHuman() {
    Conversation wanted = started.humanWanted(T1);
    assertTrue(wanted.humanRequested());

    Conversation answered = wanted.humanAnswered(T1);

    assertTrue(answered.aiPaused());
    assertFalse(answered.humanRequested());
    assertFalse(answered.withAiPaused(false, T1).aiPaused(), "released to the bot");
  }

  @Test
  void askingForAHumanReopensTheConversation() {
    assertEquals(
        ConversationStatus.OPEN,
        started.withStatus(ConversationStatus.CLOSED, T1).humanWanted(T1).status());
  }

  @Test
  void receiptsOnlyMoveForwardAndSeeingImpliesDelivery() {
    Receipts receipts =
        Receipts.NONE
            .byVisitor(Receipts.Kind.SEEN, T1)
            .byVisitor(Receipts.Kind.DELIVERED, T0)
            .byVisitor(Receipts.Kind.SEEN, T0);

    assertEquals(T1, receipts.visitorSeenUpTo());
    assertEquals(T1, receipts.visitorDeliveredUpTo());
    assertEquals(null, receipts.teamSeenUpTo());

    Receipts team = receipts.byTeam(Receipts.Kind.DELIVERED, T1);
    assertEquals(T1, team.teamDeliveredUpTo());
    assertEquals(null, team.teamSeenUpTo());
  }

  @Test
  void aVisitorProfileIsCheckedFieldByField() {
    VisitorProfile profile = VisitorProfile.of(" สมชาย ", "Somchai@Example.COM", "+66 81 234 5678");
    assertEquals("สมชาย", profile.name());
    assertEquals("somchai@example.com", profile.email());
    assertEquals("+66 81 234 5678", profile.phone());
    assertEquals(VisitorProfile.ANONYMOUS, VisitorProfile.of("", " ", null));

    ValidationException wrong =
        assertThrows(
            ValidationException.class,
            () -> VisitorProfile.of("x".repeat(101), "not-an-address", "call me"));
    assertEquals(3, wrong.violations().size());
    assertEquals("name", wrong.violations().get(0).field());
    assertEquals("email", wrong.violations().get(1).field());
    assertEquals("phone", wrong.violations().get(2).field());
  }
}
