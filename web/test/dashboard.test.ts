import { afterEach, describe, expect, it } from 'vitest';
import { applyTexts, TEXTS } from '../src/dashboard/i18n';
import { describeCheck, fetchStatus, renderStatus } from '../src/dashboard/status';
import { fakeFetch, json } from './helpers';

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.lang = '';
});

describe('fetchStatus', () => {
  it('reports ready with the checks', async () => {
    const { fn, calls } = fakeFetch(json({ status: 'ready', checks: { mongo: 'up' } }));
    await expect(fetchStatus(fn)).resolves.toEqual({ kind: 'ready', checks: { mongo: 'up' } });
    expect(calls[0]!.url).toBe('/readyz');
    expect(calls[0]!.init.cache).toBe('no-store');
  });

  it('reads the body of a 503 not-ready answer', async () => {
    const { fn } = fakeFetch(json({ status: 'not_ready', checks: { redis: 'down' } }, 503));
    await expect(fetchStatus(fn)).resolves.toEqual({
      kind: 'not_ready',
      checks: { redis: 'down' },
    });
  });

  it('treats network failures and non-JSON answers as unreachable', async () => {
    const { fn } = fakeFetch(new TypeError('offline'), new Response('<html>', { status: 502 }));
    await expect(fetchStatus(fn)).resolves.toEqual({ kind: 'unreachable' });
    await expect(fetchStatus(fn)).resolves.toEqual({ kind: 'unreachable' });
  });

  it('treats an unknown status as unreachable', async () => {
    const { fn } = fakeFetch(json({ status: 'weird' }));
    await expect(fetchStatus(fn)).resolves.toEqual({ kind: 'unreachable' });
  });
});

describe('describeCheck', () => {
  it('handles the common shapes of a check', () => {
    expect(describeCheck('up')).toBe('up');
    expect(describeCheck(true)).toBe('up');
    expect(describeCheck(false)).toBe('down');
    expect(describeCheck({ status: 'down', message: 'timeout' })).toBe('down – timeout');
    expect(describeCheck({ latencyMs: 3 })).toBe('{"latencyMs":3}');
  });
});

describe('renderStatus', () => {
  function elements() {
    const summary = document.createElement('p');
    const list = document.createElement('ul');
    document.body.append(summary, list);
    return { summary, list };
  }

  it('shows readiness, state and one item per check', () => {
    const { summary, list } = elements();
    renderStatus(
      summary,
      list,
      { kind: 'not_ready', checks: { mongo: 'up', redis: { status: 'down' } } },
      TEXTS.en,
    );
    expect(summary.textContent).toBe(TEXTS.en.notReady);
    expect(summary.dataset.state).toBe('not_ready');
    expect(list.hidden).toBe(false);
    expect([...list.children].map((li) => li.textContent)).toEqual(['mongo: up', 'redis: down']);
  });

  it('renders in Thai and hides the empty list', () => {
    const { summary, list } = elements();
    list.append(document.createElement('li'));
    renderStatus(summary, list, { kind: 'unreachable' }, TEXTS.th);
    expect(summary.textContent).toBe('ไม่สามารถเชื่อมต่อเซิร์ฟเวอร์ได้');
    expect(summary.dataset.state).toBe('unreachable');
    expect(list.children).toHaveLength(0);
    expect(list.hidden).toBe(true);
  });

  it('never interprets check names or values as HTML', () => {
    const { summary, list } = elements();
    renderStatus(summary, list, { kind: 'ready', checks: { '<i>x</i>': '<b>up</b>' } }, TEXTS.en);
    expect(list.querySelector('i, b')).toBeNull();
    expect(list.textContent).toBe('<i>x</i>: <b>up</b>');
  });
});

describe('applyTexts', () => {
  it('switches every marked text and label and the document language', () => {
    document.body.innerHTML = `
      <p data-i18n="coming">x</p>
      <nav data-i18n-label="linksLabel"></nav>
      <button data-i18n="switchTo">x</button>
      <p data-i18n="nonexistent">kept</p>`;
    applyTexts(document, 'th');
    expect(document.documentElement.lang).toBe('th');
    expect(document.querySelector('[data-i18n="coming"]')!.textContent).toBe(TEXTS.th.coming);
    expect(document.querySelector('nav')!.getAttribute('aria-label')).toBe(TEXTS.th.linksLabel);
    expect(document.querySelector('button')!.textContent).toBe('English');
    expect(document.querySelector('[data-i18n="nonexistent"]')!.textContent).toBe('kept');
    applyTexts(document, 'en');
    expect(document.querySelector('button')!.textContent).toBe('ภาษาไทย');
  });
});
