// Queries over the rule context shared by several rules: mentions in a span, the section of an offset, the
// subject a numbered item is about ("(3) 澳洲：…", "11. 新加坡"), the meetings a sentence speaks of.
import type { Mention } from '../entities/gazetteer.js';
import { findOrdinals } from '../entities/patterns.js';
import { parentOf, sectionAt } from '../structure/sections.js';
import type { Sentence } from '../text/sentences.js';
import type { Section } from '../types.js';
import type { ReportMeeting, RuleContext } from './rule.js';

export function mentionsIn(ctx: RuleContext, start: number, end: number, labels?: string[]): Mention[] {
  return ctx.mentions.filter(
    (m) => m.start >= start && m.end <= end && (!labels || labels.includes(m.label)),
  );
}

export function sectionOf(ctx: RuleContext, offset: number): Section {
  return sectionAt(ctx.sections, offset);
}

export function headingEnd(ctx: RuleContext, s: Section): number {
  const nl = ctx.text.indexOf('\n', s.start);
  return nl < 0 || nl > s.end ? s.end : nl;
}

const SUBJECT_LABELS = ['Economy', 'Organization', 'Forum'];

/** The economy or organisation a numbered item is about: the first mention at the head of its title. */
export function subjectOfSection(ctx: RuleContext, s: Section, labels = SUBJECT_LABELS): Mention | undefined {
  const end = headingEnd(ctx, s);
  const head = ctx.text.slice(s.start, end);
  const colon = head.search(/[：:]/u);
  const titleOnly = colon >= 0 ? s.start + colon : end;
  const ms = mentionsIn(ctx, s.start, Math.min(titleOnly, s.start + 40), labels).filter(
    (m) => m.id !== 'apec',
  );
  const first = ms[0];
  if (!first) return undefined;
  // The mention must open the title (after the number and words such as 客座組織 / guest organisation).
  const before = ctx.text
    .slice(s.start, first.start)
    .replace(/^[\s\-•]*[(（]?[\dA-Za-z一二三四五六七八九十]{1,3}[.)）、]?\s*/u, '');
  if (before.length > 8) return undefined;
  if (colon < 0 && end - first.end > 25) return undefined;
  return first;
}

/** The subject of the numbered item (or one of its parents) that contains an offset. */
export function subjectAt(ctx: RuleContext, offset: number, labels = SUBJECT_LABELS): Mention | undefined {
  let s: Section | undefined = sectionOf(ctx, offset);
  for (let i = 0; s && i < 3; i++) {
    const m = subjectOfSection(ctx, s, labels);
    if (m) return m;
    s = parentOf(ctx.sections, s);
  }
  return undefined;
}

export function sentenceAt(ctx: RuleContext, offset: number): Sentence | undefined {
  return ctx.sentences.find((s) => s.start <= offset && offset < s.end);
}

function inScope(m: ReportMeeting, offset: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (const s of m.scopes) if (s.start <= offset && offset < s.end) best = Math.min(best, s.end - s.start);
  return best;
}

/**
 * The report meetings a sentence speaks of: one it names by forum and ordinal, else the meeting whose part of
 * the report contains it, else (in a summary outside every meeting's part) each meeting whose forum it names.
 */
export function meetingsFor(ctx: RuleContext, s: Sentence): ReportMeeting[] {
  const body = ctx.text.slice(s.start, s.end);
  const forums = mentionsIn(ctx, s.start, s.end, ['Forum']).map((m) => m.id);
  const namedMeetings = ctx.meetings.filter((m) => forums.includes(m.forum));
  const ordinals = new Set(namedMeetings.map((m) => m.forum)).size > 1 ? [] : findOrdinals(body);
  for (const o of ordinals) {
    const hit = ctx.meetings.find(
      (m) => m.ordinal === o.ordinal && (forums.includes(m.forum) || o.forum !== undefined),
    );
    if (hit && forums.includes(hit.forum)) return [hit];
  }
  let best: ReportMeeting | undefined;
  let size = Number.POSITIVE_INFINITY;
  for (const m of ctx.meetings) {
    const w = inScope(m, s.start);
    if (w < size) {
      size = w;
      best = m;
    }
  }
  if (best) return [best];
  const named = ctx.meetings.filter((m) => forums.includes(m.forum));
  if (named.length > 0) return named;
  return ctx.meetings.length === 1 ? ctx.meetings : [];
}

/** Registers the mentioned existing node in the draft with this prov; returns its id. */
export function useMention(ctx: RuleContext, m: Mention, rule: string, proofStart: number, proofEnd: number) {
  const sec = sectionOf(ctx, proofStart);
  // A node this draft created (an organisation recognised by its shape) is used as it is.
  if (ctx.draft.node(m.id)?.status === 'new') return m.id;
  return ctx.draft.mentionExisting(m.id, ctx.draft.prov(sec.label, proofStart, proofEnd), rule);
}

export function provFor(ctx: RuleContext, start: number, end: number) {
  return ctx.draft.prov(sectionOf(ctx, start).label, start, end);
}
