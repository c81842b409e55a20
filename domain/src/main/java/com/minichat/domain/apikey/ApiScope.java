package com.minichat.domain.apikey;

/** What a workspace API key may do; each scope includes the ones before it. */
public enum ApiScope {
  READ,
  WRITE,
  ADMIN;

  /** Whether a key with this scope may do what {@code required} needs. */
  public boolean covers(ApiScope required) {
    return ordinal() >= required.ordinal();
  }
}
