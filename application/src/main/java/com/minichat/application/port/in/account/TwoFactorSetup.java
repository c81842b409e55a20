package com.minichat.application.port.in.account;

/**
 * What an authenticator app needs to add the account.
 *
 * @param qrCode a {@code data:image/png;base64,…} image of {@code otpauthUri}
 */
public record TwoFactorSetup(String secret, String otpauthUri, String qrCode) {}
