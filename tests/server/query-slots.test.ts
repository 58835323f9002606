// The slot scheduler of POST /api/query on its own: reserved slots for saved queries, a bounded wait with
// 429 and Retry-After, fewest-running-first between clients, and abandoned queries that drain.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/server/api-errors.js';
import { QuerySlots, type Slot } from '../../src/server/query-slots.js';

const limits = { capacity: 2, reserved: 1, maxQueue: 3, maxWaitMs: 60_000 };

/** Settles to the slot or the error, and says whether it has settled yet. */
function track(p: Promise<Slot>) {
  const t: { slot?: Slot; error?: unknown; settled: boolean } = { settled: false };
  p.then(
    (slot) => Object.assign(t, { slot, settled: true }),
    (error: unknown) => Object.assign(t, { error, settled: true }),
  );
  return t;
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('QuerySlots', () => {
  it('keeps a slot for saved queries when ad-hoc queries hold every other one', async () => {
    const slots = new QuerySlots(limits);
    await slots.acquire('a', 'any');
    await slots.acquire('a', 'any');
    const adHoc = track(slots.acquire('b', 'any'));
    const saved = track(slots.acquire('b', 'saved'));
    await flush();
    expect(saved.slot?.waitedMs).toBe(0);
    expect(adHoc.settled).toBe(false);
    expect(slots.state).toEqual({ running: 3, draining: 0, waiting: 1 });
  });

  it('answers 429 with Retry-After at once when the queue is full, and after the wait otherwise', async () => {
    const slots = new QuerySlots({ ...limits, maxWaitMs: 20 });
    await slots.acquire('a', 'any');
    await slots.acquire('a', 'any');
    const waiting = [1, 2, 3].map(() => track(slots.acquire('a', 'any')));
    const refused = await slots.acquire('a', 'any').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(429);
    expect((refused as ApiError).code).toBe('TOO_MANY_QUERIES');
    expect((refused as ApiError).headers['retry-after']).toBe('1');
    expect(waiting.some((w) => w.settled)).toBe(false);
    await expect.poll(() => waiting.every((w) => w.settled)).toBe(true);
    for (const w of waiting) expect((w.error as ApiError).status).toBe(429);
    expect(slots.state.waiting).toBe(0);
  });

  it('hands a freed slot to the waiting client that runs fewest queries, then to the oldest', async () => {
    const slots = new QuerySlots({ ...limits, maxQueue: 10 });
    const first = await slots.acquire('hog', 'any');
    await slots.acquire('hog', 'any');
    const hogAgain = track(slots.acquire('hog', 'any'));
    const newcomer = track(slots.acquire('new', 'any'));
    first.release();
    await flush();
    expect(newcomer.settled).toBe(true);
    expect(hogAgain.settled).toBe(false);
    newcomer.slot?.release();
    await flush();
    expect(hogAgain.slot).toBeDefined();
  });

  it('frees the slot of an abandoned query at once, but starts no ad-hoc query while as many drain as there are slots', async () => {
    const slots = new QuerySlots({ ...limits, maxQueue: 10 });
    const settle: (() => void)[] = [];
    for (const s of [await slots.acquire('a', 'any'), await slots.acquire('a', 'any')]) {
      s.release({ settled: new Promise<void>((resolve) => settle.push(resolve)), capMs: 60_000 });
    }
    expect(slots.state).toEqual({ running: 0, draining: 2, waiting: 0 });
    const adHoc = track(slots.acquire('b', 'any'));
    const saved = track(slots.acquire('b', 'saved'));
    const saved2 = track(slots.acquire('c', 'saved'));
    await flush();
    expect(saved.slot).toBeDefined();
    expect(saved2.slot).toBeDefined();
    expect(adHoc.settled).toBe(false);
    settle[0]?.();
    await flush();
    expect(adHoc.slot).toBeDefined();
  });

  it('stops counting a draining query after its cap, even if the database never lets go', async () => {
    const slots = new QuerySlots({ ...limits, capacity: 1, maxQueue: 10 });
    (await slots.acquire('a', 'any')).release({ settled: new Promise<void>(() => {}), capMs: 10 });
    expect(slots.state.draining).toBe(1);
    const next = track(slots.acquire('b', 'any'));
    await expect.poll(() => next.settled).toBe(true);
    expect(next.slot).toBeDefined();
    expect(slots.state.draining).toBe(0);
  });
});
