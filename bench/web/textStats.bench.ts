// A measurement of this machine, part of `npm run bench` (not of `npm test`, which checks that 10 MB
// are counted right: tests/web/unit/largeText.test.ts): the text panel's one pass counts 10 MB of
// text in well under a second (about 100 ms here; a Map per character takes seconds). No browser
// needed: it runs in the Playwright runner's node.
import { expect, test } from '@playwright/test';
import { textStats } from '../../web/src/state/textStats';

test('textStats counts 10 MB in under a second', () => {
  const text = 'the quick brown fox jumps over the lazy dog 🙂\n'.repeat(220_000);
  textStats(text.slice(0, 100_000), 0.1);  // warm-up: V8's optimizing tier
  const started = performance.now();
  const s = textStats(text, 0.1);
  const millis = performance.now() - started;
  console.log(`textStats: 10 MB counted in ${millis.toFixed(0)} ms`);
  expect(s.characters).toBe(46 * 220_000);
  expect(millis).toBeLessThan(1000);
});
