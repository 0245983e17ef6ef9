import { describe, expect, it } from 'vitest';
import { createLimiter, mapPool } from './pool.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('mapPool', () => {
  it.each([
    { limit: 1, items: 5, peak: 1 },
    { limit: 3, items: 10, peak: 3 },
    { limit: 8, items: 4, peak: 4 },
    { limit: 0, items: 3, peak: 1 },
    { limit: Number.NaN, items: 3, peak: 1 },
  ])('limit $limit over $items items never exceeds $peak in flight', async ({ limit, items, peak }) => {
    let active = 0;
    let seen = 0;
    const out = await mapPool(
      Array.from({ length: items }, (_, i) => i),
      limit,
      async (n) => {
        active++;
        seen = Math.max(seen, active);
        await tick(n % 2 ? 5 : 1);
        active--;
        return n * 10;
      },
    );
    expect(seen).toBe(peak);
    expect(out).toEqual(Array.from({ length: items }, (_, i) => i * 10));
  });

  it('keeps input order when later items finish first', async () => {
    const out = await mapPool([30, 1, 15], 3, async (ms, i) => {
      await tick(ms);
      return `${i}:${ms}`;
    });
    expect(out).toEqual(['0:30', '1:1', '2:15']);
  });

  it('returns [] for no items without calling fn', async () => {
    let calls = 0;
    expect(await mapPool([], 4, async () => calls++)).toEqual([]);
    expect(calls).toBe(0);
  });

  it('rejects with the first failure', async () => {
    await expect(
      mapPool([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error('boom 2');
        return n;
      }),
    ).rejects.toThrow('boom 2');
  });
});

describe('createLimiter', () => {
  it.each([1, 2, 5])('runs at most %i tasks at once across callers', async (limit) => {
    const run = createLimiter(limit);
    let active = 0;
    let peak = 0;
    const task = (ms: number) =>
      run(async () => {
        active++;
        peak = Math.max(peak, active);
        await tick(ms);
        active--;
        return ms;
      });
    // Two independent groups share the same bound.
    const [a, b] = await Promise.all([Promise.all([3, 1, 2, 4].map(task)), Promise.all([2, 2, 1].map(task))]);
    expect(a).toEqual([3, 1, 2, 4]);
    expect(b).toEqual([2, 2, 1]);
    expect(peak).toBe(Math.min(limit, 7));
    expect(active).toBe(0);
  });

  it('frees the slot when a task rejects', async () => {
    const run = createLimiter(1);
    await expect(run(async () => Promise.reject(new Error('nope')))).rejects.toThrow('nope');
    expect(await run(async () => 'next')).toBe('next');
  });
});
