package com.minichat.application.port.in.account;

import java.util.List;

/** 2FA is on: the single-use recovery codes (shown once) and the renewed session. */
public record TwoFactorActivation(List<String> recoveryCodes, Session session) {}
