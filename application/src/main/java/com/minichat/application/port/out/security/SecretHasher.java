package com.minichat.application.port.out.security;

/**
 * Fast one-way hashing of high-entropy secrets we generate ourselves (refresh tokens, e-mailed
 * tokens, recovery codes), so that a database leak reveals none of them. Not for passwords.
 */
public interface SecretHasher {
  String hash(String secret);
}
