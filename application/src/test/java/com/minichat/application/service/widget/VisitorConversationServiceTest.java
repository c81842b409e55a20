package com.minichat.application.service.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.fake.InMemoryConversationRepository;
import com.minichat.application.fake.InMemoryMessageRepository;
import com.minichat.application.fake.InMemoryWorkspaceRepository;
import com.minichat.application.port.in.widget.VisitorAccess;
import com.minichat.application.port.out.security.VisitorClaims;
import com.minichat.application.service.support.FakeTokenService;
import com.minichat.application.service.support.RecordingEventBus;
import com.minichat.application.service.support.TestClock;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.common.ErrorCode;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationChanged;
import com.minichat.domain.conversation.ConversationStatus;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.conversation.MessageAuthor;
import com.minichat.domain.conversation.MessageChanged;
import com.minichat.domain.conversation.ModelUsage;
import com.minichat.domain.conversation.Reaction;
import com.minichat.domain.conversation.Receipts;
import com.minichat.domain.conversation.VisitorId;
import com.minichat.domain.conversation.VisitorProfile;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VisitorConversationServiceTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");

  private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
  private final InMemoryConversationRepository conversations = new InMemoryConversationRepository();
  private final InMemoryMessageRepository messages = new InMemoryMessageRepository();
  private final FakeTokenService tokens = new FakeTokenService();
  private final TestClock clock = TestClock.fixedAt(T0);
  private final RecordingEventBus events = new RecordingEventBus();
  private final VisitorConversationService service =
      new VisitorConversationService(workspaces, conversations, messages, tokens, events, clock);

  private Workspace shop;
  private Conversation conversation;
  private VisitorAccess access;
  private Message question;
  private Message answer;

  @BeforeEach
  void setUp() {
    shop =
        new Workspace(
            WorkspaceId.generate(),
            "Coffee",
            UserId.generate(),
            WidgetKey.generate(),
            "Hello!",
            "",
            List.of(),
            List.of(),
            30,
            T0,
            T0);
    workspaces.insert(shop);
    conversation = Conversation.start(shop.id(), VisitorId.generate(), T0);
    conversations.insert(conversation);
    access =
        new VisitorAccess(
            shop.widgetKey(),
            conversation.id(),
            tokens.issueVisitorToken(new VisitorClaims(shop.id(), conversation.id())));
    question = Message.create(conversation, MessageAuthor.VISITOR, "Opne today?", T0);
    answer =
        Message.aiAnswer(
            conversation, "Yes, 8-18.", new ModelUsage("offline", "offline", 0, 0, 0), T0);
    messages.insert(question);
    messages.insert(answer);
  }

  private Conversation stored() {
    return conversations.findById(conversation.id()).orElseThrow();
  }

  @Test
  void theVisitorSaysWhoTheyAre() {
    Conversation identified = service.identify(access, "สมชาย", "somchai@example.com", "");

    assertEquals(new VisitorProfile("สมชาย", "somchai@example.com", null), identified.visitor());
    assertEquals(identified, stored());
    assertEquals(List.of(ConversationChanged.of(identified)), events.published());
    ValidationException wrong =
        assertThrows(ValidationException.class, () -> service.identify(access, "", "x@", ""));
    assertEquals("email", wrong.violations().getFirst().field());
  }

  @Test
  void askingForAPersonFlagsAndReopensTheConversation() {
    conversations.update(conversation.withStatus(ConversationStatus.CLOSED, T0));

    Conversation wanted = service.requestHuman(access);

    assertTrue(wanted.humanRequested());
    assertEquals(ConversationStatus.OPEN, stored().status());
  }

  @Test
  void onlyTheBotsAnswersAreRated() {
    assertEquals(Reaction.UP, service.react(access, answer.id(), Reaction.UP).reaction());
    assertEquals(Reaction.DOWN, service.react(access, answer.id(), Reaction.DOWN).reaction());
    assertEquals(Reaction.DOWN, messages.findById(answer.id()).orElseThrow().reaction());
    assertEquals(
        MessageChanged.of(answer, T0), events.published().getLast(), "watchers hear of it");
    assertNull(service.react(access, answer.id(), null).reaction());

    assertThrows(
        ValidationException.class, () -> service.react(access, question.id(), Reaction.UP));
  }

  @Test
  void theVisitorEditsOwnMessagesWithinFiveMinutes() {
    Message edited = service.edit(access, question.id(), "Open today?");

    assertEquals("Open today?", edited.text());
    assertEquals("Opne today?", edited.edits().getFirst().text());
    assertThrows(ForbiddenException.class, () -> service.edit(access, answer.id(), "Nope"));
    clock.advance(Message.EDIT_WINDOW.plus(Duration.ofMillis(1)));
    assertEquals(
        ErrorCode.EDIT_WINDOW_CLOSED,
        assertThrows(
                ForbiddenException.class, () -> service.edit(access, question.id(), "too late"))
            .code());
  }

  @Test
  void theVisitorsReceiptsAreRecorded() {
    Conversation delivered = service.receipt(access, Receipts.Kind.DELIVERED, answer.id());

    assertEquals(answer.createdAt(), delivered.receipts().visitorDeliveredUpTo());
    assertNull(delivered.receipts().visitorSeenUpTo());
    assertEquals(
        answer.createdAt(),
        service.receipt(access, Receipts.Kind.SEEN, answer.id()).receipts().visitorSeenUpTo());
  }

  @Test
  void theVisitorReadsTheirConversationAndItsMessages() {
    assertEquals(conversation, service.conversation(access));
    assertEquals(answer, service.message(access, answer.id()));
  }

  @Test
  void anotherConversationsMessagesAndTokensAreRefused() {
    Conversation other = Conversation.start(shop.id(), VisitorId.generate(), T0);
    conversations.insert(other);
    Message elsewhere = Message.create(other, MessageAuthor.VISITOR, "mine", T0);
    messages.insert(elsewhere);

    assertThrows(NotFoundException.class, () -> service.edit(access, elsewhere.id(), "x"));
    assertThrows(NotFoundException.class, () -> service.message(access, elsewhere.id()));
    VisitorAccess forged = new VisitorAccess(shop.widgetKey(), other.id(), access.visitorToken());
    assertThrows(AuthenticationException.class, () -> service.requestHuman(forged));
  }
}
