package com.minichat.application.port.in.widget;

import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;

/**
 * Everything an anonymous visitor does through the public widget. Unknown widget keys and
 * conversations give {@link com.minichat.domain.common.NotFoundException}; a missing or foreign
 * visitor token gives {@link com.minichat.domain.common.AuthenticationException}.
 */
public interface WidgetChatUseCase {
  /** The workspace behind a widget key, for its public configuration. */
  Workspace widget(WidgetKey widgetKey);

  /** Opens a conversation for a new visitor. */
  StartedConversation start(WidgetKey widgetKey);

  /**
   * Stores the visitor's message, asks the bot and stores its reply.
   *
   * @throws com.minichat.domain.common.RateLimitedException when the visitor sends too fast
   * @throws com.minichat.domain.common.UpstreamUnavailableException when no answer could be made;
   *     the visitor's message is kept
   */
  MessageExchange send(VisitorAccess access, String text);

  /** The conversation's messages, oldest first. */
  Page<Message> history(VisitorAccess access, PageRequest page);
}
