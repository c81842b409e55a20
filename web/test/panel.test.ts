import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  NETWORK_ERROR,
  type ChatMessage,
  type Conversation,
  type WidgetApi,
} from '../src/widget/api';
import type { PanelHandle } from '../src/widget/contract';
import { labels } from '../src/widget/i18n';
import { errorText, mountPanel } from '../src/widget/panel';
import { flush } from './helpers';

const CONVERSATION: Conversation = { conversationId: 'c1', visitorToken: 'vt_1' };

function message(author: ChatMessage['author'], text: string): ChatMessage {
  return { id: `m-${text}`, author, text, createdAt: '2026-01-01T00:00:00Z' };
}

function fakeApi(overrides: Partial<WidgetApi> = {}) {
  return {
    config: vi.fn(() =>
      Promise.resolve({ name: 'Acme Shop', welcomeMessage: 'Welcome! <b>Hi</b>' }),
    ),
    start: vi.fn(() => Promise.resolve(CONVERSATION)),
    send: vi.fn((_c: Conversation, text: string) =>
      Promise.resolve({ message: message('VISITOR', text), reply: message('AI', `echo ${text}`) }),
    ),
    ...overrides,
  } satisfies WidgetApi;
}

interface Mounted {
  panel: PanelHandle;
  root: ShadowRoot;
  launcher: HTMLButtonElement;
  dialog: HTMLElement;
  log: HTMLElement;
  input: HTMLInputElement;
  form: HTMLFormElement;
}

function mount(api: WidgetApi, lang: 'en' | 'th' = 'en'): Mounted {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const launcher = document.createElement('button');
  launcher.setAttribute('aria-expanded', 'false');
  root.append(launcher);
  const panel = mountPanel({ root, launcher, api, labels: labels(lang) });
  return {
    panel,
    root,
    launcher,
    dialog: root.querySelector('[role="dialog"]')!,
    log: root.querySelector('[role="log"]')!,
    input: root.querySelector('input')!,
    form: root.querySelector('form')!,
  };
}

/** Visible message texts, without the screen-reader author prefixes. */
function texts(log: HTMLElement): string[] {
  return [...log.querySelectorAll('.msg:not([aria-hidden]) > span:not(.sr)')].map(
    (s) => s.textContent,
  );
}

async function send(m: Mounted, text: string): Promise<void> {
  m.input.value = text;
  m.form.dispatchEvent(new Event('submit', { cancelable: true }));
  await flush();
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('mountPanel', () => {
  it('starts hidden and accessible', () => {
    const m = mount(fakeApi());
    expect(m.dialog.hidden).toBe(true);
    expect(m.dialog.getAttribute('aria-labelledby')).toBe('title');
    expect(m.log.getAttribute('aria-live')).toBe('polite');
    const label = m.root.querySelector('label')!;
    expect(label.htmlFor).toBe(m.input.id);
    expect(label.textContent).toBe('Your message');
    expect(m.root.querySelector('.close')!.getAttribute('aria-label')).toBe('Close chat');
  });

  it('opens with focus in the input, then shows the configured name and welcome message', async () => {
    const api = fakeApi();
    const m = mount(api);
    m.panel.open();
    expect(m.dialog.hidden).toBe(false);
    expect(m.launcher.getAttribute('aria-expanded')).toBe('true');
    expect(m.root.activeElement).toBe(m.input);
    await flush();
    expect(m.root.querySelector('h2')!.textContent).toBe('Acme Shop');
    expect(texts(m.log)).toEqual(['Welcome! <b>Hi</b>']);
    expect(m.log.querySelector('b')).toBeNull();
    expect(api.start).toHaveBeenCalledTimes(1);
  });

  it('loads config and starts the conversation only on the first opening', async () => {
    const api = fakeApi();
    const m = mount(api);
    m.panel.toggle();
    await flush();
    m.panel.toggle();
    m.panel.toggle();
    await flush();
    expect(api.config).toHaveBeenCalledTimes(1);
    expect(api.start).toHaveBeenCalledTimes(1);
  });

  it('closes on Escape and gives focus back to the launcher', () => {
    const m = mount(fakeApi());
    m.panel.open();
    m.input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(m.dialog.hidden).toBe(true);
    expect(m.launcher.getAttribute('aria-expanded')).toBe('false');
    expect(m.root.activeElement).toBe(m.launcher);
  });

  it('closes with the close button', () => {
    const m = mount(fakeApi());
    m.panel.open();
    m.root.querySelector<HTMLButtonElement>('.close')!.click();
    expect(m.dialog.hidden).toBe(true);
  });

  it('sends the visitor text and renders both sides as plain text', async () => {
    const api = fakeApi();
    const m = mount(api);
    m.panel.open();
    await flush();
    await send(m, '  <img src=x onerror=alert(1)>  ');
    expect(api.send).toHaveBeenCalledWith(CONVERSATION, '<img src=x onerror=alert(1)>');
    expect(texts(m.log)).toEqual([
      'Welcome! <b>Hi</b>',
      '<img src=x onerror=alert(1)>',
      'echo <img src=x onerror=alert(1)>',
    ]);
    expect(m.log.querySelector('img')).toBeNull();
    expect(m.input.value).toBe('');
    expect(m.log.querySelectorAll('.visitor')).toHaveLength(1);
    expect(m.log.querySelectorAll('.ai')).toHaveLength(2);
    expect(m.log.querySelector('.visitor .sr')!.textContent).toBe('You: ');
  });

  it('ignores blank messages', async () => {
    const api = fakeApi();
    const m = mount(api);
    m.panel.open();
    await send(m, '   ');
    expect(api.send).not.toHaveBeenCalled();
  });

  it("shows the server's error message politely", async () => {
    const api = fakeApi({
      send: vi.fn(() => Promise.reject(new ApiError('RATE_LIMITED', 'Too many messages', 429))),
    });
    const m = mount(api);
    m.panel.open();
    await flush();
    await send(m, 'hello');
    const error = m.log.querySelector('.error')!;
    expect(error.textContent).toContain('Sorry: Too many messages');
    expect(m.root.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled).toBe(false);
  });

  it('reports a failed start and starts again with the next message', async () => {
    const api = fakeApi({
      config: vi.fn(() => Promise.reject(new ApiError('NOT_FOUND', 'Unknown widget', 404))),
      start: vi
        .fn<WidgetApi['start']>()
        .mockRejectedValueOnce(new ApiError(NETWORK_ERROR, '', 0))
        .mockResolvedValueOnce(CONVERSATION),
    });
    const m = mount(api, 'th');
    m.panel.open();
    await flush();
    expect(m.root.querySelector('h2')!.textContent).toBe('แชท');
    expect(m.log.querySelector('.error')!.textContent).toContain(labels('th').offline);
    await send(m, 'สวัสดี');
    expect(api.start).toHaveBeenCalledTimes(2);
    expect(api.send).toHaveBeenCalledWith(CONVERSATION, 'สวัสดี');
    expect(texts(m.log)).toContain('echo สวัสดี');
  });
});

describe('errorText', () => {
  const t = labels('en');

  it('shows the server message with a polite prefix', () => {
    expect(errorText(new ApiError('X', 'Widget disabled', 403), t)).toBe('Sorry: Widget disabled');
  });

  it('uses the offline sentence for network failures', () => {
    expect(errorText(new ApiError(NETWORK_ERROR, '', 0), t)).toBe(t.offline);
  });

  it('falls back to a generic sentence', () => {
    expect(errorText(new ApiError('BAD_RESPONSE', '', 502), t)).toBe(t.failed);
    expect(errorText(new Error('boom'), t)).toBe(t.failed);
    expect(errorText(new Error('boom'), labels('th'))).toBe(labels('th').failed);
  });
});
