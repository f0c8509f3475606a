// One message = one whole sentence with named placeholders, so each language keeps its own word order:
//   {name}                  the value (numbers in the page language's format)
//   {name:을}               the value followed by the Korean particle that fits it (을/를, 이/가, 은/는,
//                           와/과, 으로/로, 이나/나, 아/야, 이에요/예요; either form may be written)
//   {n|# step|# steps}      a plural: the first form for one, the second for other counts; # is n
//   _{…}                    not a placeholder: a subscript in a formula (h_{t−1})
// The placeholder names are read from the text at compile time too (Placeholders<S>), so a call with
// a missing or misspelled parameter, or a catalogue whose sentence lost one, does not type-check.
import { isParticlePair, particle, PARTICLE_PAIRS, type ParticlePair } from './korean';

type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;
type NameOf<Body extends string> = Body extends `${infer N}|${string}` ? Trim<N> : Body extends `${infer N}:${string}` ? Trim<N> : Trim<Body>;
// `_{…}` is a formula's subscript (ui/teach/equations/formula.ts: h_{t−1}), never a placeholder.
export type Placeholders<S> = S extends `${infer Before}{${infer Body}}${infer Rest}`
  ? (Before extends `${string}_` ? never : NameOf<Body>) | Placeholders<Rest>
  : never;
export type Params<S> = [Placeholders<S>] extends [never] ? Record<string, never> : Record<Placeholders<S>, string | number>;

export type Value = string | number;

export interface Formatters {
  number(n: number): string;
  plural(n: number): 'one' | 'other';
}

const PLACEHOLDER = /(?<!_)\{([^{}]+)\}/g;  // not after _: h_{t−1} is a subscript

// Every placeholder name in a message, for tests and for checks at run time.
export function placeholderNames(message: string): string[] {
  const names = new Set<string>();
  for (const m of message.matchAll(PLACEHOLDER)) names.add(nameOf(m[1]));
  return [...names].sort();
}

function nameOf(body: string): string {
  return body.split(/[|:]/)[0].trim();
}

// The pair a written form belongs to: '을' and '를' both mean 을/를.
function pairOf(form: string): ParticlePair | null {
  if (isParticlePair(form)) return form;
  return PARTICLE_PAIRS.find((p) => p.split('/').includes(form)) ?? null;
}

export function formatMessage(message: string, params: Record<string, Value>, f: Formatters): string {
  return message.replace(PLACEHOLDER, (whole, body: string) => {
    const name = nameOf(body);
    if (!(name in params)) return whole;  // a bug, but a visible one rather than a crash
    const value = params[name];
    const shown = typeof value === 'number' ? f.number(value) : value;
    if (body.includes('|')) {
      const [, one = '', other = one] = body.split('|');
      const n = typeof value === 'number' ? value : Number(value);
      return (f.plural(n) === 'one' ? one : other).replace(/#/g, shown);
    }
    const colon = body.indexOf(':');
    if (colon >= 0) {
      const pair = pairOf(body.slice(colon + 1).trim());
      return pair ? shown + particle(shown, pair) : shown;
    }
    return shown;
  });
}
