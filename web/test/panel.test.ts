import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
import type { LiveTarget } from '../src/widget/live';
import { TYPING_TIMEOUT_MS, errorText, mountPanel } from '../src/widget/panel';
import { fakeFetch, fakeSockets, flush, ok, sse, streamed } from './helpers';

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
    history: vi.fn<WidgetApi['history']>(() => Promise.resolve([])),
    seen: vi.fn<WidgetApi['seen']>(() => Promise.resolve()),
    ...overrides,
  } satisfies WidgetApi;
}

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

interface Mounted {
  panel: PanelHandle;
  root: ShadowRoot;
  launcher: HTMLButtonElement;
  dialog: HTMLElement;
  log: HTMLElement;
  input: HTMLInputElement;
  form: HTMLFormElement;
}

function mount(api: WidgetApi, lang: 'en' | 'th' = 'en', live?: LiveTarget): Mounted {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const launcher = document.createElement('button');
  launcher.setAttribute('aria-expanded', 'false');
  root.append(launcher);
  const panel = mountPanel({ root, launcher, api, labels: labels(lang), live });
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

describe('mountPanel with live updates', () => {
  const URL = 'wss://chat.example.com/api/v1/widget/wk_1/ws';

  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0); // reconnect delays without jitter
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  /** Opens the panel with live updates on fake sockets; the server accepts the first socket. */
  async function opened(api: WidgetApi = fakeApi(), lang: 'en' | 'th' = 'en') {
    const sockets = fakeSockets();
    const m = mount(api, lang, { url: URL, WebSocket: sockets.WebSocket });
    m.panel.open();
    await flush();
    const socket = sockets.made[0]!;
    socket.open();
    socket.receive({ type: 'ready' });
    return { m, made: sockets.made, socket };
  }

  const agent = (id: string, text: string): ChatMessage => ({
    id,
    author: 'AGENT',
    text,
    createdAt: '2026-01-01T00:00:00Z',
  });
  const created = (m: ChatMessage) => ({ type: 'message.created', message: m });
  const typingNote = (m: Mounted) => m.root.querySelector<HTMLElement>('.typing')!;

  it('connects once the conversation has started and authenticates with the first frame', async () => {
    const sockets = fakeSockets();
    const m = mount(fakeApi(), 'en', { url: URL, WebSocket: sockets.WebSocket });
    expect(sockets.made).toHaveLength(0);
    m.panel.open();
    await flush();
    expect(sockets.made).toHaveLength(1);
    const socket = sockets.made[0]!;
    expect(socket.url).toBe(URL);
    socket.open();
    expect(socket.sent).toEqual([{ type: 'auth', token: 'vt_1', conversationId: 'c1' }]);
  });

  it('connects once a private widget has been given its PIN', async () => {
    const sockets = fakeSockets();
    const api = fakeApi({
      config: vi.fn(() => Promise.resolve({ name: 'Acme Shop', pinRequired: true })),
    });
    const m = mount(api, 'en', { url: URL, WebSocket: sockets.WebSocket });
    m.panel.open();
    await flush();
    expect(sockets.made).toHaveLength(0);
    await enterPin(m, '1234');
    expect(sockets.made).toHaveLength(1);
  });

  it("shows a team member's message once, marked as from the team", async () => {
    const { m, socket } = await opened();
    socket.receive(created(agent('a1', 'Hi, I am Nok <b>')));
    socket.receive(created(agent('a1', 'Hi, I am Nok <b>')));
    expect(texts(m.log)).toEqual(['Welcome! <b>Hi</b>', 'Hi, I am Nok <b>']);
    const bubble = m.log.querySelector('.msg.agent')!;
    expect(bubble.querySelector('.sr')!.textContent).toBe('Team: ');
    const label = bubble.querySelector('.who')!;
    expect(label.textContent).toBe('Team');
    expect(label.getAttribute('aria-hidden')).toBe('true');
    expect(m.log.querySelector('b')).toBeNull();
  });

  it('labels the team in Thai', async () => {
    const { m, socket } = await opened(fakeApi(), 'th');
    socket.receive(created(agent('a1', 'สวัสดีค่ะ')));
    expect(m.log.querySelector('.msg.agent .who')!.textContent).toBe('ทีมงาน');
  });

  it("shows a reply once when both the POST's answer and the socket deliver it", async () => {
    const { api, pending } = streamingApi();
    const { m, socket } = await opened(api);
    await send(m, 'Hello');
    const reply = agent('a1', 'A person answers');
    socket.receive(created(message('VISITOR', 'Hello')));
    socket.receive(created(reply));
    expect(texts(m.log)).toEqual(['Welcome! <b>Hi</b>', 'Hello']); // waits for the POST
    pending[0]!.finish({ message: message('VISITOR', 'Hello'), reply });
    await flush();
    socket.receive(created(reply));
    expect(texts(m.log)).toEqual(['Welcome! <b>Hi</b>', 'Hello', 'A person answers']);
    expect(m.log.querySelectorAll('.msg.agent')).toHaveLength(1);
  });

  it('shows a streamed answer once when its frame arrives before the stream ends', async () => {
    const { api, pending } = streamingApi();
    const { m, socket } = await opened(api);
    await send(m, 'Hello');
    pending[0]!.listener.token('Open 8');
    socket.receive(created(message('AI', 'Open 8 to 5.')));
    expect(texts(m.log)).toEqual(['Welcome! <b>Hi</b>', 'Hello', 'Open 8']);
    pending[0]!.finish({
      message: message('VISITOR', 'Hello'),
      reply: message('AI', 'Open 8 to 5.'),
    });
    await flush();
    expect(texts(m.log)).toEqual(['Welcome! <b>Hi</b>', 'Hello', 'Open 8 to 5.']);
  });

  it("shows the visitor's own message once when its send failed after it was stored", async () => {
    const { api, pending } = streamingApi();
    const { m, socket } = await opened(api);
    await send(m, 'Hello');
    socket.receive(created(message('VISITOR', 'Hello')));
    pending[0]!.abort(new ApiError(NETWORK_ERROR, '', 200));
    await flush();
    expect(texts(m.log)).toEqual(['Welcome! <b>Hi</b>', 'Hello', labels('en').offline]);
  });

  it('shows what was asked and answered in another tab', async () => {
    const { m, socket } = await opened();
    await send(m, 'Here');
    socket.receive(created(message('VISITOR', 'Here')));
    socket.receive(created(message('AI', 'echo Here')));
    socket.receive(created(message('VISITOR', 'Elsewhere')));
    socket.receive(created(message('AI', 'Answered elsewhere')));
    expect(texts(m.log)).toEqual([
      'Welcome! <b>Hi</b>',
      'Here',
      'echo Here',
      'Elsewhere',
      'Answered elsewhere',
    ]);
  });

  it('replaces the text of an edited message and marks it once', async () => {
    const { m, socket } = await opened(fakeApi(), 'th');
    socket.receive(created(agent('a1', 'Open at 9')));
    const edited = { ...agent('a1', 'Open at 8'), editedAt: '2026-01-01T00:01:00Z' };
    socket.receive({ type: 'message.updated', message: edited });
    socket.receive({ type: 'message.updated', message: { ...edited, text: 'Open at 7' } });
    expect(texts(m.log)).toEqual(['Welcome! <b>Hi</b>', 'Open at 7']);
    const marks = m.log.querySelectorAll('.msg.agent .edited');
    expect([...marks].map((e) => e.textContent)).toEqual(['แก้ไขแล้ว']);
  });

  it('forgets a team member typing when the signal is not repeated', async () => {
    vi.useFakeTimers();
    try {
      const { m, socket } = await opened();
      const typing = () => {
        socket.receive({ type: 'typing', conversationId: 'c1', who: 'AGENT', typing: true });
      };
      typing();
      await vi.advanceTimersByTimeAsync(TYPING_TIMEOUT_MS - 1);
      typing();
      await vi.advanceTimersByTimeAsync(TYPING_TIMEOUT_MS - 1);
      expect(typingNote(m).textContent).toBe('A team member is typing…');

      await vi.advanceTimersByTimeAsync(1);

      expect(typingNote(m).textContent).toBe('');
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows while a team member types, announcing each change once', async () => {
    const { m, socket } = await opened();
    const note = typingNote(m);
    expect(note.getAttribute('aria-live')).toBe('polite');
    expect(note.textContent).toBe('');
    const changes: MutationRecord[] = [];
    new MutationObserver((records) => changes.push(...records)).observe(note, {
      childList: true,
      characterData: true,
      subtree: true,
    });
    const typing = (on: boolean) => {
      socket.receive({ type: 'typing', conversationId: 'c1', who: 'AGENT', typing: on });
    };
    typing(true);
    await flush();
    expect(note.textContent).toBe('A team member is typing…');
    const announced = changes.length;
    typing(true);
    typing(true);
    await flush();
    expect(changes).toHaveLength(announced);
    typing(false);
    expect(note.textContent).toBe('');
    typing(true);
    socket.receive(created(agent('a1', 'Here I am')));
    expect(note.textContent).toBe('');
  });

  it("ignores the bot's typing while this tab's reply streams, and shows it otherwise", async () => {
    const { api, pending } = streamingApi();
    const { m, socket } = await opened(api);
    const typing = (on: boolean) => {
      socket.receive({ type: 'typing', conversationId: 'c1', who: 'AI', typing: on });
    };
    await send(m, 'Hello');
    typing(true);
    expect(typingNote(m).textContent).toBe('');
    pending[0]!.finish({ message: message('VISITOR', 'Hello'), reply: message('AI', 'Hi') });
    await flush();
    typing(false);
    typing(true); // asked in another tab
    expect(typingNote(m).textContent).toBe('The assistant is typing…');
    socket.receive(created(message('AI', 'Answered elsewhere')));
    expect(typingNote(m).textContent).toBe('');
  });

  it('forgets who was typing when the socket closes', async () => {
    const { m, socket } = await opened();
    socket.receive({ type: 'typing', conversationId: 'c1', who: 'AGENT', typing: true });
    socket.drop();
    expect(typingNote(m).textContent).toBe('');
  });

  it('says once that a person has joined', async () => {
    const { m, socket } = await opened(fakeApi(), 'th');
    const updated = (aiPaused: boolean) => {
      socket.receive({
        type: 'conversation.updated',
        conversation: { id: 'c1', status: 'OPEN', aiPaused, humanRequested: false },
      });
    };
    updated(false);
    expect(m.log.querySelector('.note')).toBeNull();
    updated(true);
    updated(true);
    const notes = m.log.querySelectorAll('.note');
    expect([...notes].map((n) => n.textContent)).toEqual(['คุณกำลังคุยกับทีมงาน']);
  });

  it('shows whether the team is online, with a text alternative', async () => {
    const { m, socket } = await opened();
    const dot = m.root.querySelector<HTMLElement>('.head .online')!;
    expect(dot.hidden).toBe(true);
    expect(dot.getAttribute('role')).toBe('img');
    expect(dot.getAttribute('aria-label')).toBe('Team online');
    socket.receive({ type: 'presence', who: 'AGENT', online: true });
    expect(dot.hidden).toBe(false);
    socket.receive({ type: 'presence', who: 'VISITOR', online: false });
    expect(dot.hidden).toBe(false);
    socket.receive({ type: 'presence', who: 'AGENT', online: false });
    expect(dot.hidden).toBe(true);
  });

  it('reconnects after an unexpected close and fills the gap from the history, once each', async () => {
    const history = vi.fn<WidgetApi['history']>();
    const { m, made, socket } = await opened(fakeApi({ history }));
    socket.receive(created(agent('a1', 'Hi')));
    await send(m, 'Hello');
    expect(history).not.toHaveBeenCalled();

    socket.drop();
    await vi.advanceTimersByTimeAsync(999);
    expect(made).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(made).toHaveLength(2);
    history.mockResolvedValueOnce([
      agent('a0', 'Missed first'),
      agent('a1', 'Hi'),
      message('VISITOR', 'Hello'),
      message('AI', 'echo Hello'),
      { ...agent('a2', 'Missed while away'), editedAt: 'x' },
      agent('a3', 'Missed too'),
    ]);
    made[1]!.open();
    expect(made[1]!.sent[0]).toEqual({ type: 'auth', token: 'vt_1', conversationId: 'c1' });
    made[1]!.receive({ type: 'ready' });
    await flush();
    expect(history).toHaveBeenCalledWith(CONVERSATION);
    expect(texts(m.log)).toEqual([
      'Welcome! <b>Hi</b>',
      'Missed first',
      'Hi',
      'Hello',
      'echo Hello',
      'Missed while away',
      'Missed too',
    ]);
    expect(m.log.querySelectorAll('.edited')).toHaveLength(1);
    made[1]!.receive(created(agent('a3', 'Missed too')));
    expect(texts(m.log)).toHaveLength(7);
  });

  it('tells the team the visitor is typing, and that they stopped when they send', async () => {
    const { m, socket } = await opened();
    const typed = (value: string) => {
      m.input.value = value;
      m.input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    typed('H');
    typed('He');
    expect(socket.sent.slice(1)).toEqual([{ type: 'typing', typing: true }]);
    await send(m, 'Hello');
    expect(socket.sent.slice(1)).toEqual([
      { type: 'typing', typing: true },
      { type: 'typing', typing: false },
    ]);
    typed('x');
    typed('');
    expect(socket.sent.slice(3)).toEqual([
      { type: 'typing', typing: true },
      { type: 'typing', typing: false },
    ]);
  });

  it('marks the messages of others as seen while the panel is open on a visible page', async () => {
    const api = fakeApi();
    const { m, socket } = await opened(api);
    socket.receive(created(agent('a1', 'Hi')));
    expect(api.seen).toHaveBeenLastCalledWith(CONVERSATION, 'a1');
    await send(m, 'Hello');
    expect(api.seen).toHaveBeenLastCalledWith(CONVERSATION, 'm-echo Hello');
    expect(api.seen).toHaveBeenCalledTimes(2);

    m.panel.close();
    socket.receive(created(agent('a2', 'Still there?')));
    expect(api.seen).toHaveBeenCalledTimes(2);
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    m.panel.open();
    expect(api.seen).toHaveBeenCalledTimes(2);
    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(api.seen).toHaveBeenLastCalledWith(CONVERSATION, 'a2');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(api.seen).toHaveBeenCalledTimes(3);
  });

  it('stops for good when destroyed', async () => {
    const api = fakeApi();
    const { m, made, socket } = await opened(api);
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    socket.receive(created(agent('a1', 'Hi')));
    m.panel.destroy();
    expect(socket.closedWith).toBe(1000);
    expect(m.root.querySelector('[role="dialog"]')).toBeNull();
    expect(m.launcher.getAttribute('aria-expanded')).toBe('false');
    socket.drop(1000);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(made).toHaveLength(1);
    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(api.seen).not.toHaveBeenCalled();
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

  it("explains a refused message in the visitor's language", () => {
    const refused = new ApiError(
      'VALIDATION_ERROR',
      'text contains words this chat does not accept',
      400,
    );
    expect(errorText(refused, t)).toBe(t.notAccepted);
    expect(errorText(refused, labels('th'))).toBe(labels('th').notAccepted);
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
