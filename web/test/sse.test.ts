import { describe, expect, it, vi } from 'vitest';
import { readEvents, type ServerSentEvent } from '../src/widget/sse';
import { fedStream } from './helpers';

async function collect(body: ReadableStream<Uint8Array>): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  for await (const event of readEvents(body)) events.push(event);
  return events;
}

/** The events of a body that arrives in the given chunks. */
function parse(...chunks: (string | Uint8Array)[]): Promise<ServerSentEvent[]> {
  const stream = fedStream();
  stream.push(...chunks);
  stream.end();
  return collect(stream.body);
}

// Thai pieces (three UTF-8 bytes per character), CRLF and LF endings, a comment and an `id`.
const WIRE =
  'event: token\r\ndata: {"text":"สวัสดี"}\r\n\r\n' +
  ': keep-alive\n\n' +
  'id: 7\nevent: token\ndata: {"text":"ค่ะ"}\n\n' +
  'event: done\r\ndata: {"reply":{"text":"สวัสดีค่ะ"}}\r\n\r\n';
const EVENTS: ServerSentEvent[] = [
  { event: 'token', data: '{"text":"สวัสดี"}' },
  { event: 'token', data: '{"text":"ค่ะ"}' },
  { event: 'done', data: '{"reply":{"text":"สวัสดีค่ะ"}}' },
];

describe('readEvents', () => {
  it('yields named events with their data', async () => {
    await expect(parse(WIRE)).resolves.toEqual(EVENTS);
  });

  it('gives the same events wherever the body is split, even inside a character', async () => {
    const bytes = new TextEncoder().encode(WIRE);
    // Every split point: inside each Thai character's bytes, between `event:` and `data:`,
    // between CR and LF, and between the two line breaks that end an event.
    for (let at = 0; at <= bytes.length; at++) {
      expect(
        await parse(bytes.slice(0, at), bytes.slice(at)),
        `split at byte ${String(at)}`,
      ).toEqual(EVENTS);
    }
  });

  it('gives the same events when every byte arrives on its own', async () => {
    const bytes = new TextEncoder().encode(WIRE);
    const chunks = Array.from(bytes, (_, i) => bytes.slice(i, i + 1));
    await expect(parse(...chunks)).resolves.toEqual(EVENTS);
  });

  it('accepts lines ended by a lone CR', async () => {
    await expect(parse('event: reset\rdata: {}\r\r', 'data: x\r', '\r')).resolves.toEqual([
      { event: 'reset', data: '{}' },
      { event: 'message', data: 'x' },
    ]);
  });

  it('follows the field rules: one optional space, joined data lines, no event without data', async () => {
    await expect(
      parse(
        'event:token\ndata:a\ndata:  b\ndata\n\n',
        'event: ignored\n\n',
        'retry: 10\ndata: c\n\n',
      ),
    ).resolves.toEqual([
      { event: 'token', data: 'a\n b\n' },
      { event: 'message', data: 'c' },
    ]);
  });

  it('drops an event the body ends in the middle of', async () => {
    await expect(parse('data: 1\n\n', 'event: done\ndata: {"reply"')).resolves.toEqual([
      { event: 'message', data: '1' },
    ]);
    await expect(parse('data: 1\n\n', 'data: 2\n')).resolves.toEqual([
      { event: 'message', data: '1' },
    ]);
  });

  it('yields each event as soon as it is complete', async () => {
    const stream = fedStream();
    const events = readEvents(stream.body);
    stream.push('data: first\n\ndata: sec');
    await expect(events.next()).resolves.toEqual({
      done: false,
      value: { event: 'message', data: 'first' },
    });
    stream.push('ond\n\n');
    await expect(events.next()).resolves.toEqual({
      done: false,
      value: { event: 'message', data: 'second' },
    });
    stream.end();
    await expect(events.next()).resolves.toEqual({ done: true, value: undefined });
  });

  it('cancels the body when the reader stops early', async () => {
    const cancel = vi.fn();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('data: 1\n\ndata: 2\n\n'));
      },
      cancel,
    });
    for await (const event of readEvents(body)) {
      expect(event.data).toBe('1');
      break;
    }
    expect(cancel).toHaveBeenCalledTimes(1);
  });

  it('fails when the body breaks', async () => {
    const stream = fedStream();
    stream.push('data: 1\n\n', 'data: 2');
    stream.fail();
    await expect(collect(stream.body)).rejects.toThrow(TypeError);
  });
});
