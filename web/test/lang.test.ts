import { describe, expect, it } from 'vitest';
import { pickLang } from '../src/shared/lang';

describe('pickLang', () => {
  it.each([
    ['th', 'th'],
    ['th-TH', 'th'],
    ['TH_th', 'th'],
    ['en-US', 'en'],
    ['de', 'en'],
    ['tha', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    [null, 'en'],
  ])('maps %s to %s', (tag, expected) => {
    expect(pickLang(tag)).toBe(expected);
  });
});
