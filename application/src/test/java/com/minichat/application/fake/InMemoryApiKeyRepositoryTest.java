package com.minichat.application.fake;

import com.minichat.application.port.out.apikey.ApiKeyRepository;
import com.minichat.application.port.out.apikey.ApiKeyRepositoryContractTest;

class InMemoryApiKeyRepositoryTest extends ApiKeyRepositoryContractTest {
  @Override
  protected ApiKeyRepository newRepository() {
    return new InMemoryApiKeyRepository();
  }
}
