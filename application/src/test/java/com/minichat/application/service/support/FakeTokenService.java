package com.minichat.application.service.support;

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
 * for the other audience (an access token is no visitor token and the other way round).
 */
public final class FakeTokenService implements TokenService {
  private final Map<String, UserId> accessTokens = new HashMap<>();
  private final Map<String, VisitorClaims> visitorTokens = new HashMap<>();

  @Override
  public synchronized String issueAccessToken(UserId userId) {
    String token = "access-" + UUID.randomUUID();
    accessTokens.put(token, userId);
    return token;
  }

  @Override
  public synchronized UserId verifyAccessToken(String token) {
    UserId userId = accessTokens.get(token);
    if (userId == null) {
      throw new AuthenticationException("Invalid access token");
    }
    return userId;
  }

  @Override
  public synchronized String issueVisitorToken(VisitorClaims claims) {
    String token = "visitor-" + UUID.randomUUID();
    visitorTokens.put(token, claims);
    return token;
  }

  @Override
  public synchronized VisitorClaims verifyVisitorToken(String token) {
    VisitorClaims claims = visitorTokens.get(token);
    if (claims == null) {
      throw new AuthenticationException("Invalid visitor token");
    }
    return claims;
  }
}
