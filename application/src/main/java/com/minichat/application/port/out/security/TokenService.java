package com.minichat.application.port.out.security;

import com.minichat.domain.user.UserId;

/**
 * Issues and verifies signed bearer tokens. Verification throws {@link
 * com.minichat.domain.common.AuthenticationException} for any token that is malformed, forged,
 * expired, signed by an unknown key or meant for another audience or purpose.
 */
public interface TokenService {
  /** A short-lived (15 minutes) token that authenticates a dashboard user. */
  String issueAccessToken(AccessClaims claims);

  AccessClaims verifyAccessToken(String token);

  /** A token that lets a widget visitor read and write one conversation. */
  String issueVisitorToken(VisitorClaims claims);

  VisitorClaims verifyVisitorToken(String token);

  /** A token of a few minutes that proves the password step of a sign-in that needs a 2FA code. */
  String issueMfaToken(UserId userId);

  UserId verifyMfaToken(String token);
}
