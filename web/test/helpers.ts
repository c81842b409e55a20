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
