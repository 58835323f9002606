// Who may run a query now. A fixed number of slots for any query, plus reserved ones that only saved queries
// (known texts, cheap, their read-only verdict cached) may take, so analysts keep being answered while
// someone fills the other slots with queries that run until they time out. A request that finds no slot waits
// a short, bounded time in a queue; waiting clients are served fewest-running-first, so one client cannot
// take every slot that frees up while others wait. A query abandoned at its deadline gives its slot back at
// once, but still counts as "draining" until the database lets go of it: while as many queries drain as there
// are slots, only saved queries start, so abandoned hostile queries cannot pile up in the database.
import { ApiError } from './api-errors.js';

export type Lane = 'saved' | 'any';

export interface SlotLimits {
  /** Queries of any kind running at once (QUERY_CONCURRENCY). */
  capacity: number;
  /** Further slots for saved queries only. */
  reserved: number;
  /** Requests waiting at most; more are answered 429 at once. */
  maxQueue: number;
  /** How long a request waits for a slot before it is answered 429. */
  maxWaitMs: number;
}

export interface Slot {
  /** Milliseconds spent waiting for the slot: the caller takes them off the query's own time. */
  waitedMs: number;
  /** Gives the slot back; a query still running in the database drains until `settled` (or `capMs`). */
  release(draining?: { settled: Promise<void>; capMs: number }): void;
}

interface Waiter {
  client: string;
  lane: Lane;
  grant: () => void;
  timer: NodeJS.Timeout;
}

export class QuerySlots {
  private general = 0;
  private reservedInUse = 0;
  private draining = 0;
  private readonly byClient = new Map<string, number>();
  private readonly queue: Waiter[] = [];

  constructor(private readonly limits: SlotLimits) {}

  /** Queries running and queries abandoned but still draining, for messages and tests. */
  get state(): { running: number; draining: number; waiting: number } {
    return {
      running: this.general + this.reservedInUse,
      draining: this.draining,
      waiting: this.queue.length,
    };
  }

  async acquire(client: string, lane: Lane): Promise<Slot> {
    const since = performance.now();
    const taken = this.take(client, lane);
    if (taken) return this.slot(client, taken, 0);
    if (this.queue.length >= this.limits.maxQueue) throw this.busy(lane);
    return new Promise<Slot>((resolve, reject) => {
      const waiter: Waiter = {
        client,
        lane,
        grant: () => {
          clearTimeout(waiter.timer);
          const kind = this.take(client, lane) as 'general' | 'reserved';
          resolve(this.slot(client, kind, performance.now() - since));
        },
        timer: setTimeout(() => {
          const at = this.queue.indexOf(waiter);
          if (at >= 0) this.queue.splice(at, 1);
          reject(this.busy(lane));
        }, this.limits.maxWaitMs),
      };
      this.queue.push(waiter);
    });
  }

  private canTake(lane: Lane): 'general' | 'reserved' | undefined {
    if (lane === 'saved' && this.reservedInUse < this.limits.reserved) return 'reserved';
    if (this.general >= this.limits.capacity) return undefined;
    // Saved queries are cheap and bounded: they start even while abandoned queries drain.
    if (lane === 'any' && this.draining >= this.limits.capacity) return undefined;
    return 'general';
  }

  private take(client: string, lane: Lane): 'general' | 'reserved' | undefined {
    const kind = this.canTake(lane);
    if (kind === 'reserved') this.reservedInUse += 1;
    else if (kind === 'general') this.general += 1;
    else return undefined;
    this.byClient.set(client, (this.byClient.get(client) ?? 0) + 1);
    return kind;
  }

  private slot(client: string, kind: 'general' | 'reserved', waitedMs: number): Slot {
    let released = false;
    return {
      waitedMs,
      release: (draining) => {
        if (released) return;
        released = true;
        if (kind === 'reserved') this.reservedInUse -= 1;
        else this.general -= 1;
        const held = (this.byClient.get(client) ?? 1) - 1;
        if (held > 0) this.byClient.set(client, held);
        else this.byClient.delete(client);
        if (draining) this.drain(draining.settled, draining.capMs);
        this.dispatch();
      },
    };
  }

  private drain(settled: Promise<void>, capMs: number): void {
    this.draining += 1;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(cap);
      this.draining -= 1;
      this.dispatch();
    };
    // Neo4j checks its timeout only between steps of a query, and one step can take minutes: after the cap
    // the query no longer counts, so a few such queries cannot keep ad-hoc queries out for long.
    const cap = setTimeout(finish, capMs);
    cap.unref();
    void settled.finally(finish);
  }

  /** Hands freed slots to waiting requests: the client running fewest queries first, then the oldest. */
  private dispatch(): void {
    for (;;) {
      let best = -1;
      for (let i = 0; i < this.queue.length; i++) {
        const w = this.queue[i] as Waiter;
        if (!this.canTake(w.lane)) continue;
        const b = this.queue[best];
        if (!b || (this.byClient.get(w.client) ?? 0) < (this.byClient.get(b.client) ?? 0)) best = i;
      }
      if (best < 0) return;
      const [waiter] = this.queue.splice(best, 1);
      waiter?.grant();
    }
  }

  private busy(lane: Lane): ApiError {
    const { running, draining } = this.state;
    const stopping = draining > 0 ? ` (and ${draining} stopped ones are still ending in the database)` : '';
    const error = new ApiError(
      429,
      'TOO_MANY_QUERIES',
      `${running} queries are already running${stopping} and ${this.queue.length} waiting; ` +
        `${lane === 'saved' ? 'try again in a moment' : 'try again in a few seconds'}.`,
    );
    error.headers['retry-after'] = String(Math.max(1, Math.ceil(this.limits.maxWaitMs / 1000)));
    return error;
  }
}
