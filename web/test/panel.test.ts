import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  NETWORK_ERROR,
  PLAN_LIMIT_REACHED,
  widgetApi,
  type ChatMessage,
  type Conversation,
  type ReplyListener,
  type SendResult,
  type WidgetApi,
} from '../src/widget/api';
import type { PanelHandle } from '../src/widget/contract';
import { labels } from '../src/widget/i18n';
import { errorText, mountPanel } from '../src/widget/panel';
import { fakeFetch, flush, ok, sse, streamed } from './helpers';

const CONVERSATION: Conversation = { conversationId: 'c1', visitorToken: 'vt_1' };

function message(author: ChatMessage['author'], text: string): ChatMessage {
  return { id: `m-${text}`, author, text, createdAt: '2026-01-01T00:00:00Z' };
}

function fakeApi(overrides: Partial<WidgetApi> = {}) {
  return {
    config: vi.fn(() =>
      Promise.resolve({ name: 'Acme Shop', welcomeMessage: 'Welcome! <b>Hi</b>' }),
    ),
    startConversation: vi.fn<WidgetApi['startConversation']>(() => Promise.resolve(CONVERSATION)),
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

/** The PIN step's elements. */
function pinParts(m: Mounted) {
  const form = m.root.querySelector<HTMLFormElement>('form.pin')!;
  return {
    form,
    input: form.querySelector('input')!,
    button: form.querySelector('button')!,
    label: form.querySelector('label')!,
    error: form.querySelector('[aria-live]')!,
  };
}

async function enterPin(m: Mounted, pin: string): Promise<void> {
  const p = pinParts(m);
  p.input.value = pin;
  p.form.requestSubmit(); // what Enter in the input does
  await flush();
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
    expect(api.startConversation).toHaveBeenCalledTimes(1);
    expect(api.startConversation).toHaveBeenCalledWith();
    expect(m.form.hidden).toBe(false);
    expect(pinParts(m).form.hidden).toBe(true);
  });

  it('lets messages be sent only once the config has said whether a PIN is needed', async () => {
    const m = mount(fakeApi());
    m.panel.open();
    const sender = m.form.querySelector('button')!;
    expect(sender.disabled).toBe(true);
    await flush();
    expect(sender.disabled).toBe(false);
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
    expect(api.startConversation).toHaveBeenCalledTimes(1);
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
    expect(api.send).toHaveBeenCalledWith(
      CONVERSATION,
      '<img src=x onerror=alert(1)>',
      expect.anything(),
    );
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
      startConversation: vi
        .fn<WidgetApi['startConversation']>()
        .mockRejectedValueOnce(new ApiError(NETWORK_ERROR, '', 0))
        .mockResolvedValueOnce(CONVERSATION),
    });
    const m = mount(api, 'th');
    m.panel.open();
    await flush();
    expect(m.root.querySelector('h2')!.textContent).toBe('แชท');
    expect(m.log.querySelector('.error')!.textContent).toContain(labels('th').offline);
    await send(m, 'สวัสดี');
    expect(api.startConversation).toHaveBeenCalledTimes(2);
    expect(api.send).toHaveBeenCalledWith(CONVERSATION, 'สวัสดี', expect.anything());
    expect(texts(m.log)).toContain('echo สวัสดี');
  });
});

describe('mountPanel while a reply streams', () => {
  /** A reply in progress: what the panel gave `send`, and how the test ends it. */
  interface Pending {
    listener: ReplyListener;
    finish: (result: SendResult) => void;
    abort: (error: unknown) => void;
  }

  /** An API whose replies the test streams by hand. */
  function streamingApi() {
    const pending: Pending[] = [];
    const api = fakeApi({
      send: vi.fn(
        (_c: Conversation, _text: string, listener: ReplyListener) =>
          new Promise<SendResult>((finish, abort) => {
            pending.push({ listener, finish, abort });
          }),
      ),
    });
    return { api, pending };
  }

  async function asked(api: WidgetApi, lang: 'en' | 'th' = 'en') {
    const m = mount(api, lang);
    m.panel.open();
    await flush();
    await send(m, 'Hello');
    return m;
  }

  const typing = (m: Mounted) => m.log.querySelector('.msg[aria-hidden="true"]');
  const streaming = (m: Mounted) => m.log.querySelector('.msg[aria-busy="true"]');
  const sender = (m: Mounted) => m.form.querySelector('button')!;

  it('shows the typing indicator until the first piece, then streams the reply as text', async () => {
    const { api, pending } = streamingApi();
    const m = await asked(api);
    expect(typing(m)).not.toBeNull();
    expect(streaming(m)).toBeNull();
    expect(sender(m).disabled).toBe(true);

    pending[0]!.listener.token('Our <b>hours</b>');
    pending[0]!.listener.token(' are 8–5');
    expect(typing(m)).toBeNull();
    const bubble = streaming(m)!;
    expect(bubble.classList).toContain('ai');
    expect(bubble.querySelector('.sr')!.textContent).toBe('Assistant: ');
    expect(texts(m.log)).toEqual(['Welcome! <b>Hi</b>', 'Hello', 'Our <b>hours</b> are 8–5']);
    expect(m.log.querySelector('b')).toBeNull();

    await send(m, 'Again');
    expect(api.send).toHaveBeenCalledTimes(1);
    expect(sender(m).disabled).toBe(true);

    pending[0]!.finish({
      message: message('VISITOR', 'Hello'),
      reply: message('AI', 'Open 8 to 5.'),
    });
    await flush();
    expect(texts(m.log)).toEqual(['Welcome! <b>Hi</b>', 'Hello', 'Open 8 to 5.']);
    expect(streaming(m)).toBeNull();
    expect(typing(m)).toBeNull();
    expect(sender(m).disabled).toBe(false);
  });

  it('voids the pieces on a reset and waits for the new answer with the typing indicator', async () => {
    const { api, pending } = streamingApi();
    const m = await asked(api);
    const { listener, finish } = pending[0]!;
    listener.token('We open at 9');
    listener.reset();
    expect(texts(m.log)).toEqual(['Welcome! <b>Hi</b>', 'Hello']);
    expect(streaming(m)).toBeNull();
    expect(typing(m)).not.toBeNull();
    listener.token('We open ');
    listener.token('at 8');
    expect(texts(m.log)).toEqual(['Welcome! <b>Hi</b>', 'Hello', 'We open at 8']);
    finish({ reply: message('AI', 'We open at 8.') });
    await flush();
    expect(texts(m.log)).toEqual(['Welcome! <b>Hi</b>', 'Hello', 'We open at 8.']);
  });

  it("replaces a failed reply with the error in the visitor's language", async () => {
    const { api, pending } = streamingApi();
    const m = await asked(api, 'th');
    pending[0]!.listener.token('ร้านเปิด');
    pending[0]!.abort(new ApiError('UPSTREAM_UNAVAILABLE', 'No provider answered', 200));
    await flush();
    expect(streaming(m)).toBeNull();
    expect(typing(m)).toBeNull();
    expect(texts(m.log)).toEqual(['Welcome! <b>Hi</b>', 'Hello', 'ขออภัย: No provider answered']);
    expect(sender(m).disabled).toBe(false);
  });

  it('shows a refusal before any piece as before', async () => {
    const { api, pending } = streamingApi();
    const m = await asked(api);
    pending[0]!.abort(new ApiError(PLAN_LIMIT_REACHED, 'Limit reached', 403));
    await flush();
    expect(typing(m)).toBeNull();
    expect(m.log.querySelector('.error')!.textContent).toContain(labels('en').planLimit);
  });

  it('streams a reply from the server into the bubble', async () => {
    const reply = streamed();
    const { fn } = fakeFetch(
      ok({ name: 'Acme Shop' }),
      ok({ conversationId: 'c1', visitorToken: 'vt_1' }),
      reply.response,
    );
    const m = await asked(widgetApi('https://chat.example.com', 'wk_1', fn), 'th');
    const bytes = new TextEncoder().encode(sse('token', { text: 'สวัสดี' }));
    const inside = bytes.indexOf(0xe0) + 1; // after the first of a Thai character's 3 bytes
    reply.push(bytes.slice(0, inside));
    await flush();
    expect(typing(m)).not.toBeNull();
    reply.push(bytes.slice(inside), sse('token', { text: 'ค่ะ' }));
    await flush();
    expect(streaming(m)!.textContent).toBe('ผู้ช่วย: สวัสดีค่ะ');
    reply.push(
      sse('done', { message: message('VISITOR', 'Hello'), reply: message('AI', 'สวัสดีค่ะ!') }),
    );
    reply.end();
    await flush();
    expect(texts(m.log)).toEqual(['Hello', 'สวัสดีค่ะ!']);
    expect(sender(m).disabled).toBe(false);
  });
});

describe('mountPanel with a private widget', () => {
  const privateConfig = () => Promise.resolve({ name: 'Acme Shop', pinRequired: true });

  it('shows an accessible PIN step instead of the message form and starts nothing yet', async () => {
    const api = fakeApi({ config: vi.fn(privateConfig) });
    const m = mount(api);
    m.panel.open();
    await flush();
    const p = pinParts(m);
    expect(p.form.hidden).toBe(false);
    expect(m.form.hidden).toBe(true);
    expect(api.startConversation).not.toHaveBeenCalled();
    expect(m.root.activeElement).toBe(p.input);
    expect(p.label.htmlFor).toBe(p.input.id);
    expect(p.label.textContent).toBe(labels('en').pin);
    expect(p.button.type).toBe('submit');
    expect(p.button.textContent).toBe('Start chat');
    expect(p.input.form).toBe(p.form);
    expect(p.input.getAttribute('inputmode')).toBe('numeric');
    expect(p.input.getAttribute('autocomplete')).toBe('off');
    expect(p.input.maxLength).toBe(12);
    expect(p.error.getAttribute('aria-live')).toBeTruthy();
    expect(p.input.getAttribute('aria-describedby')).toBe(p.error.id);
  });

  it('checks the PIN format before asking the server', async () => {
    const api = fakeApi({ config: vi.fn(privateConfig) });
    const m = mount(api);
    m.panel.open();
    await flush();
    for (const pin of ['', '123', '12a4', '1234567890123']) {
      await enterPin(m, pin);
      expect(pinParts(m).error.textContent).toBe('The PIN is 4 to 12 digits.');
    }
    expect(pinParts(m).input.getAttribute('aria-invalid')).toBe('true');
    expect(api.startConversation).not.toHaveBeenCalled();
  });

  it('shows a wrong PIN, allows a retry, and proceeds to the chat with the right one', async () => {
    const api = fakeApi({
      config: vi.fn(privateConfig),
      startConversation: vi
        .fn<WidgetApi['startConversation']>()
        .mockRejectedValueOnce(new ApiError('AUTHENTICATION_FAILED', 'The PIN is wrong', 401))
        .mockResolvedValueOnce(CONVERSATION),
    });
    const m = mount(api);
    m.panel.open();
    await flush();
    const p = pinParts(m);

    await enterPin(m, '0000');
    expect(api.startConversation).toHaveBeenLastCalledWith('0000');
    expect(p.error.textContent).toBe('Sorry: The PIN is wrong');
    expect(p.input.getAttribute('aria-invalid')).toBe('true');
    expect(p.form.hidden).toBe(false);
    expect(p.button.disabled).toBe(false);
    expect(m.root.activeElement).toBe(p.input);

    await enterPin(m, ' 1234 ');
    expect(api.startConversation).toHaveBeenLastCalledWith('1234');
    expect(p.form.hidden).toBe(true);
    expect(m.form.hidden).toBe(false);
    expect(p.input.value).toBe('');
    expect(p.error.textContent).toBe('');
    expect(m.root.activeElement).toBe(m.input);

    await send(m, 'hello');
    expect(api.send).toHaveBeenCalledWith(CONVERSATION, 'hello', expect.anything());
    expect(api.startConversation).toHaveBeenCalledTimes(2);
    expect(texts(m.log)).toEqual(['hello', 'echo hello']);
  });

  it('shows the rate limit message and stays on the PIN step', async () => {
    const api = fakeApi({
      config: vi.fn(privateConfig),
      startConversation: vi.fn(() =>
        Promise.reject(new ApiError('RATE_LIMITED', 'Too many PIN attempts; try again later', 429)),
      ),
    });
    const m = mount(api);
    m.panel.open();
    await flush();
    await enterPin(m, '1234');
    expect(pinParts(m).error.textContent).toBe('Sorry: Too many PIN attempts; try again later');
    expect(pinParts(m).form.hidden).toBe(false);
    expect(m.form.hidden).toBe(true);
  });

  it('shows the PIN step in Thai', async () => {
    const api = fakeApi({ config: vi.fn(privateConfig) });
    const m = mount(api, 'th');
    m.panel.open();
    await flush();
    const p = pinParts(m);
    expect(p.form.hidden).toBe(false);
    expect(p.label.textContent).toBe('แชทนี้เป็นแบบส่วนตัว กรุณากรอกรหัส PIN เพื่อเริ่มแชท');
    expect(p.button.textContent).toBe('เริ่มแชท');
    await enterPin(m, '12');
    expect(p.error.textContent).toBe('รหัส PIN ต้องเป็นตัวเลข 4–12 หลัก');
  });

  it('focuses the PIN input when the panel is opened again', async () => {
    const m = mount(fakeApi({ config: vi.fn(privateConfig) }));
    m.panel.open();
    await flush();
    m.panel.close();
    m.panel.open();
    expect(m.root.activeElement).toBe(pinParts(m).input);
  });

  it('asks for the PIN when a start without one is refused although the config said nothing', async () => {
    const api = fakeApi({
      config: vi.fn(() => Promise.reject(new ApiError(NETWORK_ERROR, '', 0))),
      startConversation: vi.fn(() =>
        Promise.reject(
          new ApiError('AUTHENTICATION_FAILED', 'This chat is private; enter its PIN', 401),
        ),
      ),
    });
    const m = mount(api);
    m.panel.open();
    await flush();
    expect(pinParts(m).form.hidden).toBe(false);
    expect(m.form.hidden).toBe(true);
    expect(m.log.querySelector('.error')).toBeNull();
    expect(m.root.activeElement).toBe(pinParts(m).input);
  });
});

describe('labels', () => {
  it('has every PIN label in both languages', () => {
    for (const lang of ['en', 'th'] as const) {
      const t = labels(lang);
      for (const text of [t.pin, t.pinStart, t.pinInvalid]) expect(text).toMatch(/\S/);
    }
    expect(labels('th').pin).not.toBe(labels('en').pin);
  });
});

describe('errorText', () => {
  const t = labels('en');

  it('shows the server message with a polite prefix', () => {
    expect(errorText(new ApiError('X', 'Widget disabled', 403), t)).toBe('Sorry: Widget disabled');
  });

  it("explains a reached plan limit in the visitor's language", () => {
    const refused = new ApiError(
      'PLAN_LIMIT_REACHED',
      'This chat has reached its message limit',
      403,
    );
    expect(errorText(refused, t)).toBe(t.planLimit);
    expect(errorText(refused, labels('th'))).toBe(labels('th').planLimit);
    expect(labels('th').planLimit).not.toBe(t.planLimit);
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
