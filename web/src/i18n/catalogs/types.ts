// What a catalogue must be: a sentence for every key of the English one (`satisfies Messages`), with
// the same placeholders (`placeholdersMatch`). A missing or extra key, or a placeholder lost in
// translation, is a type error that names the key; tests/web/unit/i18n/catalogs.test.ts checks the
// same at run time.
import type { Placeholders } from '../message';
import type { en } from './en';

type English = typeof en;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export type Messages = Record<keyof English, string>;

// The keys whose placeholders differ from the English sentence's (never when all agree).
export type PlaceholderMismatches<T extends Messages> = {
  [K in keyof English]: Same<Placeholders<English[K]>, Placeholders<T[K]>> extends true ? never : K;
}[keyof English];

// `true` only when every placeholder matches; otherwise the type is the keys that do not.
export type PlaceholdersMatch<T extends Messages> = [PlaceholderMismatches<T>] extends [never] ? true : PlaceholderMismatches<T>;
