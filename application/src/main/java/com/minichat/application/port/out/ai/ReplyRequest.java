package com.minichat.application.port.out.ai;

import com.minichat.domain.conversation.Message;
import com.minichat.domain.workspace.Workspace;
import java.util.List;
import java.util.Objects;

/**
 * Everything a language model needs to answer a visitor.
 *
 * @param workspace the bot's persona and knowledge (system prompt, welcome text, FAQ)
 * @param history earlier messages of the conversation, oldest first
 * @param question the visitor's new message
 * @param providers the workspace's chain, first choice first; never empty
 */
public record ReplyRequest(
    Workspace workspace, List<Message> history, String question, List<ProviderEndpoint> providers) {
  public ReplyRequest {
    Objects.requireNonNull(workspace, "workspace");
    history = List.copyOf(history);
    Objects.requireNonNull(question, "question");
    providers = List.copyOf(providers);
    if (providers.isEmpty()) {
      throw new IllegalArgumentException("a reply needs at least one provider");
    }
  }
}
