// Which reviewed node a drafted new node is. In order: the same project number; a meeting of the same forum
// with the same ordinal; a node of the same label whose provenance quotes the same passage (same section, quotes
// sharing a run of at least 8 characters, whitespace aside); else the same label and a name similarity ≥ 0.8.
// Existing nodes keep their id.
import type { KnowledgeBase, NodeRecord } from '../../model/types.js';
import { similarity } from '../entities/candidates.js';
import { longestCommonRun } from '../text/common-run.js';
import type { Draft, DraftNode } from '../types.js';

function squash(s: string): string {
  return s.replace(/\s+/gu, '');
}

function provScore(d: DraftNode, r: NodeRecord): number {
  let best = 0;
  for (const p of d.prov)
    for (const q of r.prov) {
      if (p.section !== q.section) continue;
      const a = squash(p.quote);
      const b = squash(q.quote);
      const run = longestCommonRun(a, b);
      if (run >= Math.min(8, a.length, b.length)) best = Math.max(best, run / Math.min(a.length, b.length));
    }
  return best;
}

// When two reviewed nodes quote the same passage (a workshop planned "during SOM3"), the kind of event decides.
const EVENT_WORDS: [RegExp, string][] = [
  [/工作坊/u, 'workshop'],
  [/研討會/u, 'seminar'],
  [/說明會/u, 'briefing'],
  [/推廣活動/u, 'promotion'],
  [/部長級?會議/u, 'ministerial'],
  [/大會/u, 'assembly'],
];

function kindBonus(d: DraftNode, r: NodeRecord): number {
  const mine = `${d.name} ${d.nameZh ?? ''}`;
  const theirs = `${r.name} ${r.nameZh ?? ''}`.toLowerCase();
  for (const [re, en] of EVENT_WORDS)
    if (re.test(mine) && (theirs.includes(en) || re.test(theirs))) return 0.5;
  return 0;
}

export function resolveDraft(draft: Draft, reviewed: KnowledgeBase): Map<string, string> {
  const map = new Map<string, string>();
  const meetingForum = new Map<string, string>();
  for (const e of reviewed.edges) if (e.type === 'MEETING_OF') meetingForum.set(e.from, e.to);
  const draftForum = new Map<string, string>();
  for (const e of draft.edges) if (e.type === 'MEETING_OF') draftForum.set(e.from, e.to);
  const byLabel = new Map<string, NodeRecord[]>();
  for (const n of reviewed.nodes) byLabel.set(n.label, [...(byLabel.get(n.label) ?? []), n]);
  for (const d of draft.nodes) {
    if (d.status === 'existing') {
      map.set(d.id, d.id);
      continue;
    }
    const same = byLabel.get(d.label) ?? [];
    let hit: NodeRecord | undefined;
    if (d.props.projectNumber) hit = same.find((r) => r.props.projectNumber === d.props.projectNumber);
    if (!hit && d.label === 'Meeting' && d.props.ordinal !== undefined)
      hit = same.find(
        (r) => r.props.ordinal === d.props.ordinal && meetingForum.get(r.id) === draftForum.get(d.id),
      );
    if (!hit) {
      let best = 0;
      for (const r of same) {
        const p = provScore(d, r);
        const sc = p > 0 ? p + kindBonus(d, r) : 0;
        if (sc > best) {
          best = sc;
          hit = r;
        }
      }
    }
    if (!hit) {
      let best = 0.8;
      const names = [d.name, d.nameZh, ...(d.aliases ?? [])].filter((x): x is string => !!x);
      for (const r of same) {
        const theirs = [r.name, r.nameZh, ...r.aliases].filter((x): x is string => !!x);
        for (const a of names)
          for (const b of theirs) {
            const sc = similarity(a, b);
            if (sc >= best) {
              best = sc;
              hit = r;
            }
          }
      }
    }
    if (hit) map.set(d.id, hit.id);
  }
  return map;
}
