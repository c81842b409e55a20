package com.minichat.application.fake;

import com.minichat.application.port.out.conversation.MessageRepository;
import com.minichat.application.port.out.conversation.MessageRepositoryContractTest;

class InMemoryMessageRepositoryTest extends MessageRepositoryContractTest {
  @Override
  protected MessageRepository newRepository() {
    return new InMemoryMessageRepository();
  }
}
