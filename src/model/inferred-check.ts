// Catches the common ways a fact slips in without its source stating it: an attendance mode, a presentation
// flag or a year that none of the entry's quotes contains. Such a value must be marked `inferred: true` in props,
// with a note saying what it is inferred from; the check cannot prove a quote states a fact, only that it could.

import { isPartialDate } from './dates.js';
import type { EdgeRecord, KnowledgeBase, NodeRecord, ValidationIssue } from './types.js';

/** Words the report uses for each attendance mode (Chinese body, English annex). */
const MODE_WORDS: Record<string, readonly string[]> = {
  'in-person': ['實體', '親自', 'in person', 'in-person'],
  virtual: ['視訊', '線上', 'virtual', 'online'],
};
const PRESENTATION_WORDS = ['簡報', 'presentation'];
/** The report dates by the Republic of China calendar too: 114 年 is 2025. */
const ROC_OFFSET = 1911;

export function isInferred(rec: NodeRecord | EdgeRecord): boolean {
  return rec.props.inferred === true;
}

function isDateKey(key: string): boolean {
  return (
    key === 'date' ||
    key.endsWith('Date') ||
    key === 'since' ||
    key === 'until' ||
    key === 'year' ||
    key.endsWith('Year')
  );
}

function quotesOf(rec: NodeRecord | EdgeRecord): string {
  return rec.prov
    .map((p) => p.quote)
    .join('\n')
    .toLowerCase();
}

export function yearStated(year: number, quotes: string): boolean {
  // The report writes "2025 年", "2025年" and "2025-02"; a year is stated when its digits stand alone.
  const standalone = (digits: string) => new RegExp(`(^|[^0-9])${digits}([^0-9]|$)`).test(quotes);
  return standalone(String(year)) || standalone(`${year - ROC_OFFSET}\\s*年`);
}

/**
 * A session is dated by the meeting it is part of (the agenda gives the day, the meeting the year), so the quotes
 * of every node an entry is PART_OF count for its dates.
 */
function containerQuotes(kb: KnowledgeBase): Map<string, string> {
  const nodes = new Map(kb.nodes.map((n) => [n.id, n]));
  const parents = new Map<string, string[]>();
  for (const e of kb.edges) {
    if (e.type === 'PART_OF') parents.set(e.from, [...(parents.get(e.from) ?? []), e.to]);
  }
  const out = new Map<string, string>();
  for (const id of parents.keys()) {
    const seen = new Set<string>();
    const queue = [...(parents.get(id) ?? [])];
    while (queue.length > 0) {
      const next = queue.shift() as string;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(parents.get(next) ?? []));
    }
    const parentNodes = [...seen].flatMap((p) => nodes.get(p) ?? []);
    out.set(id, parentNodes.map(quotesOf).join('\n'));
  }
  return out;
}

function recordIssues(
  rec: NodeRecord | EdgeRecord,
  type: string | undefined,
  parentQuotes: string,
): string[] {
  const problems: string[] = [];
  const inferred = isInferred(rec);
  if (rec.props.inferred !== undefined && typeof rec.props.inferred !== 'boolean') {
    problems.push(`props.inferred must be true or absent, not "${String(rec.props.inferred)}"`);
  }
  if (inferred && !rec.note?.trim()) {
    problems.push('props.inferred is true but there is no note saying what it is inferred from');
  }
  if (inferred) return problems;

  const quotes = quotesOf(rec);
  const hint = 'quote the words that state it, or mark props.inferred: true with a note';
  const mode = rec.props.mode;
  if (type === 'ATTENDED' && typeof mode === 'string') {
    const words = MODE_WORDS[mode] ?? []; // an unknown mode is the enum check's to report
    if (words.length > 0 && !words.some((w) => quotes.includes(w.toLowerCase()))) {
      problems.push(`props.mode "${mode}" is not stated: no quote contains ${words.join(' / ')}; ${hint}`);
    }
  }
  if (rec.props.presentation === true && !PRESENTATION_WORDS.some((w) => quotes.includes(w))) {
    problems.push(
      `props.presentation is true but no quote contains ${PRESENTATION_WORDS.join(' / ')}; ${hint}`,
    );
  }
  for (const [key, value] of Object.entries(rec.props)) {
    if (!isDateKey(key)) continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'string' && !isPartialDate(v)) continue; // the date check reports it
      const year = Number(String(v).slice(0, 4));
      if (!Number.isInteger(year) || year < 1000) continue;
      if (!yearStated(year, quotes) && !yearStated(year, parentQuotes)) {
        problems.push(
          `props.${key} "${String(v)}": no quote (nor one of what it is part of) contains the year ${year}; ${hint}`,
        );
      }
    }
  }
  return problems;
}

/** Values no quote of their entry states, unless the entry is marked `inferred: true` with a note. */
export function checkInferred(kb: KnowledgeBase): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const parents = containerQuotes(kb);
  const ids = new Set(kb.nodes.map((n) => n.id));
  const scan = (rec: NodeRecord | EdgeRecord, type?: string): void => {
    // A pending draft is not yet a fact: its reviewer reads the quote and decides. A relationship to an unknown
    // node is already an error; one clear error per broken entry is enough.
    if (rec.review === 'pending') return;
    if ('from' in rec && (!ids.has(rec.from) || !ids.has(rec.to))) return;
    for (const message of recordIssues(rec, type, parents.get(rec.id) ?? '')) {
      issues.push({
        file: rec.origin.file,
        line: rec.origin.line,
        entity: rec.id,
        kind: 'missing-provenance',
        message,
      });
    }
  };
  // A Source's props describe the file that was read (its date, format, pages), not a claim its quotes make.
  for (const n of kb.nodes) if (n.label !== 'Source') scan(n);
  // A repeated id is reported as a duplicate; its values are not checked twice.
  const seen = new Set<string>();
  for (const e of kb.edges) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    scan(e, e.type);
  }
  return issues;
}
