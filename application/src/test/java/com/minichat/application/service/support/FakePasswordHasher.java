package com.minichat.application.service.support;

import com.minichat.application.port.out.security.PasswordHasher;
import java.util.ArrayList;
import java.util.List;

/**
 * A transparent, deterministic {@link PasswordHasher}: the "hash" is the reversed password with a
 * marker, so tests can tell a hash from the plain text. Records which passwords were checked.
 */
public final class FakePasswordHasher implements PasswordHasher {
  private static final String MARKER = "fake-hash:";

  private final List<String> checked = new ArrayList<>();

  @Override
  public String hash(String password) {
    return MARKER + new StringBuilder(password).reverse();
  }

  @Override
  public synchronized boolean matches(String password, String hash) {
    checked.add(password);
    return hash(password).equals(hash);
  }

  @Override
  public boolean needsRehash(String hash) {
    return false;
  }

  /** Every password given to {@link #matches}, in order. */
  public synchronized List<String> checked() {
    return List.copyOf(checked);
  }
}
