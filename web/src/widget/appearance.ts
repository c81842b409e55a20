import type { WidgetConfig } from './api';

const COLOR = /^#[0-9a-fA-F]{6}$/;
const POSITIONS: readonly string[] = ['bottom-right', 'bottom-left'];
const THEMES: readonly string[] = ['auto', 'light', 'dark'];

/** What the panel header shows once the appearance is applied. */
export interface HeaderLook {
  /** Header text (`appearance.title`, else the widget's name); absent to keep the default. */
  title?: string;
  /** Avatar image URL, only ever an `https` one; absent for none. */
  avatarUrl?: string;
}

/**
 * Applies a widget configuration's appearance to the shadow host: the accent colour and the text
 * colour on it become the custom properties `--mc-accent` and `--mc-on-accent` (set only when
 * both are `#rrggbb`, so that the text always matches its background), and the position and
 * theme become the `data-position` and `data-theme` attributes (unknown values fall back to
 * `bottom-right` and `auto`, the server's defaults). Values are checked again here because the
 * config is untrusted JSON; without an `appearance` the host is left untouched.
 *
 * @param host - the shadow host element (`root.host`)
 * @param config - the public widget configuration
 * @returns the header's title and avatar URL (`https` only, case-insensitive)
 */
export function applyAppearance(
  host: Element & ElementCSSInlineStyle,
  config: WidgetConfig,
): HeaderLook {
  const look: HeaderLook = {};
  if (config.name) look.title = config.name;
  const raw: unknown = config.appearance;
  if (typeof raw !== 'object' || raw === null) return look;
  const a = raw as Record<string, unknown>;
  const text = (key: string): string => {
    const value = a[key];
    return typeof value === 'string' ? value : '';
  };

  const accent = text('primaryColor');
  const onAccent = text('textColor');
  if (COLOR.test(accent) && COLOR.test(onAccent)) {
    host.style.setProperty('--mc-accent', accent);
    host.style.setProperty('--mc-on-accent', onAccent);
  } else {
    host.style.removeProperty('--mc-accent');
    host.style.removeProperty('--mc-on-accent');
  }
  const position = text('position');
  host.setAttribute('data-position', POSITIONS.includes(position) ? position : 'bottom-right');
  const theme = text('theme');
  host.setAttribute('data-theme', THEMES.includes(theme) ? theme : 'auto');

  const title = text('title').trim();
  if (title) look.title = title;
  const avatarUrl = text('avatarUrl');
  if (/^https:\/\//i.test(avatarUrl)) look.avatarUrl = avatarUrl;
  return look;
}
