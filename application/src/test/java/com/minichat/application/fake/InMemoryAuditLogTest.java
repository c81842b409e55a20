package com.minichat.application.fake;

import com.minichat.application.port.out.audit.AuditLog;
import com.minichat.application.port.out.audit.AuditLogContractTest;

class InMemoryAuditLogTest extends AuditLogContractTest {
  @Override
  protected AuditLog newAuditLog() {
    return new InMemoryAuditLog();
  }
}
