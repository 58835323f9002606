// Meetings the report is about, from the headings that name a forum and a meeting (貳.一 "第50次資料隱私次級
// 小組（DPS）會議", an annexed agenda's title "50th DATA PRIVACY SUB-GROUP (DPS) MEETING", an English title
// "Summary Record of the 23rd ECSG Meeting"): forum, ordinal, dates, place, and the part of the report each
// heading covers (used by the other rules to know which meeting a sentence is about).
import { findDates, findOrdinals } from '../entities/patterns.js';
import type { Section } from '../types.js';
import { headingEnd, mentionsIn } from './context-helpers.js';
import type { Rule, RuleContext } from './rule.js';

const RULE = 'meeting-heading';
const MEETING_WORD = /會議|meeting|MEETING|Meeting/u;

interface Found {
  forum: string;
  /** A meeting graph/ already has, named by the heading. */
  existing?: string;
  ordinal?: number;
  section: Section;
  titleStart: number;
  titleEnd: number;
  dates?: { start: string; end?: string };
  location?: string;
}

function forumOf(ctx: RuleContext, s: Section, start: number, end: number): string | undefined {
  const agenda = /\.([A-Z][A-Za-z]{1,7})$/.exec(s.label)?.[1];
  if (agenda) {
    const id = ctx.kb.nodes.find((n) => n.label === 'Forum' && n.props.abbreviation === agenda)?.id;
    if (id) return id;
  }
  const forums = [...new Set(mentionsIn(ctx, start, end, ['Forum']).map((m) => m.id))].filter(
    (f) => f !== 'apec',
  );
  return forums.length === 1 ? forums[0] : undefined;
}

function ordinalNear(title: string): number | undefined {
  const hits = findOrdinals(title).filter((o) => o.ordinal < 200);
  return hits[0]?.ordinal;
}

function locationAfter(title: string, at: number, length: number): string | undefined {
  const rest = title.slice(at + length).split(/\n/)[0] ?? '';
  const m = /^\s*[,，]\s*([^\n]{3,60})/u.exec(rest);
  return m?.[1]?.trim();
}

/** Ordinal from the heading line, dates and the place written after them from the title block. */
function describe(ctx: RuleContext, f: Found, line: string, title: string): void {
  const ord = ordinalNear(line);
  if (ord !== undefined) f.ordinal = ord;
  const d = findDates(title, ctx.year)[0];
  if (!d) return;
  f.dates = d.end ? { start: d.start, end: d.end } : { start: d.start };
  const loc = locationAfter(title, d.at, d.length);
  if (loc && /[A-Za-z]/.test(loc)) f.location = loc;
}

function englishName(ctx: RuleContext, f: Found): string {
  const forum = ctx.kb.nodes.find((n) => n.id === f.forum);
  const abbr = typeof forum?.props.abbreviation === 'string' ? forum.props.abbreviation : forum?.name;
  if (f.ordinal !== undefined) {
    const n = f.ordinal;
    const suf = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
    const yr = f.dates?.start.slice(0, 4);
    return n < 10 && yr ? `${n}${suf} ${abbr} Meeting ${yr}` : `${n}${suf} ${abbr} Meeting`;
  }
  return `${abbr} Meeting${f.dates ? ` ${f.dates.start.slice(0, 4)}` : ''}`;
}

export const meetingsRule: Rule = {
  name: RULE,
  drafts: ['Meeting', 'MEETING_OF'],
  run(ctx) {
    const found: Found[] = [];
    const candidates = ctx.sections.filter(
      (s) =>
        (s.depth >= 1 && s.depth <= 2 && !/^(壹|參|肆|伍)$/u.test(s.label)) ||
        /\.[A-Z][A-Za-z]{1,7}$/.test(s.label),
    );
    for (const s of candidates) {
      const agenda = /\.[A-Z][A-Za-z]{1,7}$/.test(s.label);
      const titleEnd = agenda ? s.start + s.title.length + 200 : headingEnd(ctx, s);
      const title = ctx.text.slice(s.start, Math.min(titleEnd, s.end));
      if (!MEETING_WORD.test(title)) continue;
      const known = mentionsIn(ctx, s.start, s.start + title.length, ['Meeting'])[0];
      const knownForum = known
        ? ctx.kb.edges.find((e) => e.type === 'MEETING_OF' && e.from === known.id)?.to
        : undefined;
      const forum = knownForum ?? forumOf(ctx, s, s.start, s.start + title.length);
      if (!forum) continue;
      const f: Found = { forum, section: s, titleStart: s.start, titleEnd: s.start + title.length };
      if (known && knownForum) f.existing = known.id;
      describe(ctx, f, title, title);
      found.push(f);
    }
    // The title page, for a report with no meeting headings of its own.
    if (found.length === 0) {
      const cover = ctx.sections[0];
      const next = ctx.sections[1];
      if (cover) {
        const end = Math.min(next?.start ?? ctx.text.length, 600);
        const title = ctx.text.slice(0, end);
        const forums = [...new Set(mentionsIn(ctx, 0, end, ['Forum']).map((m) => m.id))].filter(
          (x) => x !== 'apec',
        );
        let lineAt = 0;
        let line: string | undefined;
        for (const l of ctx.text.slice(0, end).split('\n')) {
          if (
            MEETING_WORD.test(l) &&
            mentionsIn(ctx, lineAt, lineAt + l.length, ['Forum']).some((f) => f.id !== 'apec')
          ) {
            line = l;
            break;
          }
          lineAt += l.length + 1;
        }
        if (line && forums.length === 1 && forums[0]) {
          const at = lineAt;
          const f: Found = { forum: forums[0], section: cover, titleStart: at, titleEnd: at + line.length };
          describe(ctx, f, line, title);
          f.section = { ...cover, end: ctx.text.length };
          found.push(f);
        }
      }
    }
    // One meeting per forum unless two headings give it different ordinals.
    const groups: Found[][] = [];
    for (const f of found) {
      const g = groups.find(
        (g) =>
          g[0]?.forum === f.forum &&
          g.every((x) => x.ordinal === undefined || f.ordinal === undefined || x.ordinal === f.ordinal),
      );
      if (g) g.push(f);
      else groups.push([f]);
    }
    for (const g of groups) {
      const first = g[0];
      if (!first) continue;
      const merged: Found = { ...first };
      for (const f of g) {
        if (merged.ordinal === undefined && f.ordinal !== undefined) merged.ordinal = f.ordinal;
        if (!merged.dates && f.dates) merged.dates = f.dates;
        if (!merged.location && f.location) merged.location = f.location;
      }
      const zhHeading = g.find((f) => /[\u4e00-\u9fff]/u.test(ctx.text.slice(f.titleStart, f.titleEnd)));
      const abbr = ctx.kb.nodes.find((n) => n.id === merged.forum)?.props.abbreviation ?? merged.forum;
      const yr = merged.dates?.start.slice(0, 4) ?? (ctx.year !== undefined ? String(ctx.year) : '');
      const key =
        merged.ordinal !== undefined && merged.ordinal >= 10
          ? `${abbr}-${merged.ordinal}`
          : `${abbr}-${yr}${merged.ordinal !== undefined ? `-${merged.ordinal}` : ''}`;
      const props: Record<string, string | number> = {};
      if (merged.dates) {
        props.startDate = merged.dates.start;
        props.endDate = merged.dates.end ?? merged.dates.start;
      }
      if (merged.ordinal !== undefined) props.ordinal = merged.ordinal;
      if (merged.location) props.location = merged.location;
      let id: string | undefined;
      const existing = g.find((f) => f.existing)?.existing;
      for (const f of g) {
        const prov = ctx.draft.prov(f.section.label, f.titleStart, f.titleEnd);
        if (existing) {
          id = ctx.draft.mentionExisting(existing, prov, RULE) ?? id;
          continue;
        }
        const spec = {
          key,
          label: 'Meeting',
          name: englishName(ctx, merged),
          props,
          prov,
          rule: RULE,
          confidence: 0.9,
        } as Parameters<typeof ctx.draft.addNew>[0];
        if (zhHeading) {
          const t = ctx.text.slice(zhHeading.titleStart, zhHeading.titleEnd);
          const after = t.split(/[：:]/u).pop()?.trim();
          if (after) spec.nameZh = after;
        }
        id = ctx.draft.addNew(spec) ?? id;
      }
      if (!id) continue;
      const forumProv = ctx.draft.prov(first.section.label, first.titleStart, first.titleEnd);
      if (ctx.draft.mentionExisting(merged.forum, forumProv, RULE)) {
        ctx.draft.addEdge({
          type: 'MEETING_OF',
          from: id,
          to: merged.forum,
          prov: forumProv,
          rule: RULE,
          confidence: 0.9,
        });
      }
      const m: { id: string; forum: string; ordinal?: number; scopes: { start: number; end: number }[] } = {
        id,
        forum: merged.forum,
        scopes: g.map((f) => ({ start: f.section.start, end: f.section.end })),
      };
      const ordinal =
        merged.ordinal ?? (existing ? ctx.kb.nodes.find((n) => n.id === existing)?.props.ordinal : undefined);
      if (typeof ordinal === 'number') m.ordinal = ordinal;
      ctx.meetings.push(m);
      // Facts the report states are as of its meetings, not of its writing.
      if (
        merged.dates &&
        merged.dates.start > (ctx.draft.asOf.length === 10 && ctx.meetings.length > 1 ? ctx.draft.asOf : '')
      ) {
        if (ctx.meetings.length === 1 || merged.dates.start < ctx.draft.asOf)
          ctx.draft.asOf = merged.dates.start;
      }
    }
  },
};
