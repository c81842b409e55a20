package com.minichat.application.port.in.account;

import com.minichat.domain.user.User;
import java.time.Instant;

/**
 * A signed-in session: a short-lived access token and the refresh token that renews it.
 *
 * @param refreshToken the secret for the refresh cookie; stored by the server only as a hash
 */
public record Session(String accessToken, String refreshToken, Instant refreshExpiresAt, User user)
    implements LoginOutcome {}
