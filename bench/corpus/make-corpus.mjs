// Writes bench/corpus/corpus.txt: ~100 KB of English-like prose, generated from a small grammar with a
// fixed seed, so every contender trains on the same text and anyone can regenerate it byte for byte.
// The words and templates are this project's own; the text is ours (MIT with the rest of the repo).
//   node bench/corpus/make-corpus.mjs [--check]   (--check: exit 1 if the committed file differs)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const TARGET_BYTES = 100 * 1024;
const LINE_WIDTH = 72;  // wrapped like an old printed book
const out = fileURLToPath(new URL('./corpus.txt', import.meta.url));

// mulberry32: small, fast, and the same numbers on every platform.
function makeRng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rng = makeRng(20240404);
const pick = (list) => list[Math.floor(rng() * list.length)];
const chance = (p) => rng() < p;

const names = ['Anna', 'Thomas', 'Mary', 'John', 'Eliza', 'Peter', 'Clara', 'Henry', 'Ruth', 'Walter',
  'Martha', 'George', 'Edith', 'Samuel', 'Lucy', 'Arthur', 'Jane', 'Oliver', 'Grace', 'Robert'];
const places = ['the village', 'the old mill', 'the harbour', 'the station', 'the garden', 'the church',
  'the market', 'the river', 'the farm', 'the school', 'the inn', 'the hill', 'the bridge', 'the forest',
  'the lighthouse', 'the orchard', 'the kitchen', 'the library', 'the valley', 'the shore'];
const nouns = ['letter', 'door', 'window', 'horse', 'lamp', 'road', 'field', 'boat', 'house', 'wind',
  'book', 'clock', 'table', 'fire', 'stone', 'gate', 'bell', 'cart', 'rain', 'song', 'storm', 'coat',
  'basket', 'candle', 'path', 'tree', 'wall', 'map', 'key', 'bread', 'morning', 'evening', 'winter',
  'summer', 'night', 'day', 'voice', 'face', 'hand', 'friend', 'stranger', 'child', 'doctor', 'captain',
  'teacher', 'miller', 'sailor', 'farmer', 'widow', 'soldier'];
const adjectives = ['old', 'small', 'quiet', 'cold', 'bright', 'dark', 'heavy', 'long', 'narrow', 'grey',
  'warm', 'strange', 'little', 'broken', 'green', 'empty', 'distant', 'gentle', 'wet', 'silver', 'tired',
  'young', 'careful', 'proud', 'patient', 'sudden', 'simple', 'golden', 'pale', 'honest'];
const verbsPast = ['opened', 'closed', 'carried', 'found', 'watched', 'followed', 'mended', 'lifted',
  'painted', 'remembered', 'answered', 'called', 'crossed', 'left', 'reached', 'wanted', 'touched',
  'counted', 'noticed', 'loved', 'lost', 'kept', 'read', 'heard', 'saw', 'took', 'brought', 'held'];
const verbsIntrans = ['waited', 'laughed', 'listened', 'walked on', 'stood still', 'smiled', 'slept',
  'sighed', 'turned away', 'hurried home', 'said nothing', 'looked up', 'sat down', 'went out'];
const adverbs = ['slowly', 'quietly', 'at once', 'again', 'carefully', 'for a while', 'in silence',
  'without a word', 'once more', 'at last', 'all day', 'before dawn', 'after supper', 'that evening'];
const preps = ['near', 'behind', 'beside', 'across', 'under', 'beyond', 'towards', 'along', 'over', 'past'];
const connectives = ['and', 'but', 'so', 'while', 'because', 'until', 'when', 'though'];
const openers = ['In the morning', 'Later', 'At that time', 'For many years', 'That night', 'Soon',
  'By noon', 'In the spring of 18', 'After the storm', 'Once', 'Some days later', 'Meanwhile'];
const sayings = ['said', 'asked', 'whispered', 'cried', 'replied', 'answered', 'called out', 'began'];
const remarks = ['I do not know', 'Come in, it is cold', 'Where have you been', 'We shall see',
  'It is late', 'Look at the sky', 'Nobody told me', 'You must rest now', 'Is the road open',
  'There is bread on the table', 'I heard the bell', 'Keep the lamp burning', 'How far is it',
  'We leave before dawn', 'Tell me again', 'The river is high this year'];

const article = (word) => ('aeiou'.includes(word[0]) ? 'an ' : 'a ') + word;
function nounPhrase() {
  const noun = pick(nouns);
  const r = rng();
  if (r < 0.3) return 'the ' + noun;
  if (r < 0.55) return 'the ' + pick(adjectives) + ' ' + noun;
  if (r < 0.75) return article(pick(adjectives) + ' ' + noun);
  if (r < 0.9) return pick(names) + "'s " + noun;
  return article(noun);
}
function subject() {
  const r = rng();
  if (r < 0.45) return pick(names);
  if (r < 0.6) return pick(['he', 'she', 'they', 'we', 'I']);
  return nounPhrase();
}
function clause() {
  let s = subject() + ' ';
  if (chance(0.6)) s += pick(verbsPast) + ' ' + nounPhrase();
  else s += pick(verbsIntrans);
  if (chance(0.45)) s += ' ' + pick(preps) + ' ' + (chance(0.5) ? pick(places) : nounPhrase());
  if (chance(0.3)) s += ' ' + pick(adverbs);
  return s;
}
const capitalize = (s) => s[0].toUpperCase() + s.slice(1);
function sentence() {
  const r = rng();
  if (r < 0.15) {
    const mark = chance(0.3) ? '?' : chance(0.3) ? '!' : ',';
    return '"' + pick(remarks) + mark + '" ' + pick(sayings) + ' ' + pick(names) + '.';
  }
  let s = clause();
  if (chance(0.2)) s = pick(openers) + ' ' + s;
  if (s.startsWith('In the spring of 18')) s = s.replace('18', '18' + String(10 + Math.floor(rng() * 90)) + ',');
  while (chance(0.35)) s += (chance(0.3) ? '; ' : ', ') + pick(connectives) + ' ' + clause();
  const end = chance(0.08) ? '!' : chance(0.06) ? '?' : '.';
  return capitalize(s) + end;
}
function wrap(paragraph) {
  const lines = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line && line.length + 1 + word.length > LINE_WIDTH) {
      lines.push(line);
      line = word;
    } else line = line ? line + ' ' + word : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

let text = '';
let chapter = 1;
while (text.length < TARGET_BYTES) {
  if (text.length === 0 || chance(0.04)) text += `CHAPTER ${chapter++}.\n\n`;
  const count = 2 + Math.floor(rng() * 6);
  const sentences = Array.from({ length: count }, sentence);
  text += wrap(sentences.join(' ')) + '\n\n';
}
text = text.slice(0, TARGET_BYTES);
text = text.slice(0, text.lastIndexOf('\n') + 1);  // end on a whole line

if (process.argv.includes('--check')) {
  const same = readFileSync(out, 'utf8') === text;
  console.log(same ? 'corpus.txt is up to date' : 'corpus.txt differs from the generator: run make-corpus.mjs');
  process.exit(same ? 0 : 1);
}
writeFileSync(out, text);
console.log(`wrote ${out}: ${text.length} bytes, ${new Set(text).size} distinct characters`);
