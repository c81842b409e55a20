/** Who wrote a chat message. */
export type Author = 'VISITOR' | 'AI' | 'AGENT' | 'SYSTEM';

/** A chat message as the server returns it. */
export interface ChatMessage {
  id: string;
  author: Author;
  text: string;
  createdAt: string;
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

/** A failed call: either the server's error envelope or a client-side failure. */
export class ApiError extends Error {
  /**
   * @param code - the envelope's `error.code`, {@link NETWORK_ERROR} or {@link BAD_RESPONSE}
   * @param message - the envelope's `error.message`; empty when the server gave none
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

/** The three calls the widget makes. */
export interface WidgetApi {
  config(): Promise<WidgetConfig>;
  /**
   * Starts a conversation. The PIN, for a widget whose config has `pinRequired`, is sent as the
   * JSON body `{"pin": …}`; without one the POST has no body. A wrong PIN is rejected with
   * status 401, too many attempts with 429.
   */
  startConversation(pin?: string): Promise<Conversation>;
  send(conversation: Conversation, text: string): Promise<SendResult>;
}

type FetchFn = (url: string, init: RequestInit) => Promise<Response>;

interface Envelope {
  success?: unknown;
  data?: unknown;
  error?: { code?: unknown; message?: unknown } | null;
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
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'omit', mode: 'cors' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (token) headers.Authorization = `Bearer ${token}`;

  let res: Response;
  try {
    res = await fetchFn(url, init);
  } catch {
    throw new ApiError(NETWORK_ERROR, '', 0);
  }
  let json: Envelope | null = null;
  try {
    json = (await res.json()) as Envelope | null;
  } catch {
    // Not JSON (e.g. a proxy's HTML error page): handled below.
  }
  if (res.ok && json?.success === true) return json.data;
  const err = json?.error;
  throw new ApiError(
    typeof err?.code === 'string' ? err.code : BAD_RESPONSE,
    typeof err?.message === 'string' ? err.message : '',
    res.status,
  );
}

/**
 * Creates the client for one widget key.
 *
 * @param base - the server origin the loader was served from
 * @param key - the public widget key from `data-widget-key`
 * @param fetchFn - fetch implementation (injectable for tests)
 */
export function widgetApi(base: string, key: string, fetchFn: FetchFn = fetch): WidgetApi {
  const url = (...path: string[]) => widgetUrl(base, key, ...path);
  return {
    async config() {
      return (await call(fetchFn, url('config'))) ?? {};
    },
    async startConversation(pin) {
      const data = (await call(
        fetchFn,
        url('conversations'),
        'POST',
        pin === undefined ? undefined : { pin },
      )) as Partial<Conversation> | null;
      if (typeof data?.conversationId !== 'string' || typeof data.visitorToken !== 'string') {
        throw new ApiError(BAD_RESPONSE, '', 200);
      }
      return { conversationId: data.conversationId, visitorToken: data.visitorToken };
    },
    async send(conversation, text) {
      const data = await call(
        fetchFn,
        url('conversations', conversation.conversationId, 'messages'),
        'POST',
        { text },
        conversation.visitorToken,
      );
      return data ?? {};
    },
  };
}
