package com.minichat.application.port.in.account;

/** The password was right; the sign-in completes with a 2FA code and this token. */
public record MfaChallenge(String mfaToken) implements LoginOutcome {}
