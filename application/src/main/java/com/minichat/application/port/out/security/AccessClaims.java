package com.minichat.application.port.out.security;

import com.minichat.domain.user.UserId;

/**
 * What a verified access token proves.
 *
 * @param sessionVersion the user's session version when the token was issued; tokens of an older
 *     version are no longer honoured
 */
public record AccessClaims(UserId userId, int sessionVersion) {}
