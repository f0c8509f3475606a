// The one place that picks a language tag for Intl. Browsers hand out tags Intl rejects: WebKitGTK
// under a `C` locale reports navigator.language as "C" (and "" or "C.UTF-8" elsewhere), and
// `new Intl.NumberFormat("C")` throws a RangeError. Every locale-dependent call of the page
// (numbers, dates, and the chart library's number formatter) goes through here, so a bad tag costs
// nothing but the reader's own number style, never the page.

const FALLBACK = 'en';

let pageLanguageTag: string | null = null;
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();

// A tag Intl can format with, or null. POSIX locale names are read the way a person means them:
// "en_US" → "en-US", "ko_KR.UTF-8@euro" → "ko-KR"; "C", "POSIX" and "" mean "no language".
export function acceptedTag(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const tag = raw.trim().replace(/[.@].*$/, '').replace(/_/g, '-');
  if (tag === '' || /^(c|posix)$/i.test(tag)) return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    // Well-formed is not enough: "posix" or "xx" parse, but no data stands behind them.
    return canonical !== undefined && Intl.NumberFormat.supportedLocalesOf(canonical).length > 0 ? canonical : null;
  } catch {
    return null;  // RangeError: not a BCP 47 tag
  }
}

// The page's own language: what setPageLanguage chose, else <html lang>, else English.
export function pageLanguage(): string {
  return pageLanguageTag ?? acceptedTag(typeof document === 'undefined' ? null : document.documentElement.lang) ?? FALLBACK;
}

// For when the page switches language (Korean and English): the tag for sentences and their numbers.
export function setPageLanguage(tag: string): void {
  pageLanguageTag = acceptedTag(tag) ?? FALLBACK;
  if (typeof document !== 'undefined') document.documentElement.lang = pageLanguageTag;
  formatters.clear();
}

// The requested tag (by default the reader's browser language) if Intl takes it, else the page's
// language, else English.
export function usableLocale(requested: string | null | undefined = readerLanguage()): string {
  return acceptedTag(requested) ?? pageLanguage();
}

function readerLanguage(): string | null {
  return typeof navigator === 'undefined' ? null : navigator.language;
}

// uPlot 1.6 runs `new Intl.NumberFormat(navigator.language)` while its module evaluates: no option of
// ours can reach that line (fmtNum/fmtDate options only replace later calls, and we pass our own
// axis and legend formatters anyway), so a rejected tag used to kill the whole bundle before any code
// of the page ran. Before the modules that import uPlot load (web/src/boot.ts imports them
// afterwards), navigator gets an own `language` holding the tag this module would use. Alternatives
// weighed: rewriting uPlot's source in a build plugin ties the build to one line of a dependency's text
// and misses Vite's dev pre-bundle; an npm patch is a second copy of uPlot to maintain. This covers
// uPlot and any other library that reads navigator.language the same way. Returns the tag it set, or
// null when Intl takes navigator.language as it is.
export function shieldNavigatorLanguage(): string | null {
  if (typeof navigator === 'undefined' || intlTakes(navigator.language)) return null;
  const tag = usableLocale();
  // An own property shadows the getter on Navigator.prototype; the list of languages follows it.
  Object.defineProperty(navigator, 'language', { value: tag, configurable: true });
  const others = (navigator.languages ?? []).map(acceptedTag).filter((t): t is string => t !== null && t !== tag);
  Object.defineProperty(navigator, 'languages', { value: Object.freeze([tag, ...others]), configurable: true });
  return tag;
}

function intlTakes(tag: string): boolean {
  try {
    new Intl.NumberFormat(tag);
    return true;
  } catch {
    return false;
  }
}

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(key: string, make: () => T): T {
  let f = formatters.get(key);
  if (f === undefined) formatters.set(key, (f = make()));
  return f as T;
}

// Numbers inside the page's sentences follow the page's language, so "step 1,234" reads as one
// language (and the same on every machine).
export function numberFormat(options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const tag = pageLanguage();
  return cached(`n|${tag}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(tag, options));
}

// Plural forms ("1 step", "2 steps") follow the page's language, like its sentences.
export function pluralRules(options: Intl.PluralRulesOptions = {}): Intl.PluralRules {
  const tag = pageLanguage();
  return cached(`p|${tag}|${JSON.stringify(options)}`, () => new Intl.PluralRules(tag, options));
}

// Dates (when a model was saved) follow the reader's own conventions when the page speaks the reader's
// language (en-GB stays en-GB on the English page), else the page's: a Korean page writes Korean dates.
export function dateTimeFormat(options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  const reader = usableLocale();
  const page = pageLanguage();
  const tag = reader.split('-')[0].toLowerCase() === page.split('-')[0].toLowerCase() ? reader : page;
  return cached(`d|${tag}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(tag, options));
}
