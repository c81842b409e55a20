import { pickLang } from '../shared/lang';
import type { PanelHandle, UiContext, WidgetUi } from './contract';
import { adoptCss } from './css';
import { apiBaseOf, claimPage, findOwnScript } from './embed';
import { launcherLabel } from './i18n';
import css from './launcher.css?inline';

/** The `id` of the element that hosts the widget's shadow root. */
export const HOST_ID = 'minichat-widget';

/** The mounted launcher. */
export interface Launcher {
  host: HTMLElement;
  root: ShadowRoot;
  button: HTMLButtonElement;
  /** Settles once the panel exists and the click has been handled (for tests). */
  click(): Promise<void>;
}

/** How the launcher obtains the UI chunk (replaceable in tests). */
export type UiLoader = (url: string) => Promise<WidgetUi>;

/**
 * Draws the launcher button inside a Shadow DOM host appended to `document.body`. The chat UI
 * chunk is fetched on first hover/focus (prefetch) or click, then mounted once; clicks toggle
 * the panel.
 *
 * @param doc - the host page's document; its `body` must exist
 * @param context - everything but the shadow root and button, which are created here
 * @param uiUrl - absolute URL of the UI chunk
 * @param load - function that loads the UI chunk
 */
export function mountLauncher(
  doc: Document,
  context: Omit<UiContext, 'root' | 'launcher'>,
  uiUrl: string,
  load: UiLoader,
): Launcher {
  const host = doc.createElement('div');
  host.id = HOST_ID;
  const root = host.attachShadow({ mode: 'open' });
  adoptCss(root, css);

  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'launcher';
  button.setAttribute('aria-label', launcherLabel(context.lang));
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'panel');
  const ns = 'http://www.w3.org/2000/svg';
  const svg = doc.createElementNS(ns, 'svg');
  const path = doc.createElementNS(ns, 'path');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  path.setAttribute(
    'd',
    'M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z',
  );
  svg.append(path);
  button.append(svg);
  root.append(button);
  doc.body.append(host);

  let panel: Promise<PanelHandle> | undefined;
  const ensurePanel = (): Promise<PanelHandle> =>
    (panel ??= load(uiUrl).then(
      (ui) => ui.mount({ ...context, root, launcher: button }),
      (error: unknown) => {
        panel = undefined; // try again on the next click
        throw error;
      },
    ));

  let busy = false;
  const click = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    button.setAttribute('aria-busy', 'true');
    try {
      (await ensurePanel()).toggle();
    } catch {
      // The chunk could not be loaded; the next click retries.
    } finally {
      busy = false;
      button.removeAttribute('aria-busy');
    }
  };
  const prefetch = () => {
    ensurePanel().catch(() => undefined);
  };
  button.addEventListener('click', () => void click());
  button.addEventListener('pointerenter', prefetch, { once: true });
  button.addEventListener('focus', prefetch, { once: true });

  return { host, root, button, click };
}

/**
 * Starts the widget on a host page: finds the loader's script tag (call it while the loader
 * runs so that `document.currentScript` is set), claims the page so that a second embed is
 * ignored, and mounts the launcher once the document has been parsed.
 *
 * @param win - the host page's window
 * @param uiPath - server path of the UI chunk, e.g. `/assets/widget-ui-abc123.js`
 * @param load - function that loads the UI chunk from its absolute URL
 * @returns the launcher, or `null` when nothing was mounted (no `data-widget-key`, no usable
 *   `src`, or the page already has a widget)
 */
export function boot(win: Window, uiPath: string, load: UiLoader): Promise<Launcher | null> {
  const doc = win.document;
  const script = findOwnScript(doc);
  const key = script?.dataset.widgetKey;
  const base = script && apiBaseOf(script, doc.baseURI);
  if (!key || !base || !claimPage(win)) return Promise.resolve(null);
  const context = { base, key, lang: pickLang(win.navigator.language) };
  return new Promise((resolve) => {
    const mount = () => {
      resolve(mountLauncher(doc, context, base + uiPath, load));
    };
    if (doc.readyState === 'loading')
      doc.addEventListener('DOMContentLoaded', mount, { once: true });
    else mount();
  });
}
