import { isMessage, widgetUrl, type ChatMessage, type Conversation } from './api';

/** The part of a browser `WebSocket` the widget uses. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** Creates sockets: the browser's `WebSocket`, or a fake in tests. */
export type SocketConstructor = new (url: string) => SocketLike;

/** Where the live updates come from and how to connect. */
export interface LiveTarget {
  /** The visitor socket's address, from {@link liveUrl}. */
  url: string;
  WebSocket: SocketConstructor;
}

/** A server frame the panel acts on (`ready` and `pong` are handled by {@link openLive}). */
export type LiveFrame =
  | { type: 'message.created' | 'message.updated'; message: ChatMessage }
  | { type: 'typing'; who: string; typing: boolean }
  | { type: 'conversation.updated'; aiPaused: boolean }
  | { type: 'presence'; who: string; online: boolean };

/** What the owner of a live connection hears. */
export interface LiveListener {
  /**
   * The socket is authenticated. `reconnected` when an earlier socket existed: what was said
   * meanwhile is lost (delivery is at most once) and has to be reloaded.
   */
  ready(reconnected: boolean): void;
  frame(frame: LiveFrame): void;
  /** The socket closed; what it said about typing no longer holds. */
  down(): void;
}

/** A live connection; it reconnects by itself until {@link LiveConnection.close}. */
export interface LiveConnection {
  /**
   * The visitor typed: tells the team at most every {@link TYPING_REPEAT_MS} while they go on,
   * and that they stopped after {@link TYPING_IDLE_MS} without typing.
   */
  typed(): void;
  /** The visitor stopped typing (sent or cleared the message). */
  stoppedTyping(): void;
  /** Ends the connection for good. */
  close(): void;
}

/** Close code of a socket whose visitor token was refused: reconnecting cannot help. */
export const CLOSE_UNAUTHENTICATED = 4401;
/** How often a ping keeps proxies from closing an idle socket. */
export const PING_MS = 25_000;
/** The first reconnect delay; it doubles up to {@link MAX_RECONNECT_MS}. */
const FIRST_RECONNECT_MS = 1000;
/** The longest wait between reconnects. */
const MAX_RECONNECT_MS = 30_000;
/** A repeated `typing: true` is sent at most this often. */
const TYPING_REPEAT_MS = 2000;
/** Without a keystroke for this long the visitor counts as no longer typing. */
const TYPING_IDLE_MS = 3000;

const OPEN = 1; // WebSocket.OPEN, which a fake constructor need not define

/**
 * The address of a widget's visitor socket: `ws://` or `wss://` as the base is `http://` or
 * `https://`.
 *
 * @param base - the server origin, e.g. `https://chat.example.com`
 * @param key - the public widget key
 */
export function liveUrl(base: string, key: string): string {
  return widgetUrl(base, key, 'ws').replace(/^http/, 'ws');
}

/**
 * How long to wait before the next reconnect: {@link FIRST_RECONNECT_MS} doubled per failed
 * attempt up to {@link MAX_RECONNECT_MS}, of which a random half is taken off, so that widgets
 * cut off together do not all come back at the same moment.
 *
 * @param attempt - failed attempts so far, `0` for the first reconnect
 * @param random - a number in [0, 1)
 */
export function reconnectDelay(attempt: number, random: number): number {
  const ceiling = Math.min(MAX_RECONNECT_MS, FIRST_RECONNECT_MS * 2 ** attempt);
  return ceiling - Math.floor((ceiling / 2) * random);
}

/**
 * Reads one server frame; what is not JSON, not a known frame or not of the expected shape is
 * `undefined`.
 *
 * @param data - the frame's text
 */
function parseFrame(data: unknown): LiveFrame | { type: 'ready' } | undefined {
  let frame: Record<string, unknown>;
  try {
    frame = JSON.parse(String(data)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const { type } = frame;
  switch (type) {
    case 'ready':
      return { type };
    case 'message.created':
    case 'message.updated':
      return isMessage(frame.message) ? { type, message: frame.message } : undefined;
    case 'typing':
      return typeof frame.who === 'string' && typeof frame.typing === 'boolean'
        ? { type, who: frame.who, typing: frame.typing }
        : undefined;
    case 'conversation.updated': {
      const conversation = frame.conversation as { aiPaused?: unknown } | null | undefined;
      return { type, aiPaused: conversation?.aiPaused === true };
    }
    case 'presence':
      return typeof frame.who === 'string' && typeof frame.online === 'boolean'
        ? { type, who: frame.who, online: frame.online }
        : undefined;
    default:
      return undefined;
  }
}

/**
 * Opens the visitor's live connection to one conversation (see `docs/realtime.md`): the first
 * frame authenticates with the visitor token; a ping every {@link PING_MS} keeps the socket
 * open; a socket that closes unexpectedly is replaced after {@link reconnectDelay} (the count
 * starts again once a socket is ready). A refused token (close code
 * {@link CLOSE_UNAUTHENTICATED}), a constructor that throws, or {@link LiveConnection.close}
 * end it for good.
 *
 * @param target - the socket address and constructor
 * @param conversation - the conversation and its visitor token
 * @param listener - hears what the server says
 */
export function openLive(
  { url, WebSocket }: LiveTarget,
  conversation: Conversation,
  listener: LiveListener,
): LiveConnection {
  let socket: SocketLike | undefined;
  let sockets = 0;
  let failures = 0;
  let ping: ReturnType<typeof setInterval> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let typingSince: number | undefined; // when `typing: true` was last sent

  const send = (frame: object) => {
    if (socket?.readyState === OPEN) socket.send(JSON.stringify(frame));
  };

  const connect = () => {
    const reconnected = sockets++ > 0;
    try {
      socket = new WebSocket(url);
    } catch {
      return; // e.g. an address the browser refuses: the widget works without
    }
    const own = socket;
    own.onopen = () => {
      send({
        type: 'auth',
        token: conversation.visitorToken,
        conversationId: conversation.conversationId,
      });
      ping = setInterval(() => {
        send({ type: 'ping' });
      }, PING_MS);
    };
    own.onmessage = (event) => {
      const frame = parseFrame(event.data);
      if (!frame) return;
      if (frame.type === 'ready') {
        failures = 0;
        listener.ready(reconnected);
      } else {
        listener.frame(frame);
      }
    };
    own.onclose = (event) => {
      if (socket !== own) return; // closed by close()
      clearInterval(ping);
      socket = undefined;
      typingSince = undefined;
      listener.down();
      if (event.code === CLOSE_UNAUTHENTICATED) return;
      retry = setTimeout(connect, reconnectDelay(failures++, Math.random()));
    };
  };

  const stoppedTyping = () => {
    clearTimeout(idle);
    if (typingSince !== undefined) send({ type: 'typing', typing: false });
    typingSince = undefined;
  };

  connect();
  return {
    typed() {
      const now = Date.now();
      if (typingSince === undefined || now - typingSince >= TYPING_REPEAT_MS) {
        send({ type: 'typing', typing: true });
        typingSince = now;
      }
      clearTimeout(idle);
      idle = setTimeout(stoppedTyping, TYPING_IDLE_MS);
    },
    stoppedTyping,
    close() {
      stoppedTyping();
      clearTimeout(retry);
      clearInterval(ping);
      socket?.close(1000);
      socket = undefined; // its close event is not heard
    },
  };
}
