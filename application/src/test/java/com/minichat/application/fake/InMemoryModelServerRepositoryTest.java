package com.minichat.application.fake;

import com.minichat.application.port.out.modelserver.ModelServerRepository;
import com.minichat.application.port.out.modelserver.ModelServerRepositoryContractTest;

class InMemoryModelServerRepositoryTest extends ModelServerRepositoryContractTest {
  @Override
  protected ModelServerRepository newRepository() {
    return new InMemoryModelServerRepository();
  }
}
