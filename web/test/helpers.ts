import { vi, type Mock } from 'vitest';

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

/** Lets pending promise callbacks run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}
