package com.minichat.domain.conversation;

import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;

/**
 * Something that happened in a conversation, for everyone watching it live. Events name what
 * changed, not its content: a listener reads the current state through its own access rights.
 */
public sealed interface ConversationEvent
    permits MessagePosted, MessageChanged, ConversationChanged, Typing, Presence {
  /** The workspace the conversation belongs to. */
  WorkspaceId workspaceId();

  /** The conversation; {@code null} only for a team member's presence in the workspace. */
  ConversationId conversationId();

  /** When it happened. */
  Instant at();
}
