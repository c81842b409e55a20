package com.minichat.application.fake;

import com.minichat.application.port.out.modelserver.ModelUploadRepository;
import com.minichat.application.port.out.modelserver.ModelUploadRepositoryContractTest;

class InMemoryModelUploadRepositoryTest extends ModelUploadRepositoryContractTest {
  @Override
  protected ModelUploadRepository newRepository() {
    return new InMemoryModelUploadRepository();
  }
}
