import { describe, expect, it } from 'vitest';
import { describeChar, displayChar, formatBits, formatBytes, formatCompact, formatCount, formatDuration, formatPercent, formatSetting } from '../../../web/src/format';

describe('formatting', () => {
  it('groups and compacts counts', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(Number.NaN)).toBe('–');
    expect(formatCompact(999)).toBe('999');
    expect(formatCompact(1234)).toBe('1.23k');
    expect(formatCompact(52_345)).toBe('52.3k');
    expect(formatCompact(612_000)).toBe('612k');
    expect(formatCompact(2_500_000)).toBe('2.50M');
    expect(formatCompact(Number.NaN)).toBe('–');
  });

  it('formats losses, durations, sizes and shares', () => {
    expect(formatBits(1.23456)).toBe('1.235');
    expect(formatBits(Number.POSITIVE_INFINITY)).toBe('–');
    expect(formatDuration(7_900)).toBe('0:07');
    expect(formatDuration(754_000)).toBe('12:34');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(400 * 1024)).toBe('400 KiB');
    expect(formatBytes(16 * 1024 * 1024)).toBe('16 MiB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MiB');
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatSetting(0.1 + 0.2)).toBe('0.3');
    expect(formatSetting(0.0003)).toBe('0.0003');
  });

  it('gives invisible characters a visible stand-in', () => {
    expect(displayChar(' ')).toBe('␣');
    expect(displayChar('\n')).toBe('↵');
    expect(displayChar('\t')).toBe('⇥');
    expect(displayChar('\u0007')).toBe('U+0007');
    expect(displayChar('한')).toBe('한');
    expect(describeChar(' ')).toBe('space');
    expect(describeChar('e')).toBe('‘e’');
  });
});
