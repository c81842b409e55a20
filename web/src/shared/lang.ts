/** UI languages supported by MiniChat's browser code. */
export type Lang = 'th' | 'en';

/**
 * Picks the UI language from a BCP 47 tag such as `navigator.language`.
 *
 * @param tag - the browser's preferred language, e.g. `"th-TH"`; may be missing
 * @returns `"th"` for any Thai tag, otherwise `"en"`
 */
export function pickLang(tag: string | null | undefined): Lang {
  return tag?.trim().toLowerCase().split(/[-_]/)[0] === 'th' ? 'th' : 'en';
}
