package com.minichat.application.port.in.widget;

import com.minichat.application.port.out.ai.TokenSink;
import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.conversation.VisitorId;
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

  /**
   * Opens a conversation for a new visitor. A private widget needs its PIN; wrong PINs are limited
   * per widget and client address.
   *
   * @param pin the PIN the visitor typed, or {@code null} for a public widget
   * @param clientIp the visitor's address, for the PIN attempt limit
   * @param returning the visitor's id from an earlier conversation on this widget, so that a
   *     returning visitor keeps one anonymous identity; {@code null} for a new visitor
   * @throws com.minichat.domain.common.AuthenticationException for a missing or wrong PIN
   * @throws com.minichat.domain.common.RateLimitedException after too many PIN attempts
   */
  StartedConversation start(WidgetKey widgetKey, String pin, String clientIp, VisitorId returning);

  /**
   * Stores the visitor's message, asks the bot and stores its reply. The reply is stored complete
   * even when whoever listens to {@code sink} has gone away.
   *
   * @param sink receives the reply piece by piece while it is written ({@link TokenSink#NONE} when
   *     only the finished reply is wanted)
   * @throws com.minichat.domain.common.RateLimitedException when the visitor sends too fast
   * @throws com.minichat.domain.common.UpstreamUnavailableException when no answer could be made;
   *     the visitor's message is kept
   */
  MessageExchange send(VisitorAccess access, String text, TokenSink sink);

  /** The conversation's messages, oldest first. */
  Page<Message> history(VisitorAccess access, PageRequest page);
}
