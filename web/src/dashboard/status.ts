import type { DashboardTexts } from './i18n';

/** What the page knows about the server's readiness. */
export type ServerStatus =
  | { kind: 'checking' }
  | { kind: 'ready' | 'not_ready'; checks: Record<string, unknown> }
  | { kind: 'unreachable' };

type FetchFn = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Asks `GET /readyz` whether the server is ready. The body is read whatever the HTTP status,
 * because a not-ready server typically answers 503 with the same JSON shape.
 *
 * @param fetchFn - fetch implementation (injectable for tests)
 * @param url - the readiness endpoint
 */
export async function fetchStatus(
  fetchFn: FetchFn = fetch,
  url = '/readyz',
): Promise<ServerStatus> {
  try {
    const res = await fetchFn(url, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    const body = (await res.json()) as { status?: unknown; checks?: unknown } | null;
    const checks =
      body?.checks && typeof body.checks === 'object'
        ? (body.checks as Record<string, unknown>)
        : {};
    if (body?.status === 'ready' && res.ok) return { kind: 'ready', checks };
    if (body?.status === 'ready' || body?.status === 'not_ready') {
      return { kind: 'not_ready', checks };
    }
  } catch {
    // Network failure or a non-JSON answer: treated as unreachable.
  }
  return { kind: 'unreachable' };
}

/**
 * Describes one dependency check in a short text. Accepts the shapes a health check commonly
 * takes: a string (`"up"`), a boolean, or an object with `status` and optional `message`.
 *
 * @param value - the check's value from `checks`
 */
export function describeCheck(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'up' : 'down';
  if (value && typeof value === 'object') {
    const { status, message } = value as { status?: unknown; message?: unknown };
    const parts = [status, message].filter((p): p is string => typeof p === 'string' && p !== '');
    if (parts.length > 0) return parts.join(' – ');
  }
  return JSON.stringify(value); // values come from JSON.parse, so this is always a string
}

/**
 * Shows a {@link ServerStatus} in the status paragraph and the list of checks. Text is set with
 * `textContent` only.
 *
 * @param summary - the element with `role="status"` that receives the sentence
 * @param list - the `<ul>` that receives one item per dependency check
 * @param status - what to show
 * @param t - the texts of the current language
 */
export function renderStatus(
  summary: HTMLElement,
  list: HTMLElement,
  status: ServerStatus,
  t: DashboardTexts,
): void {
  const sentence = {
    checking: t.checking,
    ready: t.ready,
    not_ready: t.notReady,
    unreachable: t.unreachable,
  }[status.kind];
  summary.textContent = sentence;
  summary.dataset.state = status.kind;
  const doc = list.ownerDocument;
  const items = Object.entries('checks' in status ? status.checks : {}).map(([name, value]) => {
    const item = doc.createElement('li');
    const label = doc.createElement('strong');
    label.textContent = name;
    item.append(label, `: ${describeCheck(value)}`);
    return item;
  });
  list.replaceChildren(...items);
  list.hidden = items.length === 0;
}
