import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Conversation, WidgetApi, WidgetConfig } from '../src/widget/api';
import { applyAppearance } from '../src/widget/appearance';
import { labels } from '../src/widget/i18n';
import { mountPanel } from '../src/widget/panel';
import { flush } from './helpers';

const CONVERSATION: Conversation = { conversationId: 'c1', visitorToken: 'vt_1' };

const APPEARANCE = {
  primaryColor: '#fde047',
  textColor: '#111827',
  position: 'bottom-left',
  theme: 'dark',
  title: 'Ask Acme',
  avatarUrl: 'https://cdn.example.com/bot.png',
} as const;

function fakeApi(config: WidgetConfig): WidgetApi {
  return {
    config: vi.fn(() => Promise.resolve(config)),
    startConversation: vi.fn(() => Promise.resolve(CONVERSATION)),
    send: vi.fn(() => Promise.resolve({})),
    history: vi.fn(() => Promise.resolve([])),
    seen: vi.fn(() => Promise.resolve()),
  };
}

/** Mounts the panel in a fresh shadow host, opens it and waits for the config. */
async function openWith(config: WidgetConfig) {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const launcher = document.createElement('button');
  root.append(launcher);
  mountPanel({ root, launcher, api: fakeApi(config), labels: labels('en') }).open();
  await flush();
  return {
    host,
    title: root.querySelector('h2')!,
    avatar: root.querySelector<HTMLImageElement>('.head img'),
  };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('panel appearance', () => {
  it('sets the colours, position and theme on the host and shows title and avatar', async () => {
    const m = await openWith({ name: 'Acme Shop', appearance: { ...APPEARANCE } });
    expect(m.host.style.getPropertyValue('--mc-accent')).toBe('#fde047');
    expect(m.host.style.getPropertyValue('--mc-on-accent')).toBe('#111827');
    expect(m.host.getAttribute('data-position')).toBe('bottom-left');
    expect(m.host.getAttribute('data-theme')).toBe('dark');
    expect(m.title.textContent).toBe('Ask Acme');
    expect(m.avatar).not.toBeNull();
    expect(m.avatar!.getAttribute('src')).toBe('https://cdn.example.com/bot.png');
    expect(m.avatar!.getAttribute('alt')).toBe('');
    expect(m.avatar!.nextElementSibling).toBe(m.title);
  });

  it('accepts an upper-case colour and an HTTPS scheme in any case', async () => {
    const m = await openWith({
      appearance: {
        ...APPEARANCE,
        primaryColor: '#1D4ED8',
        avatarUrl: 'HTTPS://cdn.example.com/a.png',
      },
    });
    expect(m.host.style.getPropertyValue('--mc-accent')).toBe('#1D4ED8');
    expect(m.avatar?.getAttribute('src')).toBe('HTTPS://cdn.example.com/a.png');
  });

  it.each([
    ['a named colour', { primaryColor: 'red' }],
    ['a short hex colour', { primaryColor: '#fff' }],
    ['CSS injection', { primaryColor: '#123456; background: url(x)' }],
    ['an invalid text colour', { textColor: 'white' as '#ffffff' }],
  ])('ignores %s and keeps the default colours', async (_name, override) => {
    const m = await openWith({ appearance: { ...APPEARANCE, ...override } });
    expect(m.host.style.getPropertyValue('--mc-accent')).toBe('');
    expect(m.host.style.getPropertyValue('--mc-on-accent')).toBe('');
    expect(m.host.getAttribute('data-theme')).toBe('dark'); // the rest still applies
  });

  it.each([
    'http://cdn.example.com/bot.png',
    'javascript:alert(1)',
    'data:image/png;base64,AAAA',
    '//cdn.example.com/bot.png',
    ' https://cdn.example.com/bot.png',
  ])('shows no avatar for %s', async (avatarUrl) => {
    const m = await openWith({ appearance: { ...APPEARANCE, avatarUrl } });
    expect(m.avatar).toBeNull();
    expect(m.title.textContent).toBe('Ask Acme');
  });

  it('falls back to the name for an empty title, and shows no avatar when there is none', async () => {
    const m = await openWith({
      name: 'Acme Shop',
      appearance: { ...APPEARANCE, title: '', avatarUrl: '' },
    });
    expect(m.title.textContent).toBe('Acme Shop');
    expect(m.avatar).toBeNull();
  });

  it('falls back to the defaults for unknown position and theme', async () => {
    const m = await openWith({
      appearance: {
        ...APPEARANCE,
        position: 'top-left' as 'bottom-left',
        theme: 'sepia' as 'dark',
      },
    });
    expect(m.host.getAttribute('data-position')).toBe('bottom-right');
    expect(m.host.getAttribute('data-theme')).toBe('auto');
  });

  it('leaves everything as before without an appearance', async () => {
    const m = await openWith({ name: 'Acme Shop' });
    expect(m.host.getAttribute('style')).toBeNull();
    expect(m.host.hasAttribute('data-position')).toBe(false);
    expect(m.host.hasAttribute('data-theme')).toBe(false);
    expect(m.title.textContent).toBe('Acme Shop');
    expect(m.avatar).toBeNull();
  });

  it('ignores an appearance that is not an object', async () => {
    const m = await openWith({ name: 'Acme Shop', appearance: 'dark' as never });
    expect(m.host.getAttribute('style')).toBeNull();
    expect(m.host.hasAttribute('data-theme')).toBe(false);
    expect(m.title.textContent).toBe('Acme Shop');
  });

  it('keeps the default title without name and title', async () => {
    const m = await openWith({ appearance: { ...APPEARANCE, title: '   ' } });
    expect(m.title.textContent).toBe(labels('en').title);
  });
});

describe('applyAppearance', () => {
  it('removes colours set before when the new ones are invalid', () => {
    const host = document.createElement('div');
    applyAppearance(host, { appearance: { ...APPEARANCE } });
    expect(host.style.getPropertyValue('--mc-accent')).toBe('#fde047');
    applyAppearance(host, { appearance: { ...APPEARANCE, primaryColor: 'nope' } });
    expect(host.style.getPropertyValue('--mc-accent')).toBe('');
    expect(host.style.getPropertyValue('--mc-on-accent')).toBe('');
  });
});
