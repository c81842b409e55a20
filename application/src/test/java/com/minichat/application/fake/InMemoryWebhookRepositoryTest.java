package com.minichat.application.fake;

import com.minichat.application.port.out.webhook.WebhookRepository;
import com.minichat.application.port.out.webhook.WebhookRepositoryContractTest;

class InMemoryWebhookRepositoryTest extends WebhookRepositoryContractTest {
  @Override
  protected WebhookRepository newRepository() {
    return new InMemoryWebhookRepository();
  }
}
