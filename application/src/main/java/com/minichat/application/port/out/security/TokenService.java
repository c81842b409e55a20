package com.minichat.application.port.out.security;

import com.minichat.domain.user.UserId;

/**
 * Issues and verifies signed bearer tokens. Verification throws {@link
 * com.minichat.domain.common.AuthenticationException} for any token that is malformed, forged,
 * expired or meant for another audience.
 */
public interface TokenService {
  /** A short-lived token that authenticates a dashboard user. */
  String issueAccessToken(UserId userId);

  UserId verifyAccessToken(String token);

  /** A token that lets a widget visitor read and write one conversation. */
  String issueVisitorToken(VisitorClaims claims);

  VisitorClaims verifyVisitorToken(String token);
}
