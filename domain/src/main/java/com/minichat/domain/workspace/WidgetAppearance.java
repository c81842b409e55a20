package com.minichat.domain.workspace;

import com.minichat.domain.common.Urls;
import com.minichat.domain.common.Violations;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a workspace's chat widget looks. Missing values take the defaults; the rules are checked by
 * {@link Workspace}, which reports them with every other broken setting.
 *
 * @param primaryColor accent colour of the launcher, header and visitor bubbles, {@code #rrggbb}
 * @param position corner of the page the launcher sits in: {@code bottom-right} or {@code
 *     bottom-left}
 * @param theme {@code light}, {@code dark} or {@code auto} (follows the visitor's system setting)
 * @param title header text; empty means the workspace's name
 * @param avatarUrl the bot's picture, an absolute {@code https} URL; empty for none
 */
public record WidgetAppearance(
    String primaryColor, String position, String theme, String title, String avatarUrl) {

  /** Corners the launcher may sit in. */
  public static final List<String> POSITIONS = List.of("bottom-right", "bottom-left");

  /** Colour schemes. */
  public static final List<String> THEMES = List.of("auto", "light", "dark");

  public static final String DEFAULT_COLOR = "#2563eb";
  public static final int MAX_TITLE = 60;
  public static final int MAX_AVATAR_URL = 2000;

  /** The look of a new widget. */
  public static final WidgetAppearance DEFAULT =
      new WidgetAppearance(DEFAULT_COLOR, POSITIONS.getFirst(), THEMES.getFirst(), "", "");

  /** Text on the accent colour: white or near-black, whichever contrasts more. */
  static final String LIGHT_TEXT = "#ffffff";

  static final String DARK_TEXT = "#111827";

  private static final Pattern COLOR = Pattern.compile("^#[0-9a-f]{6}$");

  /** Fills missing values with the defaults and normalises case and spacing. */
  public WidgetAppearance {
    primaryColor =
        primaryColor == null ? DEFAULT_COLOR : primaryColor.strip().toLowerCase(Locale.ROOT);
    position = position == null ? POSITIONS.getFirst() : position.strip();
    theme = theme == null ? THEMES.getFirst() : theme.strip();
    title = title == null ? "" : title.strip();
    avatarUrl = avatarUrl == null ? "" : avatarUrl.strip();
  }

  /** Records every broken rule under {@code appearance.*}. */
  void check(Violations violations) {
    violations
        .check(
            COLOR.matcher(primaryColor).matches(),
            "appearance.primaryColor",
            "must be a colour like #2563eb")
        .check(
            POSITIONS.contains(position),
            "appearance.position",
            "must be one of " + String.join(", ", POSITIONS))
        .check(
            THEMES.contains(theme),
            "appearance.theme",
            "must be one of " + String.join(", ", THEMES))
        .text(title, "appearance.title", false, MAX_TITLE)
        .check(
            avatarUrl.isEmpty() || Urls.isPublicHttps(avatarUrl, MAX_AVATAR_URL),
            "appearance.avatarUrl",
            "must be an absolute https URL without credentials, at most "
                + MAX_AVATAR_URL
                + " characters");
  }

  /**
   * The text colour for the accent colour: white unless the accent is light, by the relative
   * luminance of WCAG 2, so labels on the launcher and header stay readable.
   */
  public String textColor() {
    if (!COLOR.matcher(primaryColor).matches()) {
      return LIGHT_TEXT;
    }
    double luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    // Contrast with white (1.05 / (L + 0.05)) against black ((L + 0.05) / 0.05) is equal here.
    return luminance > 0.179 ? DARK_TEXT : LIGHT_TEXT;
  }

  private double channel(int start) {
    double value = Integer.parseInt(primaryColor.substring(start, start + 2), 16) / 255.0;
    return value <= 0.04045 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
  }
}
