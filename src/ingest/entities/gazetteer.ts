// The gazetteer: every name by which graph/ knows an entity (name, nameZh, aliases, abbreviation, ISO code,
// project number), plus the economies' usual variants, matched on the folded text so that 臺/台, full/half
// width and line-wrapped CJK all resolve to the same node.
import type { KnowledgeBase } from '../../model/types.js';
import { CJK, type FoldedText, foldString, originalSpan } from '../text/fold.js';
import { ECONOMY_VARIANTS, GUARDED_FORMS } from './economy-variants.js';

export const GAZETTEER_LABELS = new Set([
  'Economy',
  'Forum',
  'Framework',
  'Organization',
  'Person',
  'Meeting',
  'Project',
  'FocusArea',
]);

interface Form {
  folded: string;
  raw: string;
  ids: string[];
  /** Must match with the same letter case (single capitalised words, ISO codes). */
  caseSensitive: boolean;
  guarded: boolean;
}

export interface Mention {
  id: string;
  label: string;
  start: number;
  end: number;
  form: string;
}

export interface Gazetteer {
  forms: Map<string, Form>;
  labelOf: Map<string, string>;
  /** Every surface form of an id, folded (for the grounding check). */
  namesOf: Map<string, Set<string>>;
  find(text: string, ft: FoldedText): Mention[];
}

const LATIN = /[A-Za-z0-9]/;

function reversedName(name: string): string | undefined {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2 || parts.length > 4 || !parts.every((p) => /^[A-Z][a-z'-]+$/.test(p)))
    return undefined;
  return [...parts.slice(1), parts[0]].join(' ');
}

export function buildGazetteer(kb: KnowledgeBase): Gazetteer {
  const forms = new Map<string, Form>();
  const labelOf = new Map<string, string>();
  const namesOf = new Map<string, Set<string>>();
  const add = (raw: string, id: string, opts: { caseSensitive?: boolean; guarded?: boolean } = {}) => {
    const folded = foldString(raw);
    if (folded.length < 2) return;
    if (!CJK.test(folded) && folded.length < 3 && !/^[A-Z]{2}$/.test(raw)) return;
    const names = namesOf.get(id) ?? new Set<string>();
    namesOf.set(id, names);
    names.add(folded);
    const caseSensitive = opts.caseSensitive ?? (!CJK.test(raw) && /^[A-Z][a-z]+$/.test(raw.trim()));
    const f = forms.get(folded);
    if (f) {
      if (!f.ids.includes(id)) f.ids.push(id);
      return;
    }
    forms.set(folded, { folded, raw, ids: [id], caseSensitive, guarded: opts.guarded ?? false });
  };
  for (const n of kb.nodes) {
    if (!GAZETTEER_LABELS.has(n.label)) continue;
    labelOf.set(n.id, n.label);
    if (n.label === 'Meeting' || n.label === 'Project') {
      // Long titles are found by their number or alias; whole names only when short enough to be names.
      if (n.name.length <= 60) add(n.name, n.id);
    } else add(n.name, n.id);
    if (n.nameZh) add(n.nameZh, n.id);
    for (const a of n.aliases) if (!/^[a-z]/.test(a)) add(a, n.id);
    const abbr = n.props.abbreviation;
    if (typeof abbr === 'string') add(abbr, n.id, { caseSensitive: true });
    const pn = n.props.projectNumber;
    if (typeof pn === 'string') add(pn, n.id);
    if (n.label === 'Economy') {
      add(n.id, n.id, { caseSensitive: true });
      for (const v of ECONOMY_VARIANTS[n.id] ?? []) add(v, n.id, { guarded: GUARDED_FORMS.has(v) });
    }
    if (n.label === 'Person') {
      const r = reversedName(n.name);
      if (r) add(r, n.id);
    }
  }
  // Project numbers are also written with underscores or without spaces (DESG_103_2024A).
  for (const n of kb.nodes) {
    const pn = n.props.projectNumber;
    if (typeof pn === 'string') add(pn.replace(/\s+/g, '_'), n.id);
  }
  const sorted = [...forms.values()].sort((a, b) => b.folded.length - a.folded.length);

  const find = (text: string, ft: FoldedText): Mention[] => {
    const hits: Mention[] = [];
    for (const f of sorted) {
      let from = 0;
      for (;;) {
        const at = ft.folded.indexOf(f.folded, from);
        if (at < 0) break;
        from = at + 1;
        const [start, end] = originalSpan(ft, at, at + f.folded.length, text);
        if (LATIN.test(f.folded[0] ?? '') && LATIN.test(text[start - 1] ?? '')) continue;
        if (LATIN.test(f.folded[f.folded.length - 1] ?? '') && LATIN.test(text[end] ?? '')) continue;
        if (f.caseSensitive && text.slice(start, end).replace(/\s+/g, '') !== f.raw.replace(/\s+/g, ''))
          continue;
        if (f.guarded && CJK.test(text[start - 1] ?? '') && !/[、及與和或]/u.test(text[start - 1] ?? ''))
          continue;
        const id = f.ids.find((i) => labelOf.get(i) === 'Economy') ?? f.ids[0];
        if (!id) continue;
        hits.push({ id, label: labelOf.get(id) ?? '', start, end, form: f.raw });
      }
    }
    hits.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
    const out: Mention[] = [];
    let reach = -1;
    for (const h of hits) {
      if (h.start < reach) continue;
      out.push(h);
      reach = h.end;
    }
    return out;
  };
  return { forms, labelOf, namesOf, find };
}
