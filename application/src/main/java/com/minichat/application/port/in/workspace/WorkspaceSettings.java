package com.minichat.application.port.in.workspace;

import com.minichat.domain.workspace.AiPolicy;
import com.minichat.domain.workspace.FaqEntry;
import com.minichat.domain.workspace.WidgetAppearance;
import java.util.List;
import java.util.Map;

/**
 * Settings a user sends when creating or changing a workspace; a {@code null} field means "leave as
 * it is" (or the default on creation). The rules are checked by {@code Workspace} itself. An
 * appearance replaces the whole stored appearance; its missing values take the defaults, and so
 * does an AI policy.
 */
public record WorkspaceSettings(
    String name,
    String welcomeMessage,
    String systemPrompt,
    List<FaqEntry> faq,
    List<String> allowedDomains,
    Integer dataRetentionDays,
    Boolean requireTwoFactor,
    Map<String, String> welcomeMessages,
    WidgetAppearance appearance,
    AiPolicy aiPolicy) {

  /** Settings that leave the AI policy as it is. */
  public WorkspaceSettings(
      String name,
      String welcomeMessage,
      String systemPrompt,
      List<FaqEntry> faq,
      List<String> allowedDomains,
      Integer dataRetentionDays,
      Boolean requireTwoFactor,
      Map<String, String> welcomeMessages,
      WidgetAppearance appearance) {
    this(
        name,
        welcomeMessage,
        systemPrompt,
        faq,
        allowedDomains,
        dataRetentionDays,
        requireTwoFactor,
        welcomeMessages,
        appearance,
        null);
  }

  /** Settings that leave the widget's appearance as it is. */
  public WorkspaceSettings(
      String name,
      String welcomeMessage,
      String systemPrompt,
      List<FaqEntry> faq,
      List<String> allowedDomains,
      Integer dataRetentionDays,
      Boolean requireTwoFactor,
      Map<String, String> welcomeMessages) {
    this(
        name,
        welcomeMessage,
        systemPrompt,
        faq,
        allowedDomains,
        dataRetentionDays,
        requireTwoFactor,
        welcomeMessages,
        null);
  }

  /** Settings that leave the greetings per language as they are. */
  public WorkspaceSettings(
      String name,
      String welcomeMessage,
      String systemPrompt,
      List<FaqEntry> faq,
      List<String> allowedDomains,
      Integer dataRetentionDays,
      Boolean requireTwoFactor) {
    this(
        name,
        welcomeMessage,
        systemPrompt,
        faq,
        allowedDomains,
        dataRetentionDays,
        requireTwoFactor,
        null);
  }

  /** Settings that leave the two-factor requirement as it is. */
  public WorkspaceSettings(
      String name,
      String welcomeMessage,
      String systemPrompt,
      List<FaqEntry> faq,
      List<String> allowedDomains,
      Integer dataRetentionDays) {
    this(name, welcomeMessage, systemPrompt, faq, allowedDomains, dataRetentionDays, null);
  }
}
