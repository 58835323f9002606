// One broken entry must not bury every other problem: references to an entry that could not be read (or to a
// Source without readable text) are counted and reported once, as "N quotes could not be checked because …",
// and an unknown id is reported a few times, then counted.
import type { Origin, ValidationIssue } from './types.js';

type What = 'quote' | 'relationship' | 'update';
const NOUNS: Record<What, [string, string]> = {
  quote: ['quote', 'quotes'],
  relationship: ['relationship end', 'relationship ends'],
  update: ['update', 'updates'],
};

/** How many references to one unknown id are reported in full before the rest are only counted. */
export const DETAILED_REFERENCES = 3;

interface Tally {
  counts: Record<What, number>;
  reported: number;
  first?: Origin;
}

export class Cascades {
  private readonly broken = new Map<string, { origin: Origin; why: string }>();
  private readonly tallies = new Map<string, Tally>();

  constructor(invalid: Map<string, Origin>) {
    for (const [id, origin] of invalid)
      this.broken.set(id, { origin, why: 'is invalid (see its own error)' });
  }

  markBroken(id: string, origin: Origin, why: string): void {
    this.broken.set(id, { origin, why });
  }

  /** Records a reference to an id that does not resolve; true when the caller should report it itself. */
  reference(id: string, what: What, at: Origin): boolean {
    let t = this.tallies.get(id);
    if (!t) {
      t = { counts: { quote: 0, relationship: 0, update: 0 }, reported: 0, first: at };
      this.tallies.set(id, t);
    }
    if (!this.broken.has(id) && t.reported < DETAILED_REFERENCES) {
      t.reported++;
      return true;
    }
    t.counts[what]++;
    return false;
  }

  summaries(): ValidationIssue[] {
    const out: ValidationIssue[] = [];
    for (const [id, t] of this.tallies) {
      const parts = (Object.keys(t.counts) as What[])
        .filter((w) => t.counts[w] > 0)
        .map((w) => `${t.counts[w].toLocaleString('en')} ${NOUNS[w][t.counts[w] === 1 ? 0 : 1]}`);
      if (parts.length === 0) continue;
      const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0];
      const broken = this.broken.get(id);
      const at = broken?.origin ?? t.first;
      if (!at) continue;
      out.push({
        file: at.file,
        line: at.line,
        entity: id,
        kind: 'cascade',
        message: broken
          ? `${list} could not be checked because "${id}" ${broken.why}`
          : `${list} more name unknown "${id}" (the first ${DETAILED_REFERENCES} are listed above)`,
      });
    }
    return out;
  }
}
