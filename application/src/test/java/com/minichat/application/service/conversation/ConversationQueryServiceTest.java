package com.minichat.application.service.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.minichat.application.fake.InMemoryConversationRepository;
import com.minichat.application.fake.InMemoryMembershipRepository;
import com.minichat.application.fake.InMemoryMessageRepository;
import com.minichat.application.fake.InMemoryUserRepository;
import com.minichat.application.fake.InMemoryWorkspaceRepository;
import com.minichat.application.service.workspace.WorkspaceAccess;
import com.minichat.domain.access.Actor;
import com.minichat.domain.access.KeyActor;
import com.minichat.domain.access.UserActor;
import com.minichat.domain.apikey.ApiKey;
import com.minichat.domain.apikey.ApiKeyId;
import com.minichat.domain.apikey.ApiScope;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.conversation.MessageAuthor;
import com.minichat.domain.conversation.VisitorId;
import com.minichat.domain.team.Membership;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConversationQueryServiceTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");
  private static final UserId ALICE_ID = new UserId("alice");
  private static final UserId BOB_ID = new UserId("bob");
  private static final Actor ALICE = new UserActor(ALICE_ID);
  private static final Actor BOB = new UserActor(BOB_ID);

  private InMemoryWorkspaceRepository workspaces;
  private InMemoryMembershipRepository memberships;
  private InMemoryConversationRepository conversations;
  private InMemoryMessageRepository messages;
  private ConversationQueryService service;

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
    service =
        new ConversationQueryService(
            new WorkspaceAccess(workspaces, memberships, new InMemoryUserRepository()),
            conversations,
            messages);

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
}
