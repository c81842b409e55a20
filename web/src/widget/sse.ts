/** One server-sent event. */
export interface ServerSentEvent {
  /** The `event:` field; `message` when the event has none. */
  event: string;
  /** The `data:` lines, joined with newlines. */
  data: string;
}

const LINE_BREAK = /\r\n|\r|\n/;

/**
 * Reads a `text/event-stream` body and yields each event as soon as it is complete, following
 * the WHATWG parsing rules: UTF-8 is decoded across chunk boundaries (a character may be split
 * between chunks), lines end with CRLF, LF or CR (a CRLF may be split too), comments and
 * unknown fields (`id`, `retry`) are ignored, a blank line ends an event, which is dispatched
 * only if it has data, and an unfinished event at the end of the body is dropped. Stopping the
 * iteration early cancels the body.
 *
 * @param body - the response body
 * @throws whatever reading the body throws, e.g. a `TypeError` when the connection drops
 */
export async function* readEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<ServerSentEvent, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = ''; // text after the last complete line
  let event = '';
  let data: string[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (!done) buffer += decoder.decode(value, { stream: true });
      // A CR at the very end may be the first half of a CRLF: keep it for the next chunk.
      const held = !done && buffer.endsWith('\r') ? '\r' : '';
      const lines = buffer.slice(0, buffer.length - held.length).split(LINE_BREAK);
      buffer = (lines.pop() ?? '') + held;
      for (const line of lines) {
        if (line === '') {
          if (data.length > 0) yield { event: event || 'message', data: data.join('\n') };
          event = '';
          data = [];
          continue;
        }
        const colon = line.indexOf(':');
        if (colon === 0) continue; // a comment, e.g. a keep-alive
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(line[colon + 1] === ' ' ? colon + 2 : colon + 1);
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (done) return;
    }
  } finally {
    // Releases the connection when the caller stops early; a no-op on a finished body.
    await reader.cancel().catch(() => undefined);
  }
}
