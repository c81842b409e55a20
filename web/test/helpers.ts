import { vi, type Mock } from 'vitest';
import type { SocketConstructor, SocketLike } from '../src/widget/live';

/** A recorded fetch call. */
export interface FetchCall {
  url: string;
  init: RequestInit;
}

/** Builds a JSON `Response`. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** Success envelope as the server sends it. */
export function ok(data: unknown, status = 200): Response {
  return json({ success: true, data, metadata: { requestId: 'r1' } }, status);
}

/** Error envelope as the server sends it. */
export function fail(code: string, message: string, status: number): Response {
  return json({ success: false, error: { code, message }, metadata: { requestId: 'r2' } }, status);
}

/** One server-sent event as the server writes it. */
export function sse(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A body the test feeds chunk by chunk: text is sent as UTF-8, bytes as they are. */
export interface FedStream {
  body: ReadableStream<Uint8Array>;
  push(...chunks: (string | Uint8Array)[]): void;
  end(): void;
  /** Breaks the stream, as a dropped connection does. */
  fail(): void;
}

/** Creates a {@link FedStream}. */
export function fedStream(): FedStream {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  const encoder = new TextEncoder();
  return {
    body,
    push(...chunks) {
      for (const chunk of chunks) {
        controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      }
    },
    end() {
      controller.close();
    },
    fail() {
      controller.error(new TypeError('network error'));
    },
  };
}

/** A `text/event-stream` response on a {@link FedStream}, as the server streams a reply. */
export function streamed(): FedStream & { response: Response } {
  const stream = fedStream();
  const response = new Response(stream.body, {
    headers: { 'Content-Type': 'text/event-stream;charset=utf-8', 'Cache-Control': 'no-cache' },
  });
  return { ...stream, response };
}

/** A fetch double that answers with the given responses in order and records every call. */
export function fakeFetch(...responses: (Response | Error)[]): {
  fn: Mock<(url: string, init: RequestInit) => Promise<Response>>;
  calls: FetchCall[];
} {
  const calls: FetchCall[] = [];
  const fn = vi.fn((url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = responses.shift();
    if (next === undefined) return Promise.reject(new Error(`unexpected call to ${url}`));
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  });
  return { fn, calls };
}

/** Lets pending promise callbacks run (and timers due now, under fake timers). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
  if (vi.isFakeTimers()) await vi.advanceTimersByTimeAsync(0);
  else await new Promise((resolve) => setTimeout(resolve, 0));
}

/** A WebSocket double the test drives by hand; it records what the client sends. */
export class FakeSocket implements SocketLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  /** The frames sent, parsed. */
  readonly sent: unknown[] = [];
  /** The code the client closed the socket with, if it did. */
  closedWith: number | undefined;

  constructor(readonly url: string) {}

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(JSON.parse(data));
  }

  close(code?: number): void {
    this.closedWith = code;
    this.readyState = 3;
  }

  /** The connection is established. */
  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }

  /** The server sends a frame. */
  receive(frame: unknown): void {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(frame) }));
  }

  /** The connection ends without the client asking. */
  drop(code = 1006): void {
    this.readyState = 3;
    this.onclose?.(new CloseEvent('close', { code }));
  }
}

/** A WebSocket constructor double and every socket it made, oldest first. */
export function fakeSockets(): { WebSocket: SocketConstructor; made: FakeSocket[] } {
  const made: FakeSocket[] = [];
  return {
    made,
    WebSocket: class extends FakeSocket {
      constructor(url: string) {
        super(url);
        made.push(this);
      }
    },
  };
}
