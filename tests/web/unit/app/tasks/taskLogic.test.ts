// The tasks' pure page logic: which held-out piece the spacing panel shows, the score history, which
// direction decided, which preset a task brings, and where a classifier's decision settled.
import { describe, expect, it } from 'vitest';
import { heldOutPiece } from '../../../../../web/src/app/tasks/spacing/heldOut';
import { ScoreHistory } from '../../../../../web/src/app/tasks/scoreHistory';
import { TASK_PAGES } from '../../../../../web/src/app/tasks/registry';
import { presetFits, presetForTask } from '../../../../../web/src/presets';
import { directionSummary } from '../../../../../web/src/ui/tasks/spacing/directionStrip';
import { spacedCharacters } from '../../../../../web/src/ui/tasks/spacing/spacedText';
import { settledAt } from '../../../../../web/src/ui/tasks/classify/traceView';
import { PANELS } from '../../../../../web/src/state/lesson';

const scores = (f1: number) => ({ accuracy: f1, precision: f1, recall: f1, f1, confusion: new Float64Array() });

describe('the held-out piece the spacing panel spaces', () => {
  const text = Array.from({ length: 100 }, (_, i) => `line ${i} has some words in it`).join('\n');

  it('comes from the held-out end, starts at a line and ends at a word', () => {
    const piece = heldOutPiece(text, 0.1, 120);
    expect(text.indexOf(piece)).toBeGreaterThanOrEqual(Math.floor(text.length * 0.9));
    expect(piece.startsWith('line ')).toBe(true);
    expect([...piece].length).toBeLessThanOrEqual(120);
    expect(text.includes(`${piece}\n`) || text.includes(`${piece} `) || text.endsWith(piece)).toBe(true);
  });

  it('takes the text\'s end when nothing is held out, and never half a character', () => {
    expect(text.endsWith(heldOutPiece(text, 0, 60))).toBe(true);
    const emoji = '😀'.repeat(50);
    const piece = heldOutPiece(emoji, 0.5, 10);
    expect(piece).toBe('😀'.repeat(10));
  });
});

describe('score history', () => {
  it('keeps one point per step in order, a re-measured step replaced, a late older one dropped', () => {
    const h = new ScoreHistory();
    h.add(0, scores(0));
    h.add(100, scores(0.5));
    h.add(100, scores(0.6));
    h.add(50, scores(0.9));
    h.add(200, scores(0.55));
    expect(h.points.map((p) => [p.step, p.f1])).toEqual([[0, 0], [100, 0.6], [200, 0.55]]);
    expect(h.best('f1')?.step).toBe(100);
    h.clear();
    expect(h.last).toBeNull();
  });
});

describe('which direction decided', () => {
  it('counts the gaps where the two directions alone disagree, by the side that won', () => {
    const chars = spacedCharacters({
      characters: ['a', 'b', 'c', 'd', '\n'],
      truth: Int8Array.from([1, 0, 1, 0, -1]),
      probability: Float32Array.from([0.9, 0.2, 0.3, 0.7, 0.5]),
      forwardProbability: Float32Array.from([0.2, 0.1, 0.8, 0.9, 0.5]),   // a: backward decided; c: backward; d: forward
      backwardProbability: Float32Array.from([0.9, 0.3, 0.1, 0.2, 0.5]),
    });
    expect(directionSummary(chars)).toEqual({ decided: 4, disagreed: 3, byForward: 1, byBackward: 2 });
  });
});

describe('tasks and presets', () => {
  it('give each task a text it can learn from, the Korean one on a Korean page', () => {
    expect(presetForTask('classify', 'story', 'en')).toBe('voices');
    expect(presetForTask('classify', 'korean', 'ko')).toBe('voices-ko');
    expect(presetForTask('spacing', 'voices-ko', 'ko')).toBe('korean');
    expect(presetForTask('spacing', 'story', 'en')).toBeNull();
    expect(presetFits('custom', 'classify')).toBe(true);
  });

  it('hide only panels the page has, and never the shared ones', () => {
    const ids = PANELS.map((p) => p.id);
    for (const page of Object.values(TASK_PAGES)) {
      for (const id of page.hides) expect(ids).toContain(id);
      for (const shared of ['text', 'settings', 'loss']) expect(page.hides).not.toContain(shared);
    }
    expect(TASK_PAGES.lm.hides).toEqual([]);
  });
});

describe('where a classifier\'s decision settled', () => {
  it('is the first character after which the final leader stayed ahead', () => {
    const probabilities = Float32Array.from([0.6, 0.4, 0.3, 0.7, 0.6, 0.4, 0.2, 0.8, 0.1, 0.9]);
    expect(settledAt({ characters: ['a', 'b', 'c', 'd', 'e'], labels: ['x', 'y'], probabilities })).toBe(3);
  });
});
