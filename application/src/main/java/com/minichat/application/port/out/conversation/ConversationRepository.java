package com.minichat.application.port.out.conversation;

import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.workspace.WorkspaceId;
import java.util.Optional;

/**
 * Stores conversations. Infrastructure failures surface as {@code UpstreamUnavailableException}.
 */
public interface ConversationRepository {
  void insert(Conversation conversation);

  Optional<Conversation> findById(ConversationId id);

  /**
   * Replaces the stored conversation with the same id (the last write wins).
   *
   * @throws com.minichat.domain.common.NotFoundException when there is none
   */
  void update(Conversation conversation);

  /** A workspace's conversations, oldest first, by creation time then id. */
  Page<Conversation> findByWorkspace(WorkspaceId workspaceId, PageRequest page);
}
