import { describe, expect, it } from 'vitest';
import {
  ApiError,
  BAD_RESPONSE,
  call,
  isMessage,
  NETWORK_ERROR,
  PLAN_LIMIT_REACHED,
  widgetApi,
  widgetUrl,
} from '../src/widget/api';
import { fail, fakeFetch, flush, json, ok, sse, streamed } from './helpers';

const BASE = 'https://chat.example.com';

function headersOf(init: RequestInit): Record<string, string> {
  return init.headers as Record<string, string>;
}

describe('widgetUrl', () => {
  it('joins base, fixed prefix, key and encoded segments', () => {
    expect(widgetUrl(BASE, 'wk_1', 'config')).toBe(`${BASE}/api/v1/widget/wk_1/config`);
    expect(widgetUrl(`${BASE}/`, 'wk_1', 'conversations', 'a/b c', 'messages')).toBe(
      `${BASE}/api/v1/widget/wk_1/conversations/a%2Fb%20c/messages`,
    );
  });

  it('encodes the key so that it cannot escape its path segment', () => {
    expect(widgetUrl(BASE, '../admin?x=1', 'config')).toBe(
      `${BASE}/api/v1/widget/..%2Fadmin%3Fx%3D1/config`,
    );
  });
});

describe('call', () => {
  it('sends a GET without body, cookies or auth header', async () => {
    const { fn, calls } = fakeFetch(ok({ name: 'Shop' }));
    await expect(call(fn, `${BASE}/x`)).resolves.toEqual({ name: 'Shop' });
    const init = calls[0]!.init;
    expect(init.method).toBe('GET');
    expect(init.body).toBeUndefined();
    expect(init.credentials).toBe('omit');
    expect(headersOf(init)).toEqual({ Accept: 'application/json' });
  });

  it('sends JSON and the bearer token on POST', async () => {
    const { fn, calls } = fakeFetch(ok({}));
    await call(fn, `${BASE}/x`, 'POST', { text: 'hi' }, 'vt_1');
    const init = calls[0]!.init;
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"text":"hi"}');
    expect(headersOf(init)).toEqual({
      Accept: 'application/json',
      'Content-Type': 'application/json',
      Authorization: 'Bearer vt_1',
    });
  });

  it('turns an error envelope into an ApiError with code, message and status', async () => {
    const { fn } = fakeFetch(fail('RATE_LIMITED', 'Too many messages', 429));
    const error = await call(fn, `${BASE}/x`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'RATE_LIMITED',
      message: 'Too many messages',
      status: 429,
    });
  });

  it('reports a network failure as NETWORK_ERROR', async () => {
    const { fn } = fakeFetch(new TypeError('Failed to fetch'));
    await expect(call(fn, `${BASE}/x`)).rejects.toMatchObject({ code: NETWORK_ERROR, status: 0 });
  });

  it('reports a non-JSON answer as BAD_RESPONSE', async () => {
    const { fn } = fakeFetch(new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(call(fn, `${BASE}/x`)).rejects.toMatchObject({
      code: BAD_RESPONSE,
      message: '',
      status: 502,
    });
  });

  it('does not trust a 200 without success=true', async () => {
    const { fn } = fakeFetch(new Response('{"data":{}}', { status: 200 }));
    await expect(call(fn, `${BASE}/x`)).rejects.toMatchObject({ code: BAD_RESPONSE });
  });
});

describe('widgetApi', () => {
  it('loads the config', async () => {
    const { fn, calls } = fakeFetch(
      ok({ name: 'Shop', welcomeMessage: 'Hello!', pinRequired: true }),
    );
    const config = await widgetApi(BASE, 'wk_1', fn).config();
    expect(config).toEqual({ name: 'Shop', welcomeMessage: 'Hello!', pinRequired: true });
    expect(calls[0]!.url).toBe(`${BASE}/api/v1/widget/wk_1/config`);
  });

  it('starts a conversation with a body-less POST when no PIN is given', async () => {
    const { fn, calls } = fakeFetch(ok({ conversationId: 'c1', visitorToken: 'vt_1' }, 201));
    await expect(widgetApi(BASE, 'wk_1', fn).startConversation()).resolves.toEqual({
      conversationId: 'c1',
      visitorToken: 'vt_1',
    });
    expect(calls[0]!.url).toBe(`${BASE}/api/v1/widget/wk_1/conversations`);
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.body).toBeUndefined();
    expect(headersOf(calls[0]!.init)).toEqual({ Accept: 'application/json' });
  });

  it('remembers the visitor id and sends it when a later conversation starts', async () => {
    const stored = new Map<string, string>();
    const memory = {
      getItem: (k: string) => stored.get(k) ?? null,
      setItem: (k: string, v: string) => void stored.set(k, v),
    };
    const visitorId = 'a1b2c3d4e5f60718293a4b5c';
    const { fn, calls } = fakeFetch(
      ok({ conversationId: 'c1', visitorId, visitorToken: 'vt_1' }, 201),
      ok({ conversationId: 'c2', visitorId, visitorToken: 'vt_2' }, 201),
    );
    const api = widgetApi(BASE, 'wk_1', fn, memory);

    await api.startConversation();
    await api.startConversation('1234');

    expect(calls[0]!.init.body).toBeUndefined();
    expect(calls[1]!.init.body).toBe(`{"pin":"1234","visitorId":"${visitorId}"}`);
    expect(stored.get('minichat:wk_1:visitor')).toBe(visitorId);
  });

  it('ignores a stored visitor id that is not one and storage that throws', async () => {
    const { fn, calls } = fakeFetch(
      ok({ conversationId: 'c1', visitorToken: 'vt_1' }, 201),
      ok({ conversationId: 'c2', visitorToken: 'vt_2' }, 201),
    );
    await widgetApi(BASE, 'wk_1', fn, {
      getItem: () => '../not-an-id',
      setItem: () => undefined,
    }).startConversation();
    await widgetApi(BASE, 'wk_1', fn, {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    }).startConversation();

    expect(calls[0]!.init.body).toBeUndefined();
    expect(calls[1]!.init.body).toBeUndefined();
  });

  it('sends the PIN as a JSON body when one is given', async () => {
    const { fn, calls } = fakeFetch(ok({ conversationId: 'c1', visitorToken: 'vt_1' }, 201));
    await expect(widgetApi(BASE, 'wk_1', fn).startConversation('1234')).resolves.toEqual({
      conversationId: 'c1',
      visitorToken: 'vt_1',
    });
    expect(calls[0]!.url).toBe(`${BASE}/api/v1/widget/wk_1/conversations`);
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.body).toBe('{"pin":"1234"}');
    expect(headersOf(calls[0]!.init)).toEqual({
      Accept: 'application/json',
      'Content-Type': 'application/json',
    });
  });

  it('rejects a wrong PIN and too many attempts with the server error', async () => {
    const { fn } = fakeFetch(
      fail('AUTHENTICATION_FAILED', 'The PIN is wrong', 401),
      fail('RATE_LIMITED', 'Too many PIN attempts; try again later', 429),
    );
    const api = widgetApi(BASE, 'wk_1', fn);
    await expect(api.startConversation('0000')).rejects.toMatchObject({
      code: 'AUTHENTICATION_FAILED',
      message: 'The PIN is wrong',
      status: 401,
    });
    await expect(api.startConversation('0000')).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      status: 429,
    });
  });

  it('rejects a start answer without conversation id or token', async () => {
    const { fn } = fakeFetch(ok({ conversationId: 'c1' }));
    await expect(widgetApi(BASE, 'wk_1', fn).startConversation()).rejects.toMatchObject({
      code: BAD_RESPONSE,
    });
  });
});

describe('widgetApi send', () => {
  const CONVERSATION = { conversationId: 'c1', visitorToken: 'vt_1' };
  const MESSAGE = {
    id: 'm1',
    conversationId: 'c1',
    author: 'VISITOR',
    text: 'Hello',
    createdAt: 'x',
  };
  const REPLY = { id: 'm2', conversationId: 'c1', author: 'AI', text: 'สวัสดีค่ะ', createdAt: 'y' };

  /** A listener that records what it hears, in order. */
  function recorder() {
    const heard: string[] = [];
    return {
      heard,
      listener: {
        token: (text: string) => heard.push(text),
        reset: () => heard.push('<reset>'),
      },
    };
  }

  it('asks for a stream with the visitor token and the text', async () => {
    const { fn, calls } = fakeFetch(ok({ message: MESSAGE, reply: REPLY }));
    await widgetApi(BASE, 'wk_1', fn).send(CONVERSATION, 'Hello', recorder().listener);
    expect(calls[0]!.url).toBe(`${BASE}/api/v1/widget/wk_1/conversations/c1/messages`);
    expect(calls[0]!.init).toMatchObject({ method: 'POST', body: '{"text":"Hello"}' });
    expect(headersOf(calls[0]!.init)).toEqual({
      Accept: 'text/event-stream, application/json',
      'Content-Type': 'application/json',
      Authorization: 'Bearer vt_1',
    });
  });

  it('passes the pieces on as they arrive, then resolves with the stored messages', async () => {
    const stream = streamed();
    const { fn } = fakeFetch(stream.response);
    const { heard, listener } = recorder();
    const sent = widgetApi(BASE, 'wk_1', fn).send(CONVERSATION, 'Hello', listener);
    stream.push(sse('token', { text: 'สวัส' }), sse('token', { text: 'ดี' }));
    await flush();
    expect(heard).toEqual(['สวัส', 'ดี']);
    stream.push(sse('reset', {}), sse('token', { text: 'สวัสดีค่ะ' }));
    stream.push(sse('done', { message: MESSAGE, reply: REPLY }));
    await expect(sent).resolves.toEqual({ message: MESSAGE, reply: REPLY });
    expect(heard).toEqual(['สวัส', 'ดี', '<reset>', 'สวัสดีค่ะ']);
  });

  it('rejects with the code and message of an error event', async () => {
    const stream = streamed();
    const { fn } = fakeFetch(stream.response);
    const { heard, listener } = recorder();
    stream.push(sse('token', { text: 'Our hours' }));
    stream.push(sse('error', { code: 'UPSTREAM_UNAVAILABLE', message: 'No provider answered' }));
    await expect(
      widgetApi(BASE, 'wk_1', fn).send(CONVERSATION, 'Hello', listener),
    ).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      message: 'No provider answered',
      status: 200,
    });
    expect(heard).toEqual(['Our hours']);
  });

  it.each([
    ['VALIDATION_FAILED', 400],
    ['AUTHENTICATION_FAILED', 401],
    [PLAN_LIMIT_REACHED, 403],
    ['NOT_FOUND', 404],
    ['RATE_LIMITED', 429],
    ['UPSTREAM_UNAVAILABLE', 503],
  ])('reads a refusal (%s, %i) as a JSON error envelope', async (code, status) => {
    const { fn } = fakeFetch(fail(code, 'Refused', status));
    const { heard, listener } = recorder();
    await expect(
      widgetApi(BASE, 'wk_1', fn).send(CONVERSATION, 'Hello', listener),
    ).rejects.toMatchObject({ code, message: 'Refused', status });
    expect(heard).toEqual([]);
  });

  it('reads a JSON answer from a server that does not stream', async () => {
    const { fn } = fakeFetch(ok({ message: MESSAGE, reply: REPLY }));
    const { heard, listener } = recorder();
    await expect(
      widgetApi(BASE, 'wk_1', fn).send(CONVERSATION, 'Hello', listener),
    ).resolves.toEqual({ message: MESSAGE, reply: REPLY });
    expect(heard).toEqual([]);
  });

  it('reports a stream that ends before done or error as a network error', async () => {
    const stream = streamed();
    const { fn } = fakeFetch(stream.response);
    stream.push(sse('token', { text: 'Our hours' }), 'event: done\ndata: {"mess');
    stream.end();
    await expect(
      widgetApi(BASE, 'wk_1', fn).send(CONVERSATION, 'Hello', recorder().listener),
    ).rejects.toMatchObject({ code: NETWORK_ERROR });
  });

  it('reports a broken stream as a network error', async () => {
    const stream = streamed();
    const { fn } = fakeFetch(stream.response);
    const sent = widgetApi(BASE, 'wk_1', fn).send(CONVERSATION, 'Hello', recorder().listener);
    stream.push(sse('token', { text: 'Our hours' }));
    await flush();
    stream.fail();
    await expect(sent).rejects.toMatchObject({ code: NETWORK_ERROR });
  });

  it('reports an event with unexpected data as a bad response', async () => {
    const stream = streamed();
    const { fn } = fakeFetch(stream.response);
    stream.push(sse('token', { piece: 'Our hours' }));
    await expect(
      widgetApi(BASE, 'wk_1', fn).send(CONVERSATION, 'Hello', recorder().listener),
    ).rejects.toMatchObject({ code: BAD_RESPONSE });
    const broken = streamed();
    broken.push('event: done\ndata: {not json\n\n');
    await expect(
      widgetApi(BASE, 'wk_1', fakeFetch(broken.response).fn).send(
        CONVERSATION,
        'Hello',
        recorder().listener,
      ),
    ).rejects.toMatchObject({ code: BAD_RESPONSE });
  });
});

describe('widgetApi history and receipts', () => {
  const CONVERSATION = { conversationId: 'c1', visitorToken: 'vt_1' };
  const message = (id: string, author = 'AGENT') => ({
    id,
    conversationId: 'c1',
    author,
    text: `text ${id}`,
    createdAt: 'x',
  });
  /** A page of messages as the server sends it. */
  const page = (data: unknown[], nextCursor: string | null) =>
    json({
      success: true,
      data,
      metadata: { requestId: 'r1', pagination: { nextCursor, limit: 200 } },
    });

  it('loads every page of the history with the visitor token, oldest first', async () => {
    const { fn, calls } = fakeFetch(
      page([message('m1', 'VISITOR'), message('m2', 'AI')], 'a+b/c'),
      page([message('m3'), { id: 'm4', author: 'ROBOT', text: 'x' }], null),
    );
    const history = await widgetApi(BASE, 'wk_1', fn).history(CONVERSATION);
    expect(history.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    const address = `${BASE}/api/v1/widget/wk_1/conversations/c1/messages?limit=200`;
    expect(calls.map((c) => c.url)).toEqual([address, `${address}&cursor=a%2Bb%2Fc`]);
    expect(calls[0]!.init.method).toBe('GET');
    expect(headersOf(calls[1]!.init)).toEqual({
      Accept: 'application/json',
      Authorization: 'Bearer vt_1',
    });
  });

  it('stops at a cursor that does not move on', async () => {
    const { fn, calls } = fakeFetch(page([message('m1')], 'same'), page([message('m1')], 'same'));
    await widgetApi(BASE, 'wk_1', fn).history(CONVERSATION);
    expect(calls).toHaveLength(2);
  });

  it('rejects a history that is not a list, and passes refusals on', async () => {
    const { fn } = fakeFetch(ok({ messages: [] }), fail('AUTHENTICATION_FAILED', 'No', 401));
    const api = widgetApi(BASE, 'wk_1', fn);
    await expect(api.history(CONVERSATION)).rejects.toMatchObject({ code: BAD_RESPONSE });
    await expect(api.history(CONVERSATION)).rejects.toMatchObject({ status: 401 });
  });

  it('posts a seen receipt up to a message', async () => {
    const { fn, calls } = fakeFetch(ok({ id: 'c1', status: 'OPEN' }));
    await widgetApi(BASE, 'wk_1', fn).seen(CONVERSATION, 'm/2');
    expect(calls[0]!.url).toBe(`${BASE}/api/v1/widget/wk_1/conversations/c1/receipts`);
    expect(calls[0]!.init).toMatchObject({
      method: 'POST',
      body: '{"kind":"seen","upTo":"m/2"}',
    });
    expect(headersOf(calls[0]!.init).Authorization).toBe('Bearer vt_1');
  });
});

describe('isMessage', () => {
  it('accepts what the widget can show and nothing else', () => {
    const valid = { id: 'm1', author: 'AGENT', text: 'Hi', createdAt: 'x' };
    expect(isMessage(valid)).toBe(true);
    expect(isMessage({ ...valid, editedAt: 'y' })).toBe(true);
    for (const invalid of [
      null,
      'm1',
      { ...valid, id: 1 },
      { ...valid, author: 'ROBOT' },
      { ...valid, text: null },
      { ...valid, createdAt: undefined },
      { ...valid, editedAt: 5 },
    ]) {
      expect(isMessage(invalid)).toBe(false);
    }
  });
});
