// The embed postMessage API: only our own schema, only from the parent at an allowed origin.
import { describe, expect, it } from 'vitest';
import { acceptCommand, API, envelope, originAllowed, parseHostCommand } from '../../../../../web/src/app/embed/embedApi';

describe('host commands', () => {
  it('accepts each command of the schema', () => {
    for (const type of ['start', 'pause', 'step', 'reset', 'getState']) {
      expect(parseHostCommand({ api: API, v: 1, type })).toEqual({ api: API, v: 1, type });
    }
    expect(parseHostCommand({ api: API, v: 1, type: 'getState', id: 'q1' })).toEqual({ api: API, v: 1, type: 'getState', id: 'q1' });
    expect(parseHostCommand({ api: API, v: 1, type: 'getState', id: 7 })).toEqual({ api: API, v: 1, type: 'getState', id: 7 });
  });

  it('ignores anything else', () => {
    const bad: unknown[] = [
      null, undefined, 'start', 42, [], ['start'],
      { type: 'start' },                                   // no api
      { api: 'other', v: 1, type: 'start' },
      { api: API, v: 2, type: 'start' },
      { api: API, v: '1', type: 'start' },
      { api: API, v: 1, type: 'train' },
      { api: API, v: 1, type: 'constructor' },
      { api: API, v: 1, type: 'start', extra: 1 },         // unknown keys
      { api: API, v: 1, type: 'start', id: { x: 1 } },
      { api: API, v: 1, type: 'start', id: 'x'.repeat(65) },
      { api: API, v: 1, type: 'start', id: Number.NaN },
      Object.assign(Object.create({ polluted: true }), { api: API, v: 1, type: 'start' }),
    ];
    for (const data of bad) expect(parseHostCommand(data), JSON.stringify(data)).toBeNull();
  });
});

describe('origins', () => {
  const parent = { name: 'parent window' };
  const allowed = ['https://course.example'];
  const ok = { api: API, v: 1, type: 'start' };

  it('accepts only the configured origin, from the parent window', () => {
    expect(originAllowed('https://course.example', allowed)).toBe(true);
    expect(originAllowed('https://evil.example', allowed)).toBe(false);
    expect(originAllowed('https://course.example.evil.example', allowed)).toBe(false);
    expect(originAllowed('null', ['null'])).toBe(false);
    expect(acceptCommand({ origin: 'https://course.example', source: parent, data: ok }, parent, allowed)).toEqual(ok);
    expect(acceptCommand({ origin: 'https://course.example', source: { other: 1 }, data: ok }, parent, allowed)).toBeNull();
    expect(acceptCommand({ origin: 'https://evil.example', source: parent, data: ok }, parent, allowed)).toBeNull();
    expect(acceptCommand({ origin: 'https://course.example', source: parent, data: { ...ok, type: 'x' } }, parent, allowed)).toBeNull();
  });

  it('rejects everything when no origin is configured', () => {
    expect(acceptCommand({ origin: 'https://course.example', source: parent, data: ok }, parent, [])).toBeNull();
    expect(acceptCommand({ origin: 'http://localhost:4373', source: parent, data: ok }, parent, [])).toBeNull();
  });

  it('rejects when the page is not framed', () => {
    expect(acceptCommand({ origin: 'https://course.example', source: null, data: ok }, null, allowed)).toBeNull();
  });
});

describe('events', () => {
  it('carry the api name and version', () => {
    expect(envelope({ type: 'paused', step: 3 })).toEqual({ api: API, v: 1, type: 'paused', step: 3 });
  });
});
