import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PanelHandle, UiContext, WidgetUi } from '../src/widget/contract';
import { boot, HOST_ID, type UiLoader } from '../src/widget/launcher';

const UI_PATH = '/assets/widget-ui-test.js';

function embed(key: string, src = 'https://chat.example.com/widget.js'): void {
  const el = document.createElement('script');
  el.src = src;
  el.dataset.widgetKey = key;
  document.body.append(el);
}

/** A window double sharing the test document but with its own language and singleton slot. */
function fakeWindow(language = 'en-US'): Window {
  return { document, navigator: { language } } as unknown as Window;
}

function fakeUi() {
  const panel = {
    open: vi.fn(),
    close: vi.fn(),
    toggle: vi.fn(),
    destroy: vi.fn(),
  } satisfies PanelHandle;
  const contexts: UiContext[] = [];
  const ui: WidgetUi = {
    mount: (context) => {
      contexts.push(context);
      return panel;
    },
  };
  return { ui, panel, contexts };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('boot', () => {
  it('mounts a labelled launcher button inside a shadow root', async () => {
    embed('wk_1');
    const launcher = await boot(fakeWindow('en-GB'), UI_PATH, vi.fn<UiLoader>());
    expect(launcher).not.toBeNull();
    const host = document.getElementById(HOST_ID)!;
    expect(host.shadowRoot).toBe(launcher!.root);
    const button = launcher!.root.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Open chat');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.type).toBe('button');
    expect(document.querySelectorAll('iframe')).toHaveLength(0);
  });

  it('labels the launcher in Thai for a Thai browser', async () => {
    embed('wk_1');
    const launcher = await boot(fakeWindow('th-TH'), UI_PATH, vi.fn<UiLoader>());
    expect(launcher!.button.getAttribute('aria-label')).toBe('เปิดแชท');
  });

  it('creates only one widget when the loader runs twice on a page', async () => {
    embed('wk_1');
    embed('wk_2');
    const win = fakeWindow();
    const load = vi.fn<UiLoader>();
    expect(await boot(win, UI_PATH, load)).not.toBeNull();
    expect(await boot(win, UI_PATH, load)).toBeNull();
    expect(document.querySelectorAll(`#${HOST_ID}`)).toHaveLength(1);
  });

  it('does nothing without an embed script', async () => {
    const win = fakeWindow();
    expect(await boot(win, UI_PATH, vi.fn<UiLoader>())).toBeNull();
    expect(document.getElementById(HOST_ID)).toBeNull();
  });

  it('loads the UI chunk from the server that served the loader, once, and toggles', async () => {
    embed('wk_1', 'https://chat.example.com/widget.js');
    const { ui, panel, contexts } = fakeUi();
    const load = vi.fn<UiLoader>(() => Promise.resolve(ui));
    const launcher = (await boot(fakeWindow('th'), UI_PATH, load))!;

    await launcher.click();
    await launcher.click();

    expect(load).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledWith(`https://chat.example.com${UI_PATH}`);
    expect(panel.toggle).toHaveBeenCalledTimes(2);
    expect(contexts).toHaveLength(1);
    expect(contexts[0]).toMatchObject({
      base: 'https://chat.example.com',
      key: 'wk_1',
      lang: 'th',
      root: launcher.root,
      launcher: launcher.button,
    });
  });

  it('prefetches the UI chunk when the pointer reaches the launcher', async () => {
    embed('wk_1');
    const { ui } = fakeUi();
    const load = vi.fn<UiLoader>(() => Promise.resolve(ui));
    const launcher = (await boot(fakeWindow(), UI_PATH, load))!;
    launcher.button.dispatchEvent(new Event('pointerenter'));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('retries loading the UI after a failure', async () => {
    embed('wk_1');
    const { ui, panel } = fakeUi();
    const load = vi
      .fn<UiLoader>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce(ui);
    const launcher = (await boot(fakeWindow(), UI_PATH, load))!;

    await launcher.click();
    expect(panel.toggle).not.toHaveBeenCalled();
    expect(launcher.button.hasAttribute('aria-busy')).toBe(false);

    await launcher.click();
    expect(load).toHaveBeenCalledTimes(2);
    expect(panel.toggle).toHaveBeenCalledTimes(1);
  });
});
