package com.minichat.application.port.in.account;

/** What a correct password gives: a session, or a second step when 2FA is on. */
public sealed interface LoginOutcome permits Session, MfaChallenge {}
