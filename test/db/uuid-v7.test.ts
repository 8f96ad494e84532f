import { describe, expect, it } from 'vitest';
import { uuidV7 } from '../../src/db/repositories/bulk.ts';

describe('uuidV7 (decision 029)', () => {
  it('is a version-7 UUID with the RFC 9562 variant and the current time in its first 48 bits', () => {
    const before = Date.now();
    const id = uuidV7();
    const after = Date.now();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const ms = parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(after + 1);
  });

  it('ascends and never repeats, also past the random pool and the counter of one millisecond', () => {
    const ids = Array.from({ length: 50_000 }, () => uuidV7());
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
  });

  it('spreads its random bits: every hex digit turns up in the random part', () => {
    const tails = Array.from({ length: 2_000 }, () => uuidV7().slice(24)).join('');
    for (const digit of '0123456789abcdef') expect(tails).toContain(digit);
  });
});
