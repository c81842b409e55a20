package com.minichat.application.fake;

import com.minichat.application.port.out.provider.ProviderChainRepository;
import com.minichat.application.port.out.provider.ProviderChainRepositoryContractTest;

class InMemoryProviderChainRepositoryTest extends ProviderChainRepositoryContractTest {
  @Override
  protected ProviderChainRepository newRepository() {
    return new InMemoryProviderChainRepository();
  }
}
