package com.minichat.application.port.in.account;

import com.minichat.domain.user.User;

/** A successful sign-in: the bearer token for the API and who it belongs to. */
public record LoginResult(String accessToken, User user) {}
