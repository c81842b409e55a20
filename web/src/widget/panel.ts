import {
  ApiError,
  NETWORK_ERROR,
  PLAN_LIMIT_REACHED,
  VALIDATION_ERROR,
  type Author,
  type ChatMessage,
  type Conversation,
  type ReplyListener,
  type WidgetApi,
} from './api';
import { applyAppearance } from './appearance';
import type { PanelHandle } from './contract';
import { adoptCss } from './css';
import type { WidgetLabels } from './i18n';
import { openLive, type LiveConnection, type LiveFrame, type LiveTarget } from './live';
import css from './panel.css?inline';

/** What {@link mountPanel} needs. */
export interface PanelOptions {
  root: ShadowRoot;
  launcher: HTMLButtonElement;
  api: WidgetApi;
  labels: WidgetLabels;
  /** Where live updates come from; without it (no `WebSocket`) the panel shows only its own. */
  live?: LiveTarget | undefined;
}

/**
 * How long a typing signal lasts without being repeated: senders repeat it every few seconds
 * while they type, so one that stops coming means the writer stopped.
 */
export const TYPING_TIMEOUT_MS = 8000;

/**
 * Turns any failure into a polite, user-facing sentence. The server's error message is shown
 * when there is one; a reached plan limit, network and unexpected failures get a localized
 * sentence.
 *
 * @param error - what was thrown
 * @param t - the labels of the current language
 */
export function errorText(error: unknown, t: WidgetLabels): string {
  if (error instanceof ApiError) {
    if (error.code === NETWORK_ERROR) return t.offline;
    // The visitor reads this one in their own language, not the server's English.
    if (error.code === PLAN_LIMIT_REACHED) return t.planLimit;
    // the chat's content rules (blocked words, moderation, length) refused the message
    if (error.code === VALIDATION_ERROR) return t.notAccepted;
    if (error.message) return `${t.sorry} ${error.message}`;
  }
  return t.failed;
}

/**
 * Adds the chat panel (a non-modal `role="dialog"`) to the widget's shadow root, before the
 * launcher. The first opening loads the widget configuration (its welcome message is shown
 * first, its appearance is applied with {@link applyAppearance}), then starts a conversation. A
 * private widget (`pinRequired`) first shows a PIN step in place of the message form; its errors
 * (wrong PIN, too many attempts) are announced and the visitor may try again. The bot's reply
 * streams into its bubble (marked `aria-busy` until it is complete) and is then replaced by the
 * stored reply; a typing indicator stands in until the first piece, and no other message can be
 * sent meanwhile. Server and visitor text is only ever set as text, never as HTML.
 * Escape closes the panel; focus goes to the input on open and back to the launcher on close.
 *
 * With a {@link LiveTarget}, a started conversation is also heard live (see {@link openLive}):
 * messages not shown yet (the team's answers, marked as such; answers asked for in another tab)
 * and edits; who of the team or the bot is typing (announced once per change); a notice, once,
 * when a person takes over; whether the team is online. The visitor's typing is passed on. After
 * a reconnect the history is reloaded to fill what was missed. Every message is shown once:
 * what the socket or the history delivers while this tab awaits a reply waits until the reply
 * is in. While the panel is open on a visible page, the team learns what the visitor has seen.
 *
 * @param options - shadow root, launcher, API client, labels and the live updates' source
 */
export function mountPanel({
  root,
  launcher,
  api,
  labels: t,
  live: target,
}: PanelOptions): PanelHandle {
  const doc = root.ownerDocument;
  const el = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attrs: Record<string, string> = {},
    text?: string,
  ): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  adoptCss(root, css);

  const panel = el('div', {
    id: 'panel',
    class: 'panel',
    role: 'dialog',
    'aria-labelledby': 'title',
  });
  panel.hidden = true;
  const title = el('h2', { id: 'title' }, t.title);
  // Lit while the team is online (as far as the socket has said).
  const online = el('span', {
    class: 'online',
    role: 'img',
    'aria-label': t.teamOnline,
    title: t.teamOnline,
  });
  online.hidden = true;
  const closer = el('button', { type: 'button', class: 'close', 'aria-label': t.close }, '×');
  const head = el('div', { class: 'head' });
  head.append(title, online, closer);
  const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite' });
  const typingNote = el('p', { class: 'typing', 'aria-live': 'polite' });
  const form = el('form');
  const input = el('input', {
    id: 'input',
    type: 'text',
    autocomplete: 'off',
    maxlength: '4000',
    placeholder: t.placeholder,
  });
  const sender = el('button', { type: 'submit' }, t.send);
  form.append(el('label', { for: 'input', class: 'sr' }, t.input), input, sender);
  // The PIN step of a private widget; validated here, so that errors are in the widget's language.
  const pinForm = el('form', { class: 'pin', novalidate: '' });
  pinForm.hidden = true;
  const pinInput = el('input', {
    id: 'pin',
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    required: '',
    maxlength: '12',
    pattern: '[0-9]{4,12}',
    'aria-describedby': 'pin-error',
  });
  const pinSender = el('button', { type: 'submit' }, t.pinStart);
  const pinError = el('p', { id: 'pin-error', 'aria-live': 'assertive' });
  pinForm.append(el('label', { for: 'pin' }, t.pin), pinInput, pinSender, pinError);
  panel.append(head, log, typingNote, form, pinForm);
  launcher.before(panel);

  const who: Record<string, string> = {
    VISITOR: t.you,
    AI: t.bot,
    AGENT: t.team,
    SYSTEM: t.system,
  };
  /** A message: its author for screen readers, then its text. */
  const bubble = (author: Author | 'ERROR', text: string) => {
    const item = el('div', { class: `msg ${author.toLowerCase()}` });
    const body = el('span', {}, text);
    item.append(el('span', { class: 'sr' }, `${who[author] ?? t.system}: `));
    // A person answers: said on screen too, so that they are not taken for the bot.
    if (author === 'AGENT')
      item.append(el('small', { class: 'who', 'aria-hidden': 'true' }, t.team));
    item.append(body);
    return { item, body };
  };
  type Bubble = ReturnType<typeof bubble>;
  const scrollDown = () => {
    log.scrollTop = log.scrollHeight;
  };
  const say = (author: Author | 'ERROR', text: string): Bubble => {
    const said = bubble(author, text);
    log.append(said.item);
    scrollDown();
    return said;
  };
  const fail = (error: unknown) => {
    say('ERROR', errorText(error, t));
  };

  /** The server's messages on show, by id, so that one delivered twice is shown once. */
  const shown = new Map<string, Bubble>();
  /** The visitor's last message while its id is unknown (its send is under way or failed). */
  let own: { text: string; bubble: Bubble } | undefined;
  const register = (id: string, shownAs: Bubble) => {
    shown.set(id, shownAs);
    shownAs.item.dataset.id = id;
  };
  /**
   * Shows a message from the server, placed by `place` (at the end by default), or updates the
   * bubble that already shows it (an edit).
   */
  const show = (
    message: ChatMessage,
    place = (item: HTMLElement) => {
      log.append(item);
    },
  ) => {
    let shownAs = shown.get(message.id);
    if (!shownAs && message.author === 'VISITOR' && own?.text === message.text) {
      shownAs = own.bubble;
      own = undefined;
      register(message.id, shownAs);
    }
    if (!shownAs) {
      shownAs = bubble(message.author, message.text);
      place(shownAs.item);
      register(message.id, shownAs);
      scrollDown();
    }
    shownAs.body.textContent = message.text;
    if (message.editedAt !== undefined && !shownAs.item.querySelector('.edited')) {
      shownAs.item.append(el('small', { class: 'edited' }, t.edited));
    }
    return shownAs;
  };
  /** Shows what the history has and the log misses, each message in its place, and edits. */
  const fill = (history: ChatMessage[]) => {
    const before = history.map((m) => shown.get(m.id)).find((b) => b !== undefined)?.item;
    let after: HTMLElement | undefined;
    for (const message of history) {
      after = show(message, (item) => {
        if (after) after.after(item);
        else if (before) before.before(item);
        else log.append(item);
      }).item;
    }
  };

  /** While this tab awaits a reply: what the socket and history said meanwhile, for later. */
  let held: (() => void)[] | undefined;
  const whenIdle = (task: () => void) => {
    if (held) held.push(task);
    else task();
  };

  /** Who of the others (`AGENT`, `AI`) is typing, each with the timer that forgets them. */
  const typers = new Map<string, ReturnType<typeof setTimeout>>();
  const showTypers = () => {
    const text = typers.has('AGENT') ? t.teamTyping : typers.has('AI') ? t.botTyping : '';
    // Repeated signals change nothing, so that the live region is not announced again.
    if (typingNote.textContent !== text) typingNote.textContent = text;
  };
  const stopTyping = (who: string) => {
    clearTimeout(typers.get(who));
    return typers.delete(who);
  };
  const startTyping = (who: string) => {
    clearTimeout(typers.get(who));
    // a "stopped" signal lost on the way must not leave the indicator on for good
    typers.set(
      who,
      setTimeout(() => {
        typers.delete(who);
        showTypers();
      }, TYPING_TIMEOUT_MS),
    );
  };

  let current: Conversation | undefined;
  let seenUpTo: string | undefined;
  /** Tells the team up to which of their (or the bot's) messages the visitor has seen. */
  const seen = () => {
    const last = [...log.querySelectorAll<HTMLElement>('[data-id]:not(.visitor)')].pop()?.dataset
      .id;
    if (!current || !last || last === seenUpTo || panel.hidden || doc.visibilityState !== 'visible')
      return;
    seenUpTo = last;
    api.seen(current, last).catch(() => undefined); // a lost receipt costs only the tick
  };

  let joined = false;
  const hear = (frame: LiveFrame) => {
    switch (frame.type) {
      case 'message.created':
      case 'message.updated':
        if (frame.type === 'message.created' && stopTyping(frame.message.author)) showTypers();
        whenIdle(() => {
          show(frame.message);
          seen();
        });
        break;
      case 'typing':
        // While this tab's own reply streams, its own indicator shows that the bot is typing.
        if (frame.who === 'AI' && frame.typing && held) break;
        if (frame.typing) startTyping(frame.who);
        else stopTyping(frame.who);
        showTypers();
        break;
      case 'conversation.updated':
        if (frame.aiPaused && !joined) {
          joined = true;
          log.append(el('p', { class: 'note' }, t.teamJoined));
          scrollDown();
        }
        break;
      case 'presence':
        if (frame.who === 'AGENT') online.hidden = !frame.online;
        break;
    }
  };

  let connection: LiveConnection | undefined;
  let destroyed = false;
  /** The conversation has started: receipts may be sent and live updates heard. */
  const began = (started: Conversation) => {
    current = started;
    if (!target || destroyed) return;
    connection = openLive(target, started, {
      ready: (reconnected) => {
        if (!reconnected) return;
        api.history(started).then(
          (history) => {
            whenIdle(() => {
              fill(history);
              seen();
            });
          },
          () => undefined, // the next reconnect tries again
        );
      },
      frame: hear,
      down: () => {
        typers.clear();
        showTypers();
      },
    });
  };

  let busy = false;
  const setBusy = (value: boolean) => {
    busy = value;
    sender.disabled = value;
  };

  let conversation: Promise<Conversation> | undefined;
  const connect = (): Promise<Conversation> =>
    (conversation ??= api.startConversation().then(
      (started) => {
        began(started);
        return started;
      },
      (error: unknown) => {
        conversation = undefined; // retry with the next message
        throw error;
      },
    ));

  /** Swaps the message form for the PIN step (or back), taking focus along when it had it. */
  const pinStep = (on: boolean) => {
    const refocus = on ? root.activeElement === input : !panel.hidden;
    form.hidden = on;
    pinForm.hidden = !on;
    if (refocus) (on ? pinInput : input).focus();
  };
  const pinFailed = (text: string) => {
    pinError.textContent = text;
    pinInput.setAttribute('aria-invalid', 'true');
    pinInput.focus();
    pinInput.select();
  };

  let started = false;
  const open = () => {
    if (!panel.hidden) return;
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    (form.hidden ? pinInput : input).focus();
    seen();
    if (started) return;
    started = true;
    setBusy(true); // until the config tells whether a PIN is needed
    void api
      .config()
      .then(
        (config) => {
          const look = applyAppearance(root.host as HTMLElement, config);
          if (look.title) title.textContent = look.title;
          if (look.avatarUrl) {
            title.before(el('img', { class: 'avatar', src: look.avatarUrl, alt: '' }));
          }
          if (config.welcomeMessage) say('AI', config.welcomeMessage);
          return config.pinRequired === true;
        },
        () => false, // without config the panel still works
      )
      .then((pinRequired) => {
        if (pinRequired) {
          pinStep(true);
          return;
        }
        setBusy(false);
        // A widget made private since (or whose config failed) asks for its PIN with a 401.
        connect().catch((error: unknown) => {
          if (error instanceof ApiError && error.status === 401) pinStep(true);
          else fail(error);
        });
      });
  };
  const close = () => {
    if (panel.hidden) return;
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  };

  const onKey = (event: Event) => {
    if ((event as KeyboardEvent).key === 'Escape') close();
  };
  closer.addEventListener('click', close);
  root.addEventListener('keydown', onKey);
  doc.addEventListener('visibilitychange', seen);

  input.addEventListener('input', () => {
    if (input.value.trim()) connection?.typed();
    else connection?.stoppedTyping();
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || busy) return;
    setBusy(true);
    held = [];
    input.value = '';
    connection?.stoppedTyping();
    const mine = say('VISITOR', text);
    own = { text, bubble: mine };
    const typing = el('div', { class: 'msg ai', 'aria-hidden': 'true' }, '…');
    log.append(typing);
    scrollDown();
    // The reply while it streams: takes the typing indicator's place at the first piece and
    // gives it back on a reset; busy, so that screen readers wait for the finished reply.
    let partial: Bubble | undefined;
    const listener: ReplyListener = {
      token: (piece) => {
        if (!partial) {
          partial = bubble('AI', '');
          partial.item.setAttribute('aria-busy', 'true');
          typing.replaceWith(partial.item);
        }
        partial.body.append(piece);
        scrollDown();
      },
      reset: () => {
        partial?.item.replaceWith(typing);
        partial = undefined;
      },
    };
    connect()
      .then((c) => api.send(c, text, listener))
      .then((result) => {
        if (result.message && own?.bubble === mine) {
          own = undefined;
          register(result.message.id, mine);
        }
        // The stored reply replaces whatever was streamed.
        if (result.reply) {
          show(result.reply, (item) => {
            (partial?.item ?? typing).replaceWith(item);
          });
        }
      }, fail)
      .finally(() => {
        partial?.item.remove();
        typing.remove();
        setBusy(false);
        const later = held ?? [];
        held = undefined;
        for (const task of later) task();
        seen();
      });
  });

  pinForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (pinSender.disabled) return;
    const pin = pinInput.value.trim();
    pinError.textContent = ''; // so that a repeated error is announced again
    if (!/^\d{4,12}$/.test(pin)) {
      pinFailed(t.pinInvalid);
      return;
    }
    pinSender.disabled = true;
    const pending = api.startConversation(pin);
    pending
      .then(
        (started) => {
          conversation = pending;
          began(started);
          pinInput.value = '';
          pinInput.removeAttribute('aria-invalid');
          setBusy(false);
          pinStep(false);
        },
        (error: unknown) => {
          pinFailed(errorText(error, t));
        },
      )
      .finally(() => {
        pinSender.disabled = false;
      });
  });

  return {
    open,
    close,
    toggle: () => {
      if (panel.hidden) open();
      else close();
    },
    destroy: () => {
      destroyed = true;
      connection?.close();
      root.removeEventListener('keydown', onKey);
      doc.removeEventListener('visibilitychange', seen);
      panel.hidden = true; // so that nothing still under way sends a receipt
      launcher.setAttribute('aria-expanded', 'false');
      panel.remove();
    },
  };
}
