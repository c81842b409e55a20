import { afterEach, describe, expect, it, vi } from 'vitest';
import { UI_READY_EVENT, type WidgetUi } from '../src/widget/contract';
import { apiBaseOf, claimPage, findOwnScript, loadUi, SINGLETON_FLAG } from '../src/widget/embed';

function script(attrs: Record<string, string>): HTMLScriptElement {
  const el = document.createElement('script');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

afterEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
});

describe('findOwnScript', () => {
  it('prefers document.currentScript when it carries a widget key', () => {
    const doc = document.implementation.createHTMLDocument('x');
    const first = script({ 'data-widget-key': 'wk_first' });
    const current = script({ 'data-widget-key': 'wk_current' });
    doc.body.append(first, current);
    Object.defineProperty(doc, 'currentScript', { value: current, configurable: true });
    expect(findOwnScript(doc)).toBe(current);
  });

  it('falls back to the first script with data-widget-key', () => {
    document.body.append(script({ src: '/other.js' }), script({ 'data-widget-key': 'wk_1' }));
    expect(findOwnScript(document)?.dataset.widgetKey).toBe('wk_1');
  });

  it('returns null when there is no embed', () => {
    document.body.append(script({ src: '/other.js' }));
    expect(findOwnScript(document)).toBeNull();
  });
});

describe('apiBaseOf', () => {
  it("uses the script's origin, not the page's", () => {
    const el = script({ src: 'https://chat.example.com:8443/widget.js?v=1' });
    expect(apiBaseOf(el, 'https://shop.example.org/page')).toBe('https://chat.example.com:8443');
  });

  it('resolves a relative src against the page', () => {
    expect(apiBaseOf(script({ src: '/widget.js' }), 'http://localhost:8080/demo.html')).toBe(
      'http://localhost:8080',
    );
  });

  it('refuses a missing or non-http src', () => {
    expect(apiBaseOf(script({}), 'https://shop.example.org/')).toBeNull();
    expect(apiBaseOf(script({ src: 'data:text/javascript,1' }), 'https://a.b/')).toBeNull();
  });
});

describe('claimPage', () => {
  it('lets only the first widget claim a window', () => {
    const win = {} as Window;
    expect(claimPage(win)).toBe(true);
    expect(claimPage(win)).toBe(false);
    expect((win as unknown as Record<string, unknown>)[SINGLETON_FLAG]).toBe(true);
  });
});

describe('loadUi', () => {
  const ui: WidgetUi = {
    mount: () => ({ open: vi.fn(), close: vi.fn(), toggle: vi.fn(), destroy: vi.fn() }),
  };

  /** A document double whose head records the appended script instead of fetching it. */
  function capturingDocument() {
    const appended: HTMLScriptElement[] = [];
    const doc = {
      createElement: (tag: string) => document.createElement(tag),
      head: { append: (el: HTMLScriptElement) => appended.push(el) },
    } as unknown as Document;
    return { doc, appended };
  }

  it('appends a classic async script and resolves with what the chunk dispatches', async () => {
    const { doc, appended } = capturingDocument();
    const promise = loadUi(doc, 'https://chat.example.com/assets/widget-ui-x.js');
    const el = appended[0]!;
    expect(el.tagName).toBe('SCRIPT');
    expect(el.getAttribute('src')).toBe('https://chat.example.com/assets/widget-ui-x.js');
    expect(el.async).toBe(true);
    expect(el.type).toBe('');
    el.dispatchEvent(new CustomEvent(UI_READY_EVENT, { detail: ui }));
    el.dispatchEvent(new Event('load'));
    await expect(promise).resolves.toBe(ui);
  });

  it('rejects when the script fails to load', async () => {
    const { doc, appended } = capturingDocument();
    const promise = loadUi(doc, 'https://chat.example.com/missing.js');
    appended[0]!.dispatchEvent(new Event('error'));
    await expect(promise).rejects.toThrow(/failed to load/);
  });

  it('rejects when the script loads without handing over the UI', async () => {
    const { doc, appended } = capturingDocument();
    const promise = loadUi(doc, 'https://chat.example.com/wrong.js');
    appended[0]!.dispatchEvent(new Event('load'));
    await expect(promise).rejects.toThrow(/failed to load/);
  });
});
