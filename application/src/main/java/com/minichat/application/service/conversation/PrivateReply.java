package com.minichat.application.service.conversation;

import com.minichat.application.port.out.ai.TokenSink;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.privacy.PersonalDataRedactor;
import com.minichat.domain.privacy.PlaceholderVault;
import com.minichat.domain.privacy.StreamingRestorer;
import java.util.ArrayList;
import java.util.List;

/**
 * One reply with personal data kept from the provider: the history and question go out with
 * placeholders, and the answer comes back with the originals restored, piece by piece while it
 * streams. The originals live only in this object, for this one reply.
 */
final class PrivateReply implements TokenSink {
  private static final PersonalDataRedactor REDACTOR = new PersonalDataRedactor();

  private final PlaceholderVault vault = new PlaceholderVault();
  private final TokenSink sink;
  private final List<Message> history;
  private final String question;
  private StreamingRestorer restorer;

  PrivateReply(List<Message> history, String question, TokenSink sink) {
    this.sink = sink;
    List<String> texts = new ArrayList<>(history.stream().map(Message::text).toList());
    texts.add(question);
    List<String> redacted = REDACTOR.redactAll(texts, vault);
    List<Message> hidden = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      Message message = history.get(i);
      hidden.add(
          new Message(
              message.id(),
              message.conversationId(),
              message.workspaceId(),
              message.author(),
              message.authorId(),
              redacted.get(i),
              message.createdAt(),
              message.editedAt(),
              List.of(),
              message.reaction(),
              message.usage()));
    }
    this.history = List.copyOf(hidden);
    this.question = redacted.getLast();
    this.restorer = new StreamingRestorer(vault);
  }

  /** The history as the provider may see it. */
  List<Message> history() {
    return history;
  }

  /** The question as the provider may see it. */
  String question() {
    return question;
  }

  @Override
  public void token(String text) {
    String restored = restorer.accept(text);
    if (!restored.isEmpty()) {
      sink.token(restored);
    }
  }

  @Override
  public void restart() {
    restorer = new StreamingRestorer(vault);
    sink.restart();
  }

  /** Sends what the restorer held back at the end of the answer. */
  void finish() {
    String rest = restorer.finish();
    if (!rest.isEmpty()) {
      sink.token(rest);
    }
  }

  /** The complete answer with the originals back in place. */
  String restore(String answer) {
    return vault.restore(answer);
  }
}
