package com.minichat.application.port.in.account;

/**
 * Who is calling, as far as the network tells: used for rate limits and the audit log.
 *
 * @param ip the client address (from a trusted proxy's header or the connection)
 */
public record ClientInfo(String ip, String userAgent) {
  public ClientInfo {
    ip = ip == null || ip.isBlank() ? "unknown" : ip;
    userAgent = userAgent == null ? "" : userAgent.substring(0, Math.min(userAgent.length(), 300));
  }
}
