package com.minichat.application.fake;

import com.minichat.application.port.out.conversation.ConversationRepository;
import com.minichat.application.port.out.conversation.ConversationRepositoryContractTest;

class InMemoryConversationRepositoryTest extends ConversationRepositoryContractTest {
  @Override
  protected ConversationRepository newRepository() {
    return new InMemoryConversationRepository();
  }
}
