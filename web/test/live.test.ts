import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Conversation } from '../src/widget/api';
import {
  CLOSE_UNAUTHENTICATED,
  liveUrl,
  openLive,
  PING_MS,
  reconnectDelay,
  type LiveFrame,
  type SocketConstructor,
} from '../src/widget/live';
import { fakeSockets } from './helpers';

const CONVERSATION: Conversation = { conversationId: 'c1', visitorToken: 'vt_1' };
const URL = 'wss://chat.example.com/api/v1/widget/wk_1/ws';

/** Opens a live connection on fake sockets and records what its listener hears. */
function connect() {
  const sockets = fakeSockets();
  const heard: (LiveFrame | 'down' | { ready: boolean })[] = [];
  const live = openLive({ url: URL, WebSocket: sockets.WebSocket }, CONVERSATION, {
    ready: (reconnected) => heard.push({ ready: reconnected }),
    frame: (frame) => heard.push(frame),
    down: () => heard.push('down'),
  });
  const socket = (i: number) => sockets.made[i]!;
  /** Opens the newest socket and has the server accept it. */
  const ready = () => {
    const newest = sockets.made.at(-1)!;
    newest.open();
    newest.receive({ type: 'ready' });
    return newest;
  };
  return { live, made: sockets.made, socket, ready, heard };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(Math, 'random').mockReturnValue(0); // no jitter: the longest delay each time
});

afterEach(() => {
  vi.useRealTimers();
});

describe('liveUrl', () => {
  it('follows the scheme of the base', () => {
    expect(liveUrl('https://chat.example.com', 'wk_1')).toBe(URL);
    expect(liveUrl('http://localhost:8080/', 'wk 1')).toBe(
      'ws://localhost:8080/api/v1/widget/wk%201/ws',
    );
  });
});

describe('reconnectDelay', () => {
  it('starts at 1 s and doubles up to 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((attempt) => reconnectDelay(attempt, 0))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('takes off up to half of it at random', () => {
    expect(reconnectDelay(0, 0.5)).toBe(750);
    expect(reconnectDelay(2, 0.999)).toBe(2002);
    expect(reconnectDelay(9, 0.999)).toBe(15_015);
  });
});

describe('openLive', () => {
  it('sends the auth frame first, then hears ready', () => {
    const { socket, heard } = connect();
    expect(socket(0).url).toBe(URL);
    socket(0).open();
    expect(socket(0).sent).toEqual([{ type: 'auth', token: 'vt_1', conversationId: 'c1' }]);
    socket(0).receive({ type: 'ready' });
    expect(heard).toEqual([{ ready: false }]);
  });

  it('passes on the frames it knows, checked, and ignores the rest', () => {
    const { ready, heard } = connect();
    const socket = ready();
    const message = { id: 'm1', author: 'AGENT', text: 'Hi', createdAt: 'x' };
    socket.receive({ type: 'message.created', message });
    socket.receive({ type: 'message.created', message: { id: 'm2', author: 'AGENT' } });
    socket.receive({ type: 'typing', conversationId: 'c1', who: 'AGENT', typing: true });
    socket.receive({ type: 'conversation.updated', conversation: { id: 'c1', aiPaused: true } });
    socket.receive({ type: 'presence', who: 'AGENT', online: false });
    socket.receive({ type: 'pong' });
    socket.receive({ type: 'error', code: 'VALIDATION_ERROR', message: 'no' });
    socket.onmessage?.(new MessageEvent('message', { data: 'not json' }));
    expect(heard).toEqual([
      { ready: false },
      { type: 'message.created', message },
      { type: 'typing', who: 'AGENT', typing: true },
      { type: 'conversation.updated', aiPaused: true },
      { type: 'presence', who: 'AGENT', online: false },
    ]);
  });

  it('pings every 25 s while the socket is open, and no more once it closed', () => {
    const { ready } = connect();
    const socket = ready();
    vi.advanceTimersByTime(PING_MS - 1);
    expect(socket.sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(socket.sent).toEqual([expect.objectContaining({ type: 'auth' }), { type: 'ping' }]);
    vi.advanceTimersByTime(PING_MS);
    expect(socket.sent).toHaveLength(3);
    socket.drop();
    expect(vi.getTimerCount()).toBe(1); // the reconnect; the ping is gone
  });

  it('reconnects after an unexpected close, waiting twice as long each failed time', () => {
    const { made, ready, socket, heard } = connect();
    ready();
    socket(0).drop();
    expect(heard.at(-1)).toBe('down');
    vi.advanceTimersByTime(999);
    expect(made).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(made).toHaveLength(2);
    socket(1).drop(); // never opened
    vi.advanceTimersByTime(1999);
    expect(made).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(made).toHaveLength(3);
    socket(2).drop();
    vi.advanceTimersByTime(4000);
    expect(made).toHaveLength(4);

    ready();
    expect(socket(3).sent[0]).toEqual({ type: 'auth', token: 'vt_1', conversationId: 'c1' });
    expect(heard.at(-1)).toEqual({ ready: true });
    socket(3).drop(); // a ready socket starts the count again
    vi.advanceTimersByTime(1000);
    expect(made).toHaveLength(5);
  });

  it('waits between 50 and 100 % of the delay', () => {
    vi.mocked(Math.random).mockReturnValue(0.5);
    const { made, socket } = connect();
    socket(0).drop();
    vi.advanceTimersByTime(749);
    expect(made).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(made).toHaveLength(2);
  });

  it('stops for good when the token is refused', () => {
    const { made, socket } = connect();
    socket(0).open();
    socket(0).drop(CLOSE_UNAUTHENTICATED);
    vi.advanceTimersByTime(120_000);
    expect(made).toHaveLength(1);
  });

  it('stops for good when closed: the socket is closed normally and not replaced', () => {
    const { live, made, ready, socket, heard } = connect();
    ready();
    live.close();
    expect(socket(0).closedWith).toBe(1000);
    socket(0).drop(1000);
    vi.advanceTimersByTime(120_000);
    expect(made).toHaveLength(1);
    expect(heard).toEqual([{ ready: false }]);
  });

  it('stops a pending reconnect when closed', () => {
    const { live, made, socket } = connect();
    socket(0).drop();
    live.close();
    vi.advanceTimersByTime(120_000);
    expect(made).toHaveLength(1);
  });

  it('works without live updates when the socket cannot be created', () => {
    const live = openLive(
      {
        url: URL,
        WebSocket: function () {
          throw new SyntaxError('bad address');
        } as unknown as SocketConstructor,
      },
      CONVERSATION,
      { ready: vi.fn(), frame: vi.fn(), down: vi.fn() },
    );
    expect(() => {
      live.typed();
      live.close();
    }).not.toThrow();
  });

  it("tells of the visitor's typing at most every 2 s, and that it stopped after 3 s idle", () => {
    const { live, ready } = connect();
    const socket = ready();
    const typing = () => socket.sent.slice(1);
    live.typed();
    expect(typing()).toEqual([{ type: 'typing', typing: true }]);
    for (let i = 0; i < 3; i++) {
      vi.advanceTimersByTime(600);
      live.typed();
    }
    expect(typing()).toHaveLength(1);
    vi.advanceTimersByTime(200); // 2 s after the first
    live.typed();
    expect(typing()).toEqual([
      { type: 'typing', typing: true },
      { type: 'typing', typing: true },
    ]);
    vi.advanceTimersByTime(2999);
    expect(typing()).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(typing().at(-1)).toEqual({ type: 'typing', typing: false });
    vi.advanceTimersByTime(10_000);
    expect(typing()).toHaveLength(3);
  });

  it('tells at once that the visitor stopped typing, and only if they had started', () => {
    const { live, ready } = connect();
    const socket = ready();
    live.stoppedTyping();
    expect(socket.sent).toHaveLength(1);
    live.typed();
    live.stoppedTyping();
    expect(socket.sent.slice(1)).toEqual([
      { type: 'typing', typing: true },
      { type: 'typing', typing: false },
    ]);
    vi.advanceTimersByTime(10_000);
    expect(socket.sent).toHaveLength(3);
    live.typed(); // a new start is told at once
    expect(socket.sent).toHaveLength(4);
  });

  it('sends nothing while no socket is open', () => {
    const { live, socket } = connect();
    expect(() => {
      live.typed();
    }).not.toThrow();
    socket(0).open();
    expect(socket(0).sent).toHaveLength(1);
  });
});
