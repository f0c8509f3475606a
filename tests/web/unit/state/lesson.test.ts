// Lesson-mode link parameters: what is shown, hidden and locked, the embed layout and allowed origins.
import { describe, expect, it } from 'vitest';
import { CONTROLS, lessonParams, lockedKeys, NO_LESSON, panelShown, PANELS, parseLesson, parseOrigins } from '../../../../web/src/state/lesson';

describe('lesson mode in the link', () => {
  it('is off without parameters', () => {
    expect(parseLesson('')).toEqual(NO_LESSON);
    expect(parseLesson('#cell=gru&hidden=64')).toEqual(NO_LESSON);
    for (const p of PANELS) expect(panelShown(NO_LESSON, p.id)).toBe(true);
  });

  it('reads panels, hidden and locked controls, embed and origins', () => {
    const l = parseLesson('#cell=gru&panels=loss,samples&hide=drop,clip,file&lock=cell,hidden,text&embed=1&origin=https://course.example');
    expect(l).toEqual({
      panels: ['loss', 'samples'], hide: ['drop', 'clip', 'file'], lock: ['cell', 'hidden', 'text'], embed: true,
      origins: ['https://course.example'],
    });
    expect(panelShown(l, 'loss')).toBe(true);
    expect(panelShown(l, 'inside')).toBe(false);
    expect([...lockedKeys(l)].sort()).toEqual(['cell', 'clip', 'dropout', 'hiddenSize']);
  });

  it('locks the memory tasks\' distance like any setting (lock=distance)', () => {
    const l = parseLesson('#preset=copy&distance=40&lock=distance');
    expect(l.lock).toEqual(['distance']);
    expect([...lockedKeys(l)]).toEqual(['distance']);
  });

  it('ignores unknown names, duplicates, and locks on buttons or hidden controls', () => {
    const l = parseLesson('#panels=loss,loss,nope,<b>&hide=step,evil&lock=cell,step,bogus,step&embed=yes');
    expect(l.panels).toEqual(['loss']);
    expect(l.hide).toEqual(['step']);
    expect(l.lock).toEqual(['cell']);
    expect(l.embed).toBe(false);
    expect(parseLesson('#hide=cell&lock=cell').lock).toEqual([]);
  });

  it('an empty panel list shows no panel; a full one is the same as none', () => {
    expect(parseLesson('#panels=').panels).toEqual([]);
    const all = { ...NO_LESSON, panels: PANELS.map((p) => p.id) };
    expect(lessonParams(all)).toEqual([]);
  });

  it('round-trips through the link', () => {
    const l = { panels: ['text', 'loss'], hide: ['reset', 'lr'], lock: ['cell', 'seed'], embed: true, origins: ['http://localhost:4380', 'https://a.example'] };
    const hash = `#${new URLSearchParams(lessonParams(l)).toString()}`;
    expect(parseLesson(hash)).toEqual(l);
  });

  it('names every lockable setting by its URL name', () => {
    for (const c of CONTROLS) expect(c.id).toMatch(/^[a-z]+$/);
    expect(new Set(CONTROLS.map((c) => c.id)).size).toBe(CONTROLS.length);
  });
});

describe('allowed origins', () => {
  it('keeps well-formed http(s) origins only', () => {
    expect(parseOrigins('https://course.example')).toEqual(['https://course.example']);
    expect(parseOrigins('https://course.example/, http://localhost:4380')).toEqual(['https://course.example', 'http://localhost:4380']);
    expect(parseOrigins('*')).toEqual([]);
    expect(parseOrigins('null')).toEqual([]);
    expect(parseOrigins('https://course.example/path')).toEqual([]);
    expect(parseOrigins('https://user:pw@course.example')).toEqual([]);
    expect(parseOrigins('javascript:alert(1)')).toEqual([]);
    expect(parseOrigins('file:///etc')).toEqual([]);
    expect(parseOrigins('HTTPS://Course.Example')).toEqual([]);  // not in the canonical form a browser reports
    expect(parseOrigins('')).toEqual([]);
  });
});
