package com.minichat.application.service.support;

import com.minichat.application.port.out.security.AccessClaims;
import com.minichat.application.port.out.security.TokenService;
import com.minichat.application.port.out.security.VisitorClaims;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.user.UserId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A {@link TokenService} that remembers what it issued: tokens are random strings, verification
 * looks them up and throws {@link AuthenticationException} for anything it did not issue or issued
 * for another purpose (an access token is no visitor or MFA token and the other way round).
 */
public final class FakeTokenService implements TokenService {
  private final Map<String, AccessClaims> accessTokens = new HashMap<>();
  private final Map<String, VisitorClaims> visitorTokens = new HashMap<>();
  private final Map<String, UserId> mfaTokens = new HashMap<>();

  @Override
  public synchronized String issueAccessToken(AccessClaims claims) {
    return remember("access-", accessTokens, claims);
  }

  @Override
  public synchronized AccessClaims verifyAccessToken(String token) {
    return lookUp(accessTokens, token);
  }

  @Override
  public synchronized String issueVisitorToken(VisitorClaims claims) {
    return remember("visitor-", visitorTokens, claims);
  }

  @Override
  public synchronized VisitorClaims verifyVisitorToken(String token) {
    return lookUp(visitorTokens, token);
  }

  @Override
  public synchronized String issueMfaToken(UserId userId) {
    return remember("mfa-", mfaTokens, userId);
  }

  @Override
  public synchronized UserId verifyMfaToken(String token) {
    return lookUp(mfaTokens, token);
  }

  private static <T> String remember(String prefix, Map<String, T> issued, T claims) {
    String token = prefix + UUID.randomUUID();
    issued.put(token, claims);
    return token;
  }

  private static <T> T lookUp(Map<String, T> issued, String token) {
    T claims = issued.get(token);
    if (claims == null) {
      throw new AuthenticationException("The token is invalid or has expired");
    }
    return claims;
  }
}
