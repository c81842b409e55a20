package com.minichat.application.service.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.fake.InMemoryConversationRepository;
import com.minichat.application.fake.InMemoryMembershipRepository;
import com.minichat.application.fake.InMemoryMessageRepository;
import com.minichat.application.fake.InMemoryUserRepository;
import com.minichat.application.fake.InMemoryWorkspaceRepository;
import com.minichat.application.port.in.widget.VisitorAccess;
import com.minichat.application.port.out.security.VisitorClaims;
import com.minichat.application.service.support.FakeTokenService;
import com.minichat.application.service.support.RecordingEventBus;
import com.minichat.application.service.support.TestClock;
import com.minichat.application.service.widget.VisitorConversationService;
import com.minichat.application.service.workspace.WorkspaceAccess;
import com.minichat.domain.access.UserActor;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationEvent;
import com.minichat.domain.conversation.MessageAuthor;
import com.minichat.domain.conversation.Presence;
import com.minichat.domain.conversation.Typing;
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
import org.junit.jupiter.api.Test;

class RealtimeServiceTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");
  private static final UserId ANN = new UserId("ann");
  private static final UserId EVE = new UserId("eve");

  private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
  private final InMemoryMembershipRepository memberships = new InMemoryMembershipRepository();
  private final InMemoryConversationRepository conversations = new InMemoryConversationRepository();
  private final FakeTokenService tokens = new FakeTokenService();
  private final RecordingEventBus events = new RecordingEventBus();
  private final TestClock clock = TestClock.fixedAt(T0);
  private final RealtimeService service =
      new RealtimeService(
          events,
          new WorkspaceAccess(workspaces, memberships, new InMemoryUserRepository()),
          conversations,
          new VisitorConversationService(
              workspaces, conversations, new InMemoryMessageRepository(), tokens, events, clock),
          clock);

  private final Workspace shop = shop();
  private final Conversation conversation = Conversation.start(shop.id(), VisitorId.generate(), T0);

  private Workspace shop() {
    Workspace workspace =
        new Workspace(
            WorkspaceId.generate(),
            "Coffee",
            ANN,
            WidgetKey.generate(),
            "",
            "",
            List.of(),
            List.of(),
            30,
            T0,
            T0);
    workspaces.insert(workspace);
    memberships.insert(new Membership(workspace.id(), ANN, Role.OWNER, T0, T0));
    return workspace;
  }

  private VisitorAccess visitor() {
    conversations.insert(conversation);
    return new VisitorAccess(
        shop.widgetKey(),
        conversation.id(),
        tokens.issueVisitorToken(new VisitorClaims(shop.id(), conversation.id())));
  }

  @Test
  void membersTypingIsHeardAndOutsidersAreRefused() throws Exception {
    conversations.insert(conversation);
    List<ConversationEvent> heard = new ArrayList<>();
    AutoCloseable listening = service.listen(heard::add);

    service.typing(new UserActor(ANN), conversation.id(), true);

    assertEquals(
        List.of(new Typing(shop.id(), conversation.id(), MessageAuthor.AGENT, ANN, true, T0)),
        heard);
    assertThrows(
        NotFoundException.class, () -> service.typing(new UserActor(EVE), conversation.id(), true));
    listening.close();
    service.typing(new UserActor(ANN), conversation.id(), false);
    assertEquals(1, heard.size(), "closing stops delivery");
  }

  @Test
  void onlyMembersMayWatchAWorkspace() {
    assertTrue(service.canWatch(new UserActor(ANN), shop.id()));
    assertFalse(service.canWatch(new UserActor(EVE), shop.id()));
    assertFalse(service.canWatch(new UserActor(ANN), WorkspaceId.generate()));
  }

  @Test
  void teamPresenceIsForMembersOnly() {
    service.teamPresence(new UserActor(ANN), shop.id(), true);

    assertEquals(
        List.of(new Presence(shop.id(), null, MessageAuthor.AGENT, ANN, true, T0)),
        events.published());
    assertThrows(
        NotFoundException.class, () -> service.teamPresence(new UserActor(EVE), shop.id(), true));
  }

  @Test
  void theVisitorsTypingAndPresenceNeedTheirToken() {
    VisitorAccess access = visitor();

    service.visitorPresence(access, true);
    service.visitorTyping(access, true);

    assertEquals(
        List.of(
            new Presence(shop.id(), conversation.id(), MessageAuthor.VISITOR, null, true, T0),
            new Typing(shop.id(), conversation.id(), MessageAuthor.VISITOR, null, true, T0)),
        events.published());
    VisitorAccess forged = new VisitorAccess(shop.widgetKey(), conversation.id(), "forged");
    assertThrows(AuthenticationException.class, () -> service.visitorTyping(forged, true));
  }
}
