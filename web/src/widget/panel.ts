import {
  ApiError,
  NETWORK_ERROR,
  PLAN_LIMIT_REACHED,
  type Author,
  type Conversation,
  type ReplyListener,
  type WidgetApi,
} from './api';
import { applyAppearance } from './appearance';
import type { PanelHandle } from './contract';
import { adoptCss } from './css';
import type { WidgetLabels } from './i18n';
import css from './panel.css?inline';

/** What {@link mountPanel} needs. */
export interface PanelOptions {
  root: ShadowRoot;
  launcher: HTMLButtonElement;
  api: WidgetApi;
  labels: WidgetLabels;
}

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
    if (error.message) return `${t.sorry} ${error.message}`;
  }
  return t.failed;
}

/**
 * Adds the chat panel (a non-modal `role="dialog"`) to the widget's shadow root, before the
 * launcher. The first opening loads the widget configuration (its welcome message is shown
 * first, its appearance is applied with {@link applyAppearance}), then starts a conversation. A private widget (`pinRequired`) first shows a PIN step
 * in place of the message form; its errors (wrong PIN, too many attempts) are announced and
 * the visitor may try again. The bot's reply streams into its bubble (marked `aria-busy` until
 * it is complete) and is then replaced by the stored reply; a typing indicator stands in until
 * the first piece, and no other message can be sent meanwhile. Server and visitor text is only
 * ever set as text, never as HTML.
 * Escape closes the panel; focus goes to the input on open and back to the launcher on close.
 *
 * @param options - shadow root, launcher, API client and labels
 */
export function mountPanel({ root, launcher, api, labels: t }: PanelOptions): PanelHandle {
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
  const closer = el('button', { type: 'button', class: 'close', 'aria-label': t.close }, '×');
  const head = el('div', { class: 'head' });
  head.append(title, closer);
  const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite' });
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
  panel.append(head, log, form, pinForm);
  launcher.before(panel);

  const who: Record<string, string> = {
    VISITOR: t.you,
    AI: t.bot,
    AGENT: t.agent,
    SYSTEM: t.system,
  };
  /** A message: its author for screen readers, then its text. */
  const bubble = (author: Author | 'ERROR', text: string) => {
    const item = el('div', { class: `msg ${author.toLowerCase()}` });
    const body = el('span', {}, text);
    item.append(el('span', { class: 'sr' }, `${who[author] ?? t.system}: `), body);
    return { item, body };
  };
  const scrollDown = () => {
    log.scrollTop = log.scrollHeight;
  };
  const say = (author: Author | 'ERROR', text: string) => {
    log.append(bubble(author, text).item);
    scrollDown();
  };
  const fail = (error: unknown) => {
    say('ERROR', errorText(error, t));
  };

  let busy = false;
  const setBusy = (value: boolean) => {
    busy = value;
    sender.disabled = value;
  };

  let conversation: Promise<Conversation> | undefined;
  const connect = (): Promise<Conversation> =>
    (conversation ??= api.startConversation().catch((error: unknown) => {
      conversation = undefined; // retry with the next message
      throw error;
    }));

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

  closer.addEventListener('click', close);
  root.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Escape') close();
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || busy) return;
    setBusy(true);
    input.value = '';
    say('VISITOR', text);
    const typing = el('div', { class: 'msg ai', 'aria-hidden': 'true' }, '…');
    log.append(typing);
    scrollDown();
    // The reply while it streams: takes the typing indicator's place at the first piece and
    // gives it back on a reset; busy, so that screen readers wait for the finished reply.
    let partial: ReturnType<typeof bubble> | undefined;
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
        // The stored reply replaces whatever was streamed.
        if (result.reply) {
          (partial?.item ?? typing).replaceWith(
            bubble(result.reply.author, result.reply.text).item,
          );
          scrollDown();
        }
      }, fail)
      .finally(() => {
        partial?.item.remove();
        typing.remove();
        setBusy(false);
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
        () => {
          conversation = pending;
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
  };
}
