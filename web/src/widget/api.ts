import { readEvents } from './sse';

/** Who wrote a chat message. */
export type Author = 'VISITOR' | 'AI' | 'AGENT' | 'SYSTEM';

/** A chat message as the server returns it. */
export interface ChatMessage {
  id: string;
  author: Author;
  text: string;
  createdAt: string;
  /** Set once the message has been edited. */
  editedAt?: string;
}

const AUTHORS: readonly unknown[] = ['VISITOR', 'AI', 'AGENT', 'SYSTEM'];

/**
 * Whether a value received from the server has the fields of a {@link ChatMessage} the widget
 * shows (the text is only ever shown as text).
 *
 * @param value - parsed JSON
 */
export function isMessage(value: unknown): value is ChatMessage {
  const m = value as Partial<Record<keyof ChatMessage, unknown>> | null;
  return (
    typeof m?.id === 'string' &&
    AUTHORS.includes(m.author) &&
    typeof m.text === 'string' &&
    typeof m.createdAt === 'string' &&
    (m.editedAt === undefined || typeof m.editedAt === 'string')
  );
}

/**
 * How the widget looks, as configured by the workspace. The server validates every value; the
 * client checks them again (see `applyAppearance`) and ignores what it cannot use.
 */
export interface WidgetAppearance {
  /** Accent colour of the launcher, header, visitor bubbles and buttons: `#rrggbb`, lowercase. */
  primaryColor?: string;
  /** Text and icon colour on the accent, whichever of the two contrasts more (WCAG). */
  textColor?: '#ffffff' | '#111827';
  /** Corner of the page the widget sits in. */
  position?: 'bottom-right' | 'bottom-left';
  /** Colour scheme; `auto` follows the visitor's system setting. */
  theme?: 'auto' | 'light' | 'dark';
  /** Header text; empty means the widget's `name`. */
  title?: string;
  /** The bot's picture shown in the header: an absolute `https` URL, or empty for none. */
  avatarUrl?: string;
}

/** Public widget settings (`GET /api/v1/widget/{key}/config` → `data`). */
export interface WidgetConfig {
  name?: string;
  welcomeMessage?: string;
  /** The widget is private: starting a conversation needs its PIN. */
  pinRequired?: boolean;
  /** The widget's look; absent from older servers, in which case the defaults apply. */
  appearance?: WidgetAppearance;
}

/** A started visitor conversation and the token that authorises posting to it. */
export interface Conversation {
  conversationId: string;
  visitorToken: string;
}

/** Result of sending a visitor message: the stored message and the reply, if any. */
export interface SendResult {
  message?: ChatMessage | null;
  reply?: ChatMessage | null;
}

/** Error codes produced on the client side (server codes are passed through unchanged). */
export const NETWORK_ERROR = 'NETWORK_ERROR';
export const BAD_RESPONSE = 'BAD_RESPONSE';
/** Server code: the business's plan allows no more visitor messages this month. */
export const PLAN_LIMIT_REACHED = 'PLAN_LIMIT_REACHED';
/** Server code: the request was refused, e.g. a message the chat does not accept. */
export const VALIDATION_ERROR = 'VALIDATION_ERROR';

/** A failed call: either the server's error envelope or a client-side failure. */
export class ApiError extends Error {
  /**
   * @param code - the envelope's `error.code` (or a streamed `error` event's `code`),
   *   {@link NETWORK_ERROR} or {@link BAD_RESPONSE}
   * @param message - the envelope's `error.message` (or the event's `message`); empty when the
   *   server gave none
   * @param status - the HTTP status, `0` when no response arrived
   */
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The calls the widget makes. */
export interface WidgetApi {
  config(): Promise<WidgetConfig>;
  /**
   * Starts a conversation. The PIN, for a widget whose config has `pinRequired`, is sent as the
   * JSON body `{"pin": …}`; without one the POST has no body. A wrong PIN is rejected with
   * status 401, too many attempts with 429.
   */
  startConversation(pin?: string): Promise<Conversation>;
  /**
   * Sends the visitor's message and resolves with the stored message and reply once the reply
   * is complete. The reply is asked for as server-sent events, and `listener` hears its pieces
   * as they arrive; a refusal, or a server that answers with JSON anyway, is read as a JSON
   * envelope, and then `listener` hears nothing.
   */
  send(conversation: Conversation, text: string, listener: ReplyListener): Promise<SendResult>;
  /** The conversation's messages, oldest first: every page, until the last. */
  history(conversation: Conversation): Promise<ChatMessage[]>;
  /** Tells the team that the visitor has seen the messages up to and including `upTo`. */
  seen(conversation: Conversation, upTo: string): Promise<void>;
}

/** Hears a reply while it streams. */
export interface ReplyListener {
  /** The next piece of the reply's text, in order. */
  token(text: string): void;
  /** The pieces heard so far are void: the reply starts again from nothing. */
  reset(): void;
}

type FetchFn = (url: string, init: RequestInit) => Promise<Response>;

/** The `error` of an envelope; also the `data` of a stream's `error` event. */
type ErrorBody = { code?: unknown; message?: unknown } | null | undefined;

interface Envelope {
  success?: unknown;
  data?: unknown;
  error?: ErrorBody;
  metadata?: { pagination?: { nextCursor?: unknown } | null } | null;
}

/**
 * Builds the absolute URL of a widget endpoint.
 *
 * @param base - the server origin, e.g. `https://chat.example.com`
 * @param key - the public widget key
 * @param path - further path segments (each is URL-encoded)
 */
export function widgetUrl(base: string, key: string, ...path: string[]): string {
  return [base.replace(/\/+$/, ''), 'api/v1/widget', key, ...path]
    .map((s, i) => (i < 2 ? s : encodeURIComponent(s)))
    .join('/');
}

/**
 * Turns the server's description of a failure into an {@link ApiError}; what is missing or
 * malformed becomes {@link BAD_RESPONSE} and an empty message.
 *
 * @param error - the envelope's `error`, or the data of an `error` event
 * @param status - the HTTP status
 */
function apiError(error: ErrorBody, status: number): ApiError {
  return new ApiError(
    typeof error?.code === 'string' ? error.code : BAD_RESPONSE,
    typeof error?.message === 'string' ? error.message : '',
    status,
  );
}

/**
 * Sends one request. Cookies are never sent.
 *
 * @param fetchFn - the fetch implementation
 * @param url - absolute URL
 * @param accept - the `Accept` header
 * @param method - `GET` or `POST`
 * @param body - JSON body; omitted for a request without body
 * @param token - visitor token sent as `Authorization: Bearer …`
 * @throws {@link ApiError} with {@link NETWORK_ERROR} when no response arrives
 */
async function request(
  fetchFn: FetchFn,
  url: string,
  accept: string,
  method: 'GET' | 'POST',
  body?: unknown,
  token?: string,
): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  const init: RequestInit = { method, headers, credentials: 'omit', mode: 'cors' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetchFn(url, init);
  } catch {
    throw new ApiError(NETWORK_ERROR, '', 0);
  }
}

/**
 * Reads a JSON response envelope.
 *
 * @param res - the response
 * @returns the envelope of a success
 * @throws {@link ApiError} for error envelopes and malformed responses
 */
async function unwrap(res: Response): Promise<Envelope> {
  let json: Envelope | null = null;
  try {
    json = (await res.json()) as Envelope | null;
  } catch {
    // Not JSON (e.g. a proxy's HTML error page): handled below.
  }
  if (res.ok && json?.success === true) return json;
  throw apiError(json?.error, res.status);
}

/**
 * Performs one JSON call and returns the success envelope; see {@link call}.
 */
async function callForEnvelope(
  fetchFn: FetchFn,
  url: string,
  method: 'GET' | 'POST' = 'GET',
  body?: unknown,
  token?: string,
): Promise<Envelope> {
  return unwrap(await request(fetchFn, url, 'application/json', method, body, token));
}

/**
 * Performs one JSON call and unwraps the response envelope. Cookies are never sent.
 *
 * @param fetchFn - the fetch implementation
 * @param url - absolute URL
 * @param method - `GET` or `POST`
 * @param body - JSON body; omitted for a request without body
 * @param token - visitor token sent as `Authorization: Bearer …`
 * @returns the envelope's `data`
 * @throws {@link ApiError} for error envelopes, network failures and malformed responses
 */
export async function call(
  fetchFn: FetchFn,
  url: string,
  method: 'GET' | 'POST' = 'GET',
  body?: unknown,
  token?: string,
): Promise<unknown> {
  return (await callForEnvelope(fetchFn, url, method, body, token)).data;
}

const EVENT_STREAM = /^text\/event-stream/i;

/**
 * Reads a reply streamed as server-sent events (see {@link readEvents}): `token` and `reset`
 * go to the listener, `done` resolves with its data (the same as the JSON answer's `data`),
 * `error` rejects with its code and message. Other events are ignored.
 *
 * @param body - the response body
 * @param status - the response's HTTP status, given to every {@link ApiError}
 * @param listener - hears the pieces of the reply
 * @throws {@link ApiError}: the `error` event's code; {@link BAD_RESPONSE} for data that is not
 *   the expected JSON; {@link NETWORK_ERROR} when the stream breaks or ends before `done` or
 *   `error`
 */
async function readReply(
  body: ReadableStream<Uint8Array>,
  status: number,
  listener: ReplyListener,
): Promise<SendResult> {
  const parse = (data: string): unknown => {
    try {
      return JSON.parse(data);
    } catch {
      throw new ApiError(BAD_RESPONSE, '', status);
    }
  };
  try {
    for await (const { event, data } of readEvents(body)) {
      switch (event) {
        case 'token': {
          const piece = (parse(data) as { text?: unknown } | null)?.text;
          if (typeof piece !== 'string') throw new ApiError(BAD_RESPONSE, '', status);
          listener.token(piece);
          break;
        }
        case 'reset':
          listener.reset();
          break;
        case 'done':
          return parse(data) ?? {};
        case 'error':
          throw apiError(parse(data) as ErrorBody, status);
      }
    }
  } catch (error) {
    throw error instanceof ApiError ? error : new ApiError(NETWORK_ERROR, '', status);
  }
  throw new ApiError(NETWORK_ERROR, '', status);
}

/** Messages per history page: the most the server gives. */
const HISTORY_PAGE = '200';

/** Where the browser keeps a returning visitor's anonymous id between visits. */
export type VisitorMemory = Pick<Storage, 'getItem' | 'setItem'>;

/** The shape of the ids the server hands out; anything else in storage is ignored. */
const VISITOR_ID = /^[0-9a-f]{24}$/;

/** The page's local storage, or none where the browser blocks it (privacy modes, sandboxes). */
function browserMemory(): VisitorMemory | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function remembered(memory: VisitorMemory | undefined, key: string): string | undefined {
  try {
    const value = memory?.getItem(key);
    return value && VISITOR_ID.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function remember(memory: VisitorMemory | undefined, key: string, value: string): void {
  try {
    memory?.setItem(key, value);
  } catch {
    // a full or blocked storage only costs the visitor their continuity
  }
}

/**
 * Creates the client for one widget key.
 *
 * @param base - the server origin the loader was served from
 * @param key - the public widget key from `data-widget-key`
 * @param fetchFn - fetch implementation (injectable for tests)
 * @param memory - where the visitor's anonymous id is kept, so a returning visitor stays one
 *   visitor across conversations (the page's local storage by default)
 */
export function widgetApi(
  base: string,
  key: string,
  fetchFn: FetchFn = fetch,
  memory: VisitorMemory | undefined = browserMemory(),
): WidgetApi {
  const url = (...path: string[]) => widgetUrl(base, key, ...path);
  const memoryKey = `minichat:${key}:visitor`;
  return {
    async config() {
      return (await call(fetchFn, url('config'))) ?? {};
    },
    async startConversation(pin) {
      const known = remembered(memory, memoryKey);
      const body =
        pin === undefined && known === undefined
          ? undefined
          : {
              ...(pin === undefined ? {} : { pin }),
              ...(known === undefined ? {} : { visitorId: known }),
            };
      const data = (await call(fetchFn, url('conversations'), 'POST', body)) as
        (Partial<Conversation> & { visitorId?: unknown }) | null;
      if (typeof data?.conversationId !== 'string' || typeof data.visitorToken !== 'string') {
        throw new ApiError(BAD_RESPONSE, '', 200);
      }
      if (typeof data.visitorId === 'string') {
        remember(memory, memoryKey, data.visitorId);
      }
      return { conversationId: data.conversationId, visitorToken: data.visitorToken };
    },
    async send(conversation, text, listener) {
      const res = await request(
        fetchFn,
        url('conversations', conversation.conversationId, 'messages'),
        'text/event-stream, application/json',
        'POST',
        { text },
        conversation.visitorToken,
      );
      // Refusals come as JSON envelopes, and a server or proxy may not stream at all.
      if (!res.ok || !res.body || !EVENT_STREAM.test(res.headers.get('Content-Type') ?? '')) {
        return (await unwrap(res)).data ?? {};
      }
      return readReply(res.body, res.status, listener);
    },
    async history(conversation) {
      const messages: ChatMessage[] = [];
      const address = `${url('conversations', conversation.conversationId, 'messages')}?limit=${HISTORY_PAGE}`;
      let cursor: string | undefined;
      do {
        const page = await callForEnvelope(
          fetchFn,
          cursor === undefined ? address : `${address}&cursor=${encodeURIComponent(cursor)}`,
          'GET',
          undefined,
          conversation.visitorToken,
        );
        if (!Array.isArray(page.data)) throw new ApiError(BAD_RESPONSE, '', 200);
        messages.push(...page.data.filter(isMessage));
        const next = page.metadata?.pagination?.nextCursor;
        // A cursor that does not move on would never end.
        cursor = typeof next === 'string' && next !== cursor ? next : undefined;
      } while (cursor !== undefined);
      return messages;
    },
    async seen(conversation, upTo) {
      await call(
        fetchFn,
        url('conversations', conversation.conversationId, 'receipts'),
        'POST',
        { kind: 'seen', upTo },
        conversation.visitorToken,
      );
    },
  };
}
