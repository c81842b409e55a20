package com.minichat.application.port.in.realtime;

import com.minichat.application.port.in.widget.VisitorAccess;
import com.minichat.domain.access.Actor;
import com.minichat.domain.conversation.ConversationEvent;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.workspace.WorkspaceId;
import java.util.function.Consumer;

/**
 * Live updates: what connected dashboards and widgets hear, and the typing and presence signals
 * they send. Events carry ids only; a listener reads what changed through its own access (see
 * {@link com.minichat.application.port.in.conversation.QueryConversationsUseCase} and {@link
 * com.minichat.application.port.in.widget.VisitorConversationUseCase}), so a removed member stops
 * seeing content at once.
 */
public interface RealtimeUseCase {
  /**
   * Hears every event of every workspace, from every instance; the caller filters. The listener
   * must not block.
   *
   * @return closing it stops delivery
   */
  AutoCloseable listen(Consumer<ConversationEvent> listener);

  /** Whether {@code actor} may watch {@code workspaceId} (reads its conversations). */
  boolean canWatch(Actor actor, WorkspaceId workspaceId);

  /**
   * A team member starts or stops writing in a conversation.
   *
   * @throws com.minichat.domain.common.NotFoundException outside the actor's workspaces
   */
  void typing(Actor actor, ConversationId conversationId, boolean typing);

  /** The visitor starts or stops writing. */
  void visitorTyping(VisitorAccess access, boolean typing);

  /**
   * A team member comes online in (or leaves) a workspace's dashboard.
   *
   * @throws com.minichat.domain.common.NotFoundException outside the actor's workspaces
   */
  void teamPresence(Actor actor, WorkspaceId workspaceId, boolean online);

  /** The visitor opens or leaves the conversation. */
  void visitorPresence(VisitorAccess access, boolean online);
}
