package com.minichat.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.minichat.application.service.widget.WidgetChatService;
import com.minichat.bench.MiniChatUnderTest.Conversation;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * One visitor chatting through the widget API. MiniChat accepts only so many messages a minute in
 * one conversation ({@link WidgetChatService#VISITOR_MESSAGES}), so the visitor starts a new
 * conversation before it would be refused; starting one is not timed.
 */
final class Visitor {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MESSAGES_PER_CONVERSATION = WidgetChatService.VISITOR_MESSAGES.permits();

  private final MiniChatUnderTest app;
  private final String body;
  private final String replyText;
  private final Duration timeout;
  private Conversation conversation;
  private int sent;

  /**
   * @param question what the visitor asks every time
   * @param answer the answer the provider gives, which a JSON reply must carry
   * @param timeout how long to wait for the response headers
   */
  Visitor(MiniChatUnderTest app, String question, String answer, Duration timeout) {
    this.app = app;
    this.body = JSON.createObjectNode().put("text", question).toString();
    // how the reply's text appears in the JSON answer
    this.replyText = "\"text\":" + JSON.valueToTree(answer);
    this.timeout = timeout;
  }

  /**
   * The next message, answered as one JSON document ({@code data.reply.text} is the provider's
   * whole answer).
   */
  Call json() throws IOException, InterruptedException {
    return new Call(
        "MiniChat JSON",
        Route.MINICHAT,
        message("application/json"),
        line -> false,
        line -> line.contains(replyText));
  }

  /**
   * The next message, answered as server-sent events: {@code token} events with the pieces, then
   * {@code done}.
   */
  Call stream() throws IOException, InterruptedException {
    return new Call(
        "MiniChat streaming",
        Route.MINICHAT,
        message("text/event-stream"),
        line -> line.equals("event: token"),
        line -> line.equals("event: done"));
  }

  private HttpRequest message(String accept) throws IOException, InterruptedException {
    if (conversation == null || sent == MESSAGES_PER_CONVERSATION) {
      conversation = app.startConversation();
      sent = 0;
    }
    sent++;
    return HttpRequest.newBuilder(conversation.messages())
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("Accept", accept)
        .header("Authorization", conversation.authorization())
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }
}
