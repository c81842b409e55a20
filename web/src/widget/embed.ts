import type { WidgetUi } from './contract';
import { UI_READY_EVENT } from './contract';

/** Name of the window property that marks the page as already having a widget. */
export const SINGLETON_FLAG = '__miniChatWidget';

/**
 * Finds the `<script>` element that loaded the widget: `document.currentScript` while the
 * loader runs, otherwise the first script carrying `data-widget-key`.
 *
 * @param doc - the host page's document
 */
export function findOwnScript(doc: Document): HTMLScriptElement | null {
  const current = doc.currentScript as HTMLScriptElement | null;
  if (current?.dataset.widgetKey) return current;
  return doc.querySelector<HTMLScriptElement>('script[data-widget-key]');
}

/**
 * Derives the API base (scheme, host and port) from the loader script's `src`, so the widget
 * talks to the server that served it and not to the host page's origin.
 *
 * @param script - the loader's script element
 * @param pageUrl - the page URL used to resolve a relative `src`
 * @returns the origin, e.g. `https://chat.example.com`; `null` for a script without usable `src`
 */
export function apiBaseOf(script: HTMLScriptElement, pageUrl: string): string | null {
  const src = script.getAttribute('src');
  if (!src) return null;
  try {
    const url = new URL(src, pageUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * Claims the page for this widget instance. Only the first caller per window gets `true`, so a
 * second embed (or a second copy of the loader) does not create a second widget.
 *
 * @param win - the host page's window
 */
export function claimPage(win: Window): boolean {
  const slot = win as unknown as Record<string, unknown>;
  if (slot[SINGLETON_FLAG]) return false;
  slot[SINGLETON_FLAG] = true;
  return true;
}

/**
 * Loads the UI chunk with a classic `<script>` (no CORS needed, same CSP source as the loader)
 * and resolves with what the chunk hands over through {@link UI_READY_EVENT}.
 *
 * @param doc - the host page's document
 * @param url - absolute URL of the UI chunk
 */
export function loadUi(doc: Document, url: string): Promise<WidgetUi> {
  return new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    script.async = true;
    script.src = url;
    script.addEventListener(UI_READY_EVENT, (event) => {
      resolve((event as CustomEvent<WidgetUi>).detail);
    });
    // The chunk dispatches the event while it executes, i.e. before `load`; so a `load` that
    // arrives first (or an `error`) means the chunk is missing or broken. Rejecting an already
    // resolved promise is a no-op.
    const done = () => {
      script.remove();
      reject(new Error('MiniChat widget UI failed to load'));
    };
    script.addEventListener('load', done);
    script.addEventListener('error', done);
    doc.head.append(script);
  });
}
