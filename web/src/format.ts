// How numbers and characters read on the page. Kept apart from the panels so they read the same
// everywhere and can be tested. Intl is reached only through locale.ts.
import { t } from './i18n';
import { dateTimeFormat, numberFormat } from './locale';

export function formatCount(n: number): string {
  return Number.isFinite(n) ? numberFormat({ maximumFractionDigits: 0 }).format(Math.round(n)) : '–';
}

// 1234 → "1.23k", 2_500_000 → "2.5M": for places too small for every digit.
export function formatCompact(n: number): string {
  if (!Number.isFinite(n)) return '–';
  const a = Math.abs(n);
  if (a < 1000) return String(Math.round(n));
  const [d, s] = a < 1e6 ? [1e3, 'k'] : a < 1e9 ? [1e6, 'M'] : [1e9, 'G'];
  const v = n / d;
  return `${Math.abs(v) < 10 ? v.toFixed(2) : Math.abs(v) < 100 ? v.toFixed(1) : v.toFixed(0)}${s}`;
}

export function formatBits(bits: number): string {
  return Number.isFinite(bits) ? bits.toFixed(3) : '–';
}

// Elapsed training time: "0:07", "12:34", "1:02:03".
export function formatDuration(millis: number): string {
  if (!Number.isFinite(millis) || millis < 0) return '–';
  const total = Math.floor(millis / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

// When something happened, as the reader writes dates: "3 May 2025, 14:05" or "May 3, 2025, 2:05 PM".
export function formatDateTime(when: Date | number): string {
  return dateTimeFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(when);
}

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '–';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ${units[i]}`;
}

export function formatPercent(p: number, digits = 1): string {
  return Number.isFinite(p) ? `${(p * 100).toFixed(digits)}%` : '–';
}

// A number typed into a field, shown back without float noise: 0.003, not 0.0030000000000000001.
export function formatSetting(v: number): string {
  return String(Number(v.toPrecision(6)));
}

// A character as a label: whitespace and control characters get a visible stand-in.
export function displayChar(c: string): string {
  switch (c) {
    case ' ': return '␣';
    case '\n': return '↵';
    case '\t': return '⇥';
    case '\r': return '␍';
    default: {
      const cp = c.codePointAt(0) ?? 0;
      if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0)) return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
      return c;
    }
  }
}

// A character for a sentence, in the page's language: "‘e’", "space", "newline".
export function describeChar(c: string): string {
  switch (c) {
    case ' ': return t('char.space');
    case '\n': return t('char.newline');
    case '\t': return t('char.tab');
    default: {
      const d = displayChar(c);
      return d === c ? `‘${c}’` : d;
    }
  }
}
