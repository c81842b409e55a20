package com.minichat.application.service.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.fake.InMemoryConversationRepository;
import com.minichat.application.fake.InMemoryMembershipRepository;
import com.minichat.application.fake.InMemoryMessageRepository;
import com.minichat.application.fake.InMemoryUserRepository;
import com.minichat.application.fake.InMemoryWorkspaceRepository;
import com.minichat.application.port.in.conversation.ConversationChange;
import com.minichat.application.service.support.RecordingEventBus;
import com.minichat.application.service.support.TestClock;
import com.minichat.application.service.workspace.WorkspaceAccess;
import com.minichat.domain.access.Actor;
import com.minichat.domain.access.KeyActor;
import com.minichat.domain.access.UserActor;
import com.minichat.domain.apikey.ApiKey;
import com.minichat.domain.apikey.ApiKeyId;
import com.minichat.domain.apikey.ApiScope;
import com.minichat.domain.common.ErrorCode;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationChanged;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.ConversationStatus;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.conversation.MessageAuthor;
import com.minichat.domain.conversation.MessageChanged;
import com.minichat.domain.conversation.MessageEdit;
import com.minichat.domain.conversation.MessagePosted;
import com.minichat.domain.conversation.Receipts;
import com.minichat.domain.conversation.VisitorId;
import com.minichat.domain.team.Membership;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConversationServiceTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");
  private static final UserId ALICE_ID = new UserId("alice");
  private static final UserId BOB_ID = new UserId("bob");
  private static final Actor ALICE = new UserActor(ALICE_ID);
  private static final Actor BOB = new UserActor(BOB_ID);

  private InMemoryWorkspaceRepository workspaces;
  private InMemoryMembershipRepository memberships;
  private InMemoryConversationRepository conversations;
  private InMemoryMessageRepository messages;
  private RecordingEventBus events;
  private TestClock clock;
  private ConversationService service;

  private Workspace alices;
  private Workspace bobs;
  private Conversation aliceFirst;
  private Conversation aliceSecond;
  private Conversation bobOnly;
  private List<Message> aliceFirstMessages;

  @BeforeEach
  void setUp() {
    workspaces = new InMemoryWorkspaceRepository();
    memberships = new InMemoryMembershipRepository();
    conversations = new InMemoryConversationRepository();
    messages = new InMemoryMessageRepository();
    events = new RecordingEventBus();
    clock = TestClock.fixedAt(T0.plusSeconds(120));
    service =
        new ConversationService(
            new WorkspaceAccess(workspaces, memberships, new InMemoryUserRepository()),
            conversations,
            messages,
            memberships,
            events,
            clock);

    alices = workspace(ALICE_ID);
    bobs = workspace(BOB_ID);
    aliceFirst = conversation(alices, T0);
    aliceSecond = conversation(alices, T0.plusSeconds(60));
    bobOnly = conversation(bobs, T0.plusSeconds(30));
    aliceFirstMessages = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      aliceFirstMessages.add(message(aliceFirst, "alice " + i, T0.plusSeconds(i)));
    }
    message(aliceSecond, "alice other", T0.plusSeconds(61));
    message(bobOnly, "bob secret", T0.plusSeconds(1));
  }

  /** A stored workspace with {@code owner} as its owning member. */
  private Workspace workspace(UserId owner) {
    Workspace workspace =
        new Workspace(
            WorkspaceId.generate(),
            "Shop of " + owner.value(),
            owner,
            WidgetKey.generate(),
            null,
            null,
            null,
            null,
            30,
            T0,
            T0);
    workspaces.insert(workspace);
    memberships.insert(new Membership(workspace.id(), owner, Role.OWNER, T0, T0));
    return workspace;
  }

  private Conversation conversation(Workspace workspace, Instant at) {
    Conversation conversation = Conversation.start(workspace.id(), VisitorId.generate(), at);
    conversations.insert(conversation);
    return conversation;
  }

  private Message message(Conversation conversation, String text, Instant at) {
    Message message = Message.create(conversation, MessageAuthor.VISITOR, text, at);
    messages.insert(message);
    return message;
  }

  @Test
  void membersReadTheirWorkspacesConversationsOldestFirst() {
    Page<Conversation> page = service.conversations(ALICE, alices.id(), PageRequest.first());

    assertEquals(List.of(aliceFirst, aliceSecond), page.items());
    assertNull(page.nextCursor());
  }

  @Test
  void conversationsArePaginated() {
    Page<Conversation> first = service.conversations(ALICE, alices.id(), new PageRequest(null, 1));
    Page<Conversation> second =
        service.conversations(ALICE, alices.id(), new PageRequest(first.nextCursor(), 1));

    assertEquals(List.of(aliceFirst), first.items());
    assertEquals(List.of(aliceSecond), second.items());
    assertNull(second.nextCursor());
  }

  @Test
  void membersReadAConversationsMessagesInOrder() {
    Page<Message> page = service.messages(ALICE, aliceFirst.id(), PageRequest.first());

    assertEquals(aliceFirstMessages, page.items());
  }

  @Test
  void messagesArePaginated() {
    Page<Message> first = service.messages(ALICE, aliceFirst.id(), new PageRequest(null, 2));
    Page<Message> second =
        service.messages(ALICE, aliceFirst.id(), new PageRequest(first.nextCursor(), 2));

    assertEquals(aliceFirstMessages.subList(0, 2), first.items());
    assertEquals(aliceFirstMessages.subList(2, 3), second.items());
    assertNull(second.nextCursor());
  }

  @Test
  void nonMembersCannotListAWorkspacesConversations() {
    assertThrows(
        NotFoundException.class,
        () -> service.conversations(BOB, alices.id(), PageRequest.first()));
  }

  @Test
  void nonMembersCannotReadAConversationsMessages() {
    assertThrows(
        NotFoundException.class, () -> service.messages(BOB, aliceFirst.id(), PageRequest.first()));
    assertThrows(
        NotFoundException.class, () -> service.messages(ALICE, bobOnly.id(), PageRequest.first()));
  }

  @Test
  void unknownIdsAreNotFoundLikeForeignOnes() {
    NotFoundException unknownWorkspace =
        assertThrows(
            NotFoundException.class,
            () -> service.conversations(ALICE, WorkspaceId.generate(), PageRequest.first()));
    NotFoundException unknownConversation =
        assertThrows(
            NotFoundException.class,
            () -> service.messages(ALICE, ConversationId.generate(), PageRequest.first()));
    NotFoundException foreign =
        assertThrows(
            NotFoundException.class,
            () -> service.messages(ALICE, bobOnly.id(), PageRequest.first()));

    assertEquals(foreign.getMessage(), unknownConversation.getMessage());
    assertEquals(foreign.getMessage(), unknownWorkspace.getMessage());
  }

  @Test
  void nothingOfAnotherWorkspaceLeaks() {
    List<Conversation> alicesConversations =
        service.conversations(ALICE, alices.id(), PageRequest.first()).items();
    List<Conversation> bobsConversations =
        service.conversations(BOB, bobs.id(), PageRequest.first()).items();
    List<Message> bobsMessages = service.messages(BOB, bobOnly.id(), PageRequest.first()).items();

    assertEquals(List.of(aliceFirst, aliceSecond), alicesConversations);
    assertEquals(List.of(bobOnly), bobsConversations);
    assertEquals(List.of("bob secret"), bobsMessages.stream().map(Message::text).toList());
  }

  private static KeyActor key(Workspace workspace, ApiScope scope) {
    return new KeyActor(
        new ApiKey(
            ApiKeyId.generate(),
            workspace.id(),
            "ci",
            "mc_live_abcd",
            "hash-" + scope,
            scope,
            workspace.ownerId(),
            T0,
            T0.plus(ApiKey.DEFAULT_LIFETIME),
            null,
            null,
            null));
  }

  @Test
  void membershipRatherThanOwnershipDecidesWhoReads() {
    memberships.insert(new Membership(alices.id(), BOB_ID, Role.MEMBER, T0, T0));

    assertEquals(
        List.of(aliceFirst, aliceSecond),
        service.conversations(BOB, alices.id(), PageRequest.first()).items());
    assertEquals(
        aliceFirstMessages, service.messages(BOB, aliceFirst.id(), PageRequest.first()).items());

    memberships.delete(
        alices.id(), BOB_ID, memberships.find(alices.id(), BOB_ID).orElseThrow().role());
    memberships.delete(alices.id(), ALICE_ID, Role.OWNER);

    assertThrows(
        NotFoundException.class,
        () -> service.conversations(BOB, alices.id(), PageRequest.first()));
    assertThrows(
        NotFoundException.class,
        () -> service.conversations(ALICE, alices.id(), PageRequest.first()));
    assertThrows(
        NotFoundException.class,
        () -> service.messages(ALICE, aliceFirst.id(), PageRequest.first()));
  }

  @Test
  void aReadKeyReadsItsOwnWorkspaceOnly() {
    KeyActor alicesKey = key(alices, ApiScope.READ);

    assertEquals(
        List.of(aliceFirst, aliceSecond),
        service.conversations(alicesKey, alices.id(), PageRequest.first()).items());
    assertEquals(
        aliceFirstMessages,
        service.messages(alicesKey, aliceFirst.id(), PageRequest.first()).items());
    assertThrows(
        NotFoundException.class,
        () -> service.conversations(alicesKey, bobs.id(), PageRequest.first()));
    assertThrows(
        NotFoundException.class,
        () -> service.messages(alicesKey, bobOnly.id(), PageRequest.first()));
  }

  @Test
  void aDeletedWorkspacesConversationsAreGoneForMembersAndKeys() {
    KeyActor alicesKey = key(alices, ApiScope.ADMIN);
    workspaces.markDeleted(alices.id(), T0.plusSeconds(120));

    assertThrows(
        NotFoundException.class,
        () -> service.conversations(ALICE, alices.id(), PageRequest.first()));
    assertThrows(
        NotFoundException.class,
        () -> service.messages(ALICE, aliceFirst.id(), PageRequest.first()));
    assertThrows(
        NotFoundException.class,
        () -> service.conversations(alicesKey, alices.id(), PageRequest.first()));
    assertThrows(
        NotFoundException.class,
        () -> service.messages(alicesKey, aliceFirst.id(), PageRequest.first()));
  }

  @Test
  void oneConversationIsReadByMembersOnly() {
    assertEquals(aliceFirst, service.conversation(ALICE, aliceFirst.id()));
    assertThrows(NotFoundException.class, () -> service.conversation(BOB, aliceFirst.id()));
  }

  @Test
  void anAgentsReplyIsStoredPublishedAndPausesTheBot() {
    conversations.update(aliceFirst.humanWanted(T0));

    Message reply = service.reply(ALICE, aliceFirst.id(), "  I'm Alice, how can I help?  ");

    assertEquals(MessageAuthor.AGENT, reply.author());
    assertEquals(ALICE_ID, reply.authorId());
    assertEquals("I'm Alice, how can I help?", reply.text());
    assertEquals(reply, messages.findById(reply.id()).orElseThrow());
    Conversation after = conversations.findById(aliceFirst.id()).orElseThrow();
    assertEquals(
        List.of(MessagePosted.of(reply), ConversationChanged.of(after)), events.published());
    assertTrue(after.aiPaused());
    assertFalse(after.humanRequested());
  }

  @Test
  void aWriteKeyRepliesWithoutAPersonAndAReadKeyMayNot() {
    Message reply = service.reply(key(alices, ApiScope.WRITE), aliceFirst.id(), "From the CRM");

    assertEquals(MessageAuthor.AGENT, reply.author());
    assertNull(reply.authorId());
    assertThrows(
        ForbiddenException.class,
        () -> service.reply(key(alices, ApiScope.READ), aliceFirst.id(), "nope"));
    assertThrows(
        NotFoundException.class,
        () -> service.reply(key(bobs, ApiScope.WRITE), aliceFirst.id(), "nope"));
  }

  @Test
  void theTeamChangesStatusAndHandsTheConversationBackToTheBot() {
    service.reply(ALICE, aliceFirst.id(), "Taking over");

    Conversation closed =
        service.change(
            ALICE, aliceFirst.id(), new ConversationChange(ConversationStatus.CLOSED, false));

    assertEquals(ConversationStatus.CLOSED, closed.status());
    assertFalse(closed.aiPaused());
    assertEquals(ConversationChanged.of(closed), events.published().getLast());
    assertEquals(closed, conversations.findById(aliceFirst.id()).orElseThrow());
    Conversation taken = service.change(ALICE, aliceFirst.id(), new ConversationChange(null, true));
    assertTrue(taken.aiPaused());
    assertEquals(ConversationStatus.CLOSED, taken.status(), "unnamed parts stay");
  }

  @Test
  void anAgentEditsOwnMessagesWithinFiveMinutesOnly() {
    memberships.insert(new Membership(alices.id(), BOB_ID, Role.MEMBER, T0, T0));
    Message reply = service.reply(ALICE, aliceFirst.id(), "We open at 9");
    clock.advance(Duration.ofMinutes(4));

    Message edited = service.edit(ALICE, aliceFirst.id(), reply.id(), "We open at 8");

    assertEquals("We open at 8", edited.text());
    assertEquals(MessageChanged.of(edited, clock.instant()), events.published().getLast());
    assertEquals(List.of(new MessageEdit("We open at 9", clock.instant())), edited.edits());
    assertEquals(edited, messages.findById(reply.id()).orElseThrow());
    assertThrows(
        ForbiddenException.class,
        () -> service.edit(BOB, aliceFirst.id(), reply.id(), "Bob was here"));
    assertThrows(
        ForbiddenException.class,
        () -> service.edit(ALICE, aliceFirst.id(), aliceFirstMessages.get(0).id(), "not mine"));
    clock.advance(Duration.ofMinutes(1).plusMillis(1));
    ForbiddenException late =
        assertThrows(
            ForbiddenException.class,
            () -> service.edit(ALICE, aliceFirst.id(), reply.id(), "too late"));
    assertEquals(ErrorCode.EDIT_WINDOW_CLOSED, late.code());
  }

  @Test
  void aMessageOfAnotherConversationIsNotFound() {
    Message other = message(aliceSecond, "elsewhere", T0);

    assertThrows(
        NotFoundException.class, () -> service.edit(ALICE, aliceFirst.id(), other.id(), "x"));
    assertThrows(
        NotFoundException.class,
        () -> service.receipt(ALICE, aliceFirst.id(), Receipts.Kind.SEEN, other.id()));
  }

  @Test
  void theTeamsReceiptsMoveForward() {
    Message last = aliceFirstMessages.getLast();

    Conversation seen = service.receipt(ALICE, aliceFirst.id(), Receipts.Kind.SEEN, last.id());
    service.receipt(ALICE, aliceFirst.id(), Receipts.Kind.SEEN, aliceFirstMessages.get(0).id());

    assertEquals(last.createdAt(), seen.receipts().teamSeenUpTo());
    assertEquals(
        last.createdAt(),
        conversations.findById(aliceFirst.id()).orElseThrow().receipts().teamSeenUpTo());
  }

  @Test
  void aConversationIsAssignedToAMemberAndBackToNobody() {
    memberships.insert(new Membership(alices.id(), BOB_ID, Role.MEMBER, T0, T0));

    Conversation assigned =
        service.change(
            ALICE, aliceFirst.id(), new ConversationChange(null, null, Optional.of(BOB_ID)));

    assertEquals(BOB_ID, assigned.assigneeId());
    assertEquals(ConversationChanged.of(assigned), events.published().getLast());
    assertEquals(
        BOB_ID,
        service.change(ALICE, aliceFirst.id(), new ConversationChange(null, true)).assigneeId(),
        "other changes leave the assignment");
    assertNull(
        service
            .change(ALICE, aliceFirst.id(), new ConversationChange(null, null, Optional.empty()))
            .assigneeId());
  }

  @Test
  void onlyAMemberOfTheWorkspaceCanBeAssigned() {
    ValidationException refused =
        assertThrows(
            ValidationException.class,
            () ->
                service.change(
                    ALICE,
                    aliceFirst.id(),
                    new ConversationChange(null, null, Optional.of(new UserId("stranger")))));

    assertEquals("assigneeId", refused.violations().getFirst().field());
    assertNull(conversations.findById(aliceFirst.id()).orElseThrow().assigneeId());
  }
}
